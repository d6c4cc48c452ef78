import { writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";
import { runPlan } from "../harness/provisionedCluster";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// A rolling upgrade from the cluster home: the offer after a version change, the dry run's order
// and gates, and the run page node by node (the master first, then the agents), stopping at the
// first agent, whose new mesos-agent dies; the second agent is never touched.
let server: AppServer;
let hosts: ClusterHost[];

test.beforeAll(async () => {
  test.setTimeout(400_000);
  ({ server, hosts } = await startServerWithCluster([
    { arch: "x86_64", hostname: "ru-m" },
    { arch: "x86_64", hostname: "ru-a1" },
    { arch: "x86_64", hostname: "ru-a2" },
  ]));
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  // 1.4.3, not the runbook's 1.4.0, which no longer compiles on a current OS (docs/builds.md).
  const current = await admin.call("GET", "/api/v1/clusters/1/settings");
  const saved = await admin.call("PUT", "/api/v1/clusters/1/settings", { body: { ...current.body.settings, mesosVersion: "1.4.3" } });
  if (saved.status !== 200) throw new Error(`settings: HTTP ${saved.status} ${saved.text}`);
  const up = await runPlan(admin, "bring-up");
  if (up.run.status !== "succeeded") throw new Error(`bring-up ${up.run.status}`);
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("offer, dry run and progress of a rolling upgrade that stops at an unhealthy node", async ({ page }) => {
  test.setTimeout(400_000);
  const [m, a1, a2] = hosts as [ClusterHost, ClusterHost, ClusterHost];
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  // Every node runs what the settings say: nothing is offered.
  await expect(page.getByRole("radio", { name: "Rolling upgrade" })).toBeVisible();
  await expect(page.getByTestId("upgrade-offer")).toHaveCount(0);

  await page.getByText("Settings: versions, paths and ports").click();
  // Verify's interval is a setting too: out of bounds is a field error; a number saves.
  const verify = page.getByLabel("Scheduled Verify every N minutes (0 = off)");
  await expect(verify).toHaveValue("");
  await verify.fill("99999");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("At most 10080 minutes (a week)")).toBeVisible();
  await verify.fill("30");
  await page.getByLabel("Mesos version (git tag or release)").fill("1.11.0");
  await page.getByRole("button", { name: "Save settings" }).click();
  const offer = page.getByTestId("upgrade-offer");
  await expect(offer).toContainText("Mesos 1.4.3 → 1.11.0 on 3 nodes");
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  expect((await admin.call("GET", "/api/v1/clusters/1/settings")).body.settings).toMatchObject({ mesosVersion: "1.11.0", verifyIntervalMinutes: 30 });

  await offer.getByRole("button", { name: "Upgrade…" }).click();
  await expect(page.getByRole("radio", { name: "Rolling upgrade" })).toBeChecked();
  // No node or component choice: the upgrade covers the nodes whose versions differ.
  await expect(page.getByRole("checkbox", { name: "Mesos build" })).toHaveCount(0);
  const outline = page.getByTestId("upgrade-outline");
  await expect(outline.getByTestId("upgrade-order").locator("> li")).toHaveCount(3);
  await expect(outline.locator('[data-node="ru-m"]')).toContainText("1. ru-m");
  await expect(outline.locator('[data-node="ru-m"]')).toContainText("leading master, last of the masters");
  await expect(outline.locator('[data-node="ru-a1"]')).toContainText("2. ru-a1");
  await expect(outline.locator('[data-node="ru-a1"]')).toContainText("agent, after every master: drained one at a time");
  await expect(outline.locator('[data-node="ru-a1"]')).toContainText(`/master/slaves lists ${a1.address}:5051 as active, version 1.11.0`);
  await expect(outline.locator('[data-node="ru-a2"]')).toContainText("3. ru-a2");
  await expect(outline).toContainText("Build beside");
  await page.screenshot({ path: ".test-reports/screenshots/upgrade-dry-run.png", fullPage: true });

  // The agent's new version dies at start.
  await writeFile(a1.hostPath("/var/lib/armdeck-shims/mesos-faults.json"), JSON.stringify({ agentExitsAtStart: ["1.11.0"] }));
  await page.getByRole("button", { name: "Run Rolling upgrade…" }).click();
  const dialog = page.getByTestId("confirm-plan");
  await expect(dialog).toContainText("Rolling upgrade: Mesos 1.4.3 → 1.11.0 on 3 nodes?");
  await expect(dialog.getByTestId("confirm-nodes")).toContainText(`ru-a1 ${a1.address}`);
  await dialog.getByRole("button", { name: /^Run / }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]+/, { timeout: 60_000 });

  const progress = page.getByTestId("upgrade-progress");
  await expect(progress.locator('[data-node="ru-m"]')).toHaveAttribute("data-state", "upgrading", { timeout: 60_000 });
  await expect(progress.locator('[data-node="ru-a2"]')).toHaveAttribute("data-state", "waiting");
  await expect(progress.locator('[data-node="ru-m"]')).toHaveAttribute("data-state", "upgraded", { timeout: 240_000 });
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed", { timeout: 240_000 });
  await expect(progress.locator('[data-node="ru-a1"]')).toHaveAttribute("data-state", "stopped");
  await expect(progress.locator('[data-node="ru-a1"]')).toContainText("did not come back healthy");
  await expect(progress.locator('[data-node="ru-a1"]').getByTestId("upgrade-failure")).toContainText(
    "Roll back ru-a1: sh '/var/lib/armdeck/rollback/to-mesos-1.4.3-marathon-v1.5.1.sh'",
  );
  await expect(progress.locator('[data-node="ru-a2"]')).toHaveAttribute("data-state", "untouched");
  await expect(progress.locator('[data-node="ru-a2"]')).toContainText("still on the old version");
  await expect(progress.locator('[data-node="ru-m"]')).toHaveAttribute("data-state", "upgraded");
  await expect(page.getByTestId("failure-text")).toContainText("make install in /opt/armdeck/mesos-1.4.3/build");
  await page.screenshot({ path: ".test-reports/screenshots/upgrade-stopped.png", fullPage: true });
  // On the hosts: the master upgraded, the untouched agent still on 1.4.3.
  expect((await m.exec("cat /var/lib/armdeck/state/mesos-installed")).stdout.trim()).toBe("1.11.0");
  expect((await a2.exec("cat /var/lib/armdeck/state/mesos-installed")).stdout.trim()).toBe("1.4.3");
});
