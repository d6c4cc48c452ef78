import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts } from "../harness/clusterHosts";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// An operator turns --disable-werror off in the settings form (its hint shows the chosen Mesos
// version's known problems); the build then stops where GCC 12 stops Mesos, and the run page says
// in words what went wrong and which setting fixes it, above the log's last lines.
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ server } = await startServerWithCluster([{ arch: "x86_64", hostname: "bfe-node" }]));
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("a -Werror failure is explained with its setting, and the log's last lines stay", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  await page.getByText("Settings: versions, paths and ports").click();
  const settings = page.getByTestId("cluster-settings");
  await expect(settings).toContainText("1.11.0: The last release, compiled here on Debian 12 with GCC 12");
  await settings.getByLabel("Mesos version (git tag or release)").fill("1.4.0");
  await expect(settings).toContainText("1.4.0: The runbook's version. Does not compile on any current OS as released");
  await settings.getByLabel("Mesos version (git tag or release)").fill("1.11.0");
  await settings.getByLabel("Configure with --disable-werror (GCC 9+ warnings are fatal otherwise)").uncheck();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings).toContainText("Saved.");

  await page.getByRole("radio", { name: "Bring up cluster" }).check();
  await page.getByRole("button", { name: "Run Bring up cluster…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Run Bring up cluster" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed", { timeout: 180_000 });

  const panel = page.getByTestId("failure-panel");
  await expect(panel).toContainText("Build Mesos (make) on bfe-node");
  // The traced make is far above the last 400 lines of its output, and still named.
  await expect(page.getByTestId("failure-text")).toContainText(/Exit code 2 from: make -j\S+/);
  const known = page.getByTestId("failure-known-problem");
  await expect(known).toHaveCount(1);
  await expect(known).toContainText("A compiler warning made fatal by -Werror");
  await expect(known).toContainText("mesosDisableWerror");
  await expect(page.getByTestId("failure-last-lines")).toContainText("cc1plus: all warnings being treated as errors");
  await page.screenshot({ path: ".test-reports/screenshots/run-failed-werror-explained.png", fullPage: true });
});
