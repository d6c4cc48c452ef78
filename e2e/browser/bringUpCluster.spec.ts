import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// Its own server and cluster, so the other specs' nodes do not change this cluster's shape.
let server: AppServer;
let hosts: ClusterHost[];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ({ server, hosts } = await startServerWithCluster([
    { arch: "aarch64", hostname: "od1000-1" },
    { arch: "x86_64", hostname: "od1000-0" },
  ]));
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("bring up the cluster with one click, watch the log live, search it and download it", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");

  // The dry run shows the exact commands per node before anything runs.
  await page.getByRole("radio", { name: "Bring up cluster" }).check();
  await page.getByRole("button", { name: "Dry run" }).click();
  const dryRun = page.getByTestId("dry-run");
  await expect(dryRun.locator('[data-node="od1000-1"] [data-step="mesos.fix-config-guess"]')).toBeVisible();
  await expect(dryRun.locator('[data-node="od1000-0"] [data-step="mesos.fix-config-guess"]')).toHaveCount(0);
  // The topology first: the master with its ZooKeeper id, the quorum, the agents, the zk:// URL.
  const topology = dryRun.getByTestId("dry-run-topology");
  await expect(topology).toContainText(`od1000-1 (${hosts[0]!.address}, ZooKeeper id 1, also an agent)`);
  await expect(topology).toContainText("1 of 1: survives 0 masters down");
  await expect(topology).toContainText(`zk://${hosts[0]!.address}:2181/mesos`);

  await page.getByRole("button", { name: "Run Bring up cluster…" }).click();
  await page.getByTestId("confirm-plan").getByRole("button", { name: "Run Bring up cluster" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);
  const grid = page.getByTestId("progress-grid");
  await expect(grid.locator('[data-testid="step-cell"]').first()).toBeVisible();

  // Live: the viewer shows lines while the plan is still running.
  await expect(page.getByTestId("run-status")).toHaveText(/running/i, { timeout: 30_000 });
  await expect(page.getByTestId("log-line").first()).toBeVisible({ timeout: 30_000 });

  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 240_000 });
  await page.screenshot({ path: ".test-reports/screenshots/run-succeeded.png", fullPage: true });
  await expect(grid.locator('[data-testid="step-cell"][data-status="succeeded"]')).toHaveCount(await grid.locator('[data-testid="step-cell"]').count());

  // The aarch64 build step's log: pick it in the grid, search it.
  await grid.locator('[data-testid="step-cell"][data-node="od1000-1"][data-step="mesos.fix-config-guess"]').click();
  const viewer = page.getByTestId("log-viewer");
  await expect(viewer.getByTestId("log-line").filter({ hasText: "aarch64 fix: replaced" }).first()).toBeVisible();
  await page.getByLabel("Search log").fill("config.guess");
  // The first match shown is the one nearest the view; Enter moves to the next.
  await expect(page.getByTestId("search-count")).toHaveText(/^\d+ of \d+$/);
  const [current, total] = (await page.getByTestId("search-count").textContent())!.split(" of ").map(Number) as [number, number];
  expect(total).toBeGreaterThan(3);
  await page.getByLabel("Search log").press("Enter");
  await expect(page.getByTestId("search-count")).toHaveText(`${(current % total) + 1} of ${total}`);
  await page.getByLabel("Search log").press("Shift+Enter");
  await expect(page.getByTestId("search-count")).toHaveText(`${current} of ${total}`);
  await page.screenshot({ path: ".test-reports/screenshots/run-search.png", fullPage: true });

  // Download: the raw bytes, the same as the server stored.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download raw log" }).click()]);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toMatch(/aarch64 fix: \d+ config\.guess file\(s\) replaced/);
  expect(text.split("\n").filter((l) => l.includes("config.guess")).length).toBe(total);
});

test("after the bring-up the overview's ZooKeeper line is the server's own srvr Mode, in words", async ({ page }) => {
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  // Asked by the test itself: the one member of a one-master cluster serves standalone.
  const reply = (await hosts[0]!.exec(`printf srvr | nc -w 3 ${hosts[0]!.address} 2181`)).stdout;
  expect(reply).toMatch(/^Mode: standalone$/m);
  await expect(page.getByTestId("zookeeper-summary")).toHaveText("ZooKeeper: 1 of 1 serving, standalone", { timeout: 30_000 });
  await expect(page.getByTestId("service-zookeeper")).toHaveAttribute("data-state", "up");
});
