import { readFile, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// The connectivity check in Chromium on a cluster of its own: brought up over the API, the
// runbook's basic.json posted to its Marathon, then "Check connectivity" on the Marathon page.
// Expected IPs and names come from the hosts' state files (the docker stand-in's containers).
let server: AppServer;
let hosts: ClusterHost[];

const BASIC = JSON.parse(readFileSync(new URL("../../standin/fixtures/basic.json", import.meta.url), "utf8"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function containers(): Promise<{ host: ClusterHost; name: string; ip: string; dns: string | null }[]> {
  const all = [];
  for (const host of hosts) {
    const text = await readFile(host.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8").catch(() => '{"containers":[]}');
    for (const c of JSON.parse(text).containers) if (c.state === "running" && c.weave) all.push({ host, name: c.Name, ip: c.weave.ip, dns: c.dns ? String(c.dns).replace(/\.$/, "") : null });
  }
  return all;
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  ({ server, hosts } = await startServerWithCluster([
    { arch: "aarch64", hostname: "od1000-1" },
    { arch: "x86_64", hostname: "od1000-0" },
  ]));
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  const run = await admin.call("POST", "/api/v1/plan-runs", { body: { plan: "bring-up", confirm: true } });
  expect(run.status, run.text).toBe(201);
  for (;;) {
    const r = await admin.call("GET", `/api/v1/plan-runs/${run.body.id}`);
    if (!["queued", "running"].includes(r.body.run.status)) {
      expect(r.body.run.status).toBe("succeeded");
      break;
    }
    await sleep(500);
  }
  const posted = await fetch(`http://${hosts[0]!.address}:8080/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(BASIC) });
  expect(posted.status).toBe(201);
  while ((await containers()).length < 4) await sleep(500);
});

test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("Check connectivity: ping installed on request, the matrix green, then one fault shown in words", async ({ page }) => {
  test.setTimeout(300_000);
  const running = await containers();
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1/marathon");
  const panel = page.getByTestId("connectivity-panel");
  const group = panel.locator('[data-testid="connectivity-group"][data-group="/arm-demo"]');
  await expect(group).toBeVisible({ timeout: 60_000 });

  // ubuntu:16.04 has no ping: the check says what it would install, and installs only on the click.
  await group.getByRole("button", { name: "Check connectivity" }).click();
  const matrix = page.getByTestId("connectivity-matrix");
  const cells = matrix.getByTestId("connectivity-cell");
  await expect(page.getByTestId("connectivity-summary")).toContainText("succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("connectivity-failures")).toContainText('"apt-get install -y iputils-ping"');
  await page.getByRole("button", { name: "Install ping in those containers and check again" }).click();
  await expect(page.getByTestId("connectivity-summary")).toContainText("24 ok · 0 failed · 0 pending", { timeout: 90_000 });
  await expect(cells).toHaveCount(24);
  await expect(matrix.locator('[data-testid="connectivity-cell"][data-state="ok"]')).toHaveCount(24);
  for (const c of running) await expect(matrix.getByRole("columnheader", { name: new RegExp(c.ip.replace(/\./g, "\\.")) })).toBeVisible();
  // The nodes' live log beside the matrix.
  await expect(page.getByTestId("connectivity-run").getByTestId("log-line").first()).toBeVisible();
  await page.screenshot({ path: ".test-reports/screenshots/connectivity-green.png", fullPage: true });

  // One router answers ubuntu1 with one IP of two.
  const b = hosts[1]!;
  const keep = running.find((r) => r.dns === "ubuntu1.weave.local" && r.host === hosts[0])!.ip;
  await writeFile(b.hostPath("/var/lib/armdeck-shims/weave-faults.json"), JSON.stringify({ partialDns: { ubuntu1: keep } }));
  for (const h of hosts) await h.exec("weave status >/dev/null 2>&1; true");
  await group.getByRole("button", { name: "Check connectivity" }).click();
  const failing = running.filter((r) => r.host === b && r.dns !== "ubuntu1.weave.local");
  await expect(page.getByTestId("connectivity-summary")).toContainText(`${24 - failing.length} ok · ${failing.length} failed · 0 pending`, { timeout: 90_000 });
  await expect(matrix.locator('[data-testid="connectivity-cell"][data-state="failed"]')).toHaveCount(failing.length);
  await expect(page.getByTestId("connectivity-failures")).toContainText(`ubuntu2 on od1000-0 resolves ubuntu1.weave.local to ${keep} only`);
  await page.screenshot({ path: ".test-reports/screenshots/connectivity-fault.png", fullPage: true });
});
