import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// A node whose package mirror lacks sbt: Prepare fails on that step, the run page says which
// command failed and how; once the mirror has it, "Retry from failed step" finishes the run.
let server: AppServer;
let host: ClusterHost;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  let hosts: ClusterHost[];
  ({ server, hosts } = await startServerWithCluster([{ arch: "aarch64", hostname: "od1000-1", unavailablePackages: ["sbt"] }]));
  host = hosts[0]!;
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("a failed step shows its command, exit code and last lines; retry resumes from it", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  await page.getByRole("radio", { name: "Prepare" }).click();
  await page.getByRole("button", { name: "Run Prepare…" }).click();
  await page.getByTestId("confirm-plan").getByRole("button", { name: "Run Prepare" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);

  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed", { timeout: 90_000 });
  const panel = page.getByTestId("failure-panel");
  await expect(panel).toContainText("prereq.sbt");
  await expect(page.getByTestId("failure-text")).toContainText("from: apt-get install -y --no-install-recommends sbt");
  await expect(page.getByTestId("failure-exit-code")).toHaveText("100");
  await expect(page.getByTestId("failure-last-lines")).toContainText("Unable to locate package sbt");
  await page.screenshot({ path: ".test-reports/screenshots/run-failed.png", fullPage: true });
  const done = page.locator('[data-testid="step-cell"][data-step="prereq.packages"]');
  await expect(done).toHaveAttribute("data-status", "succeeded");

  // The mirror gets sbt; retry runs the failed step only.
  const config = path.join(host.shimDir, ".armdeck", "config.json");
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), unavailablePackages: [] }));
  await page.getByRole("button", { name: "Retry from failed step" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(page.getByTestId("failure-panel")).toHaveCount(0);
  await expect(page.locator('[data-testid="step-cell"][data-step="prereq.sbt"]')).toHaveAttribute("data-status", "succeeded");
});
