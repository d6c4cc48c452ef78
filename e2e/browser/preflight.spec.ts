import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { setClockOffset, setDiskFree, stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// The cluster home's preflight table (green, amber, red with the fix in words), a bring-up that
// preflight stops (the red check in the confirmation, nothing installed), and the drift list
// after a Mesos agent is stopped by hand.
let server: AppServer;
let hosts: ClusterHost[];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ({ server, hosts } = await startServerWithCluster([
    { arch: "x86_64", hostname: "pp-1" },
    { arch: "aarch64", hostname: "pp-2" },
  ]));
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

const signIn = (page: import("@playwright/test").Page) => signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");

test("Check shows a node × check table; a clock two minutes off turns that node's cell red, with the fix", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const panel = page.getByTestId("preflight-panel");
  await panel.getByRole("button", { name: "Check" }).click();
  const table = panel.getByTestId("preflight-table");
  await expect(table.locator("tr[data-node]")).toHaveCount(2, { timeout: 60_000 });
  await expect(table.locator('[data-status="fail"]')).toHaveCount(0);
  await expect(table.locator('tr[data-node="pp-2"] [data-check="reach:master:5050"]')).toHaveAttribute("data-status", "ok");
  await expect(table.locator('tr[data-node="pp-1"] [data-check="port:5050"]')).toHaveAttribute("data-status", "ok");
  await expect(table.locator('tr[data-node="pp-2"] [data-check="port:5050"]')).toHaveCount(0);

  // The run is a run like any other: its page shows each node's probe and its log.
  await panel.getByRole("link", { name: "log" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded");
  const cells = page.getByTestId("progress-grid").locator('[data-testid="step-cell"][data-step="preflight.probe"]');
  await expect(cells).toHaveCount(2);
  await cells.first().click();
  await expect(page.getByTestId("log-line").filter({ hasText: "[armdeck] preflight: done" })).toHaveCount(1);
  await page.goto(`${server.url}/clusters/1`);

  await setClockOffset(hosts[1]!, 120);
  try {
    await panel.getByRole("button", { name: "Check" }).click();
    await expect(table.locator('tr[data-node="pp-2"] [data-check="clock"]')).toHaveAttribute("data-status", "fail", { timeout: 60_000 });
    await expect(table.locator('tr[data-node="pp-1"] [data-check="clock"]')).toHaveAttribute("data-status", "ok");
    await expect(panel.getByTestId("preflight-table-problems").locator('[data-status="fail"]')).toHaveText(/^pp-2 clock: 1(19|20|21)\.\d s ahead of the other nodes: .*NTP/);
    await page.screenshot({ path: ".test-reports/screenshots/preflight-table.png", fullPage: true });
  } finally {
    await setClockOffset(hosts[1]!, null);
  }
});

test("a bring-up stopped by a red check names it in the confirmation and installs nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await setDiskFree(hosts[1]!, 300 * 1024);
  try {
    await signIn(page);
    await page.getByRole("radio", { name: "Bring up cluster" }).check();
    await page.getByRole("button", { name: "Run Bring up cluster…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Run Bring up cluster" }).click();
    const failed = dialog.getByTestId("confirm-preflight-failed");
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(failed.locator("li")).toHaveCount(1);
    await expect(failed.locator('li[data-node="pp-2"][data-check="disk"]')).toContainText("0.3 GB free");
    await expect(page).toHaveURL(/\/clusters\/1$/);
    await page.screenshot({ path: ".test-reports/screenshots/bring-up-stopped-by-preflight.png" });
    for (const h of hosts) expect((await h.exec("ls /var/lib/armdeck-shims/dpkg.json 2>/dev/null || true")).stdout.trim()).toBe("");
    await dialog.getByRole("button", { name: "Cancel" }).click();
  } finally {
    await setDiskFree(hosts[1]!, null);
  }
});

test("after a bring-up Verify says everything holds; an agent stopped by hand is in the drift list", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page);
  await page.getByRole("radio", { name: "Bring up cluster" }).check();
  await page.getByRole("button", { name: "Run Bring up cluster…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Run Bring up cluster" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/, { timeout: 60_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 500_000 });

  await page.goto(`${server.url}/clusters/1`);
  const panel = page.getByTestId("verify-panel");
  await expect(panel).toContainText("Not verified yet.");
  await panel.getByRole("button", { name: "Verify" }).click();
  await expect(panel.getByTestId("verify-summary")).toContainText(/^Everything holds \(\d+ checks\), verified \d+ s ago\./, { timeout: 60_000 });

  const stopped = await hosts[1]!.exec('pid=$(cat /var/lib/armdeck/services/mesos-agent.pid) && kill -TERM "-$pid" && rm /var/lib/armdeck/services/mesos-agent.pid && echo stopped');
  expect(stopped.stdout.trim()).toBe("stopped");
  await panel.getByRole("button", { name: "Verify" }).click();
  await expect(panel.getByTestId("drift-list").locator("li")).toHaveCount(1, { timeout: 60_000 });
  await expect(panel.getByTestId("drift-list")).toContainText(/^mesos-agent on pp-2: not running, its health probe fails/);
  await expect(panel.getByTestId("verify-summary")).toContainText("1 thing no longer holds");
  await page.screenshot({ path: ".test-reports/screenshots/drift-list.png", fullPage: true });
});
