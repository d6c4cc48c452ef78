import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// A plan that changes nodes asks first (naming nodes and components; Cancel runs nothing);
// Status is a report with no retry; /runs lists, filters and follows runs live.
let server: AppServer;
let hosts: ClusterHost[];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ({ server, hosts } = await startServerWithCluster([{ arch: "x86_64", hostname: "pc-1" }]));
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

const runsOnServer = async () => {
  const client = new TestClient(server.url);
  await client.login("admin", server.adminPassword);
  return (await client.call("GET", "/api/v1/plan-runs")).body.runs as { id: string; plan: string }[];
};

test("a plan that changes nodes names them and its components first; Cancel runs nothing", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  await page.getByRole("radio", { name: "Bring up cluster" }).check();
  for (const c of ["Prerequisites", "Mesos build", "ZooKeeper config", "ZooKeeper service", "Mesos master"]) await page.getByRole("checkbox", { name: c }).check();
  await page.getByRole("button", { name: "Run Bring up cluster…" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const node = hosts[0]!;
  await expect(dialog.getByTestId("confirm-nodes")).toHaveText(`pc-1 ${node.address}`);
  await expect(dialog.getByTestId("confirm-components").locator("li")).toHaveText(["Prerequisites", "Mesos build", "ZooKeeper config", "ZooKeeper service", "Mesos master"]);
  await expect(dialog.getByTestId("confirm-steps")).toHaveText(/^\d+$/);
  await page.screenshot({ path: ".test-reports/screenshots/confirm-plan.png" });

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/clusters\/1$/);
  expect(await runsOnServer()).toEqual([]);

  await page.getByRole("button", { name: "Run Bring up cluster…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Run Bring up cluster" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 200_000 });
});

test("Status runs without asking and shows a report: up, down, not installed, in the probe's words, no retry", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  await expect(page.getByRole("radio", { name: "Status" })).toBeChecked();
  await page.getByRole("button", { name: "Run Status" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  const row = (component: string) => page.locator(`[data-testid="status-row"][data-node="pc-1"][data-component="${component}"]`);
  await expect(row("zookeeper-service")).toHaveAttribute("data-state", "up");
  await expect(row("zookeeper-service").getByTestId("status-answer")).toHaveText("imok");
  await expect(row("mesos-master")).toHaveAttribute("data-state", "up");
  await expect(row("mesos-agent")).toHaveAttribute("data-state", "down");
  await expect(row("mesos-agent").getByTestId("status-answer")).toContainText("Failed to connect");
  await expect(row("marathon-service")).toHaveAttribute("data-state", "not_installed");
  await expect(row("weave-router")).toHaveAttribute("data-state", "not_installed");
  await expect(page.getByTestId("status-summary")).toHaveText("2 up · 1 down · 2 not installed");
  await page.screenshot({ path: ".test-reports/screenshots/status-report.png", fullPage: true });

  await expect(page.getByRole("button", { name: /retry/i })).toHaveCount(0);
  await expect(page.getByTestId("failure-panel")).toHaveCount(0);
  await expect(page.getByTestId("run-status")).not.toHaveText(/failed/);
  await expect(page.getByText("Exit code")).toHaveCount(0);
});

test("/runs lists every run newest first, filters by kind and status, and shows a new run live", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/runs");
  const rows = page.getByTestId("runs-row");
  // The bring-up's preflight (its gate) is a run of its own, just before it.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-kind", "status");
  await expect(rows.nth(0).getByTestId("runs-service-summary")).toHaveText("2 up · 1 down · 2 not installed");
  await expect(rows.nth(1)).toHaveAttribute("data-kind", "bring-up");
  await expect(rows.nth(1)).toContainText("pc-1");
  await expect(rows.nth(1)).toContainText("Mesos master");
  await expect(rows.nth(2)).toHaveAttribute("data-kind", "preflight");

  await page.getByLabel("Kind").selectOption("bring-up");
  await expect(page).toHaveURL(/kind=bring-up/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-kind", "bring-up");
  await page.getByLabel("Status").selectOption("failed");
  await expect(page.getByText("No run matches these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("");
  await page.getByLabel("Kind").selectOption("");
  await expect(rows).toHaveCount(3);

  // A run started elsewhere appears without a reload: the socket's runs room, not polling.
  const client = new TestClient(server.url);
  await client.login("admin", server.adminPassword);
  const started = await client.call("POST", "/api/v1/plan-runs", { body: { plan: "status" } });
  expect(started.status).toBe(201);
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute("data-run", started.body.id);
});
