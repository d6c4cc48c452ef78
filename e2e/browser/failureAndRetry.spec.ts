import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../harness/appServer";
import { startCluster, stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";

// A node whose package mirror lacks sbt: Prepare fails on that step, the run page says which
// command failed and how; once the mirror has it, "Retry from failed step" finishes the run.
let server: AppServer;
let host: ClusterHost;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  let hosts: ClusterHost[];
  [server, hosts] = await Promise.all([startAppServer(), startCluster([{ arch: "aarch64", hostname: "od1000-1", unavailablePackages: ["sbt"] }])]);
  host = hosts[0]!;
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  const res = await admin.call("POST", "/api/v1/nodes", {
    body: { name: host.hostname, address: host.address, port: host.port, username: "root", auth: { kind: "key", privateKey: host.root.privateKey }, role: "both", hostKeyFingerprint: await host.hostKeyFingerprint() },
  });
  expect(res.status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("a failed step shows its command, exit code and last lines; retry resumes from it", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${server.url}/login?next=/cluster`);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/cluster`);
  await page.getByRole("radio", { name: "Prepare" }).click();
  await page.getByRole("button", { name: "Prepare" }).last().click();
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
