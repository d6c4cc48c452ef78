import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { AppServer } from "../harness/appServer";
import { stopAllClusterHosts, type ClusterHost } from "../harness/clusterHosts";
import { TestClient } from "../harness/httpClient";
import { runPlan } from "../harness/provisionedCluster";
import { startServerWithCluster } from "./ownCluster";
import { signInAt } from "./state";

// The Weave page of a provisioned cluster of its own: brought up through the API, the runbook's
// basic.json posted to its Marathon; the WeaveDNS table lists ubuntu1 and ubuntu2 with 2 Weave IPs
// each on the right nodes, and a router taken down on one host is flagged on the page. Expected
// values come from the hosts' own state files (the docker and weave stand-ins), never from Armdeck.
test.describe.configure({ mode: "serial" });

let server: AppServer;
let hosts: ClusterHost[];

interface HostContainer {
  Name: string;
  state: string;
  dns?: string;
  weave?: { ip: string };
}
const containersOf = async (h: ClusterHost): Promise<HostContainer[]> =>
  JSON.parse(await readFile(h.hostPath("/var/lib/armdeck-shims/docker-containers.json"), "utf8").catch(() => '{"containers":[]}')).containers;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  ({ server, hosts } = await startServerWithCluster([
    { arch: "aarch64", hostname: "wv-page-arm" },
    { arch: "x86_64", hostname: "wv-page-x86" },
  ]));
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  const up = await runPlan(admin, "bring-up");
  expect(up.run.status).toBe("succeeded");
  const basic = await readFile(path.join(import.meta.dirname, "../../standin/fixtures/basic.json"), "utf8");
  const res = await fetch(`http://${hosts[0]!.address}:8080/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json" }, body: basic });
  expect(res.status).toBe(201);
  await expect.poll(async () => (await Promise.all(hosts.map(containersOf))).flat().filter((c) => c.state === "running").length, { timeout: 90_000 }).toBe(4);
});
test.afterAll(async () => {
  await server?.stop();
  await stopAllClusterHosts();
});

test("the WeaveDNS table lists ubuntu1 and ubuntu2 with 2 Weave IPs each on the right nodes", async ({ page }) => {
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1");
  await page.getByRole("navigation", { name: "Cluster pages" }).getByRole("link", { name: "Weave" }).click();
  await expect(page).toHaveURL(/\/clusters\/1\/weave$/);
  const table = page.getByTestId("weave-dns-table");
  for (const name of ["ubuntu1", "ubuntu2"]) {
    const expected = (await Promise.all(hosts.map(async (h) => (await containersOf(h)).filter((c) => c.state === "running" && c.dns === `${name}.weave.local.`).map((c) => ({ ip: c.weave!.ip, node: h.hostname })))))
      .flat()
      .sort((a, b) => a.ip.localeCompare(b.ip));
    expect(expected).toHaveLength(2);
    const rows = table.locator(`[data-testid="weave-dns-row"][data-name="${name}"]`);
    await expect(rows).toHaveCount(2, { timeout: 60_000 });
    const seen = [];
    for (let i = 0; i < 2; i++) seen.push({ ip: (await rows.nth(i).getByTestId("weave-dns-ip").textContent())!, node: (await rows.nth(i).getByTestId("weave-dns-node").textContent())! });
    expect(seen.sort((a, b) => a.ip.localeCompare(b.ip))).toEqual(expected);
    await expect(rows.first()).toContainText(name === "ubuntu1" ? "/arm-demo/group1/ubuntu1" : "/arm-demo/group2/ubuntu2");
  }
  await expect(page.locator('[data-testid="weave-router"][data-state="up"]')).toHaveCount(2);
  await page.screenshot({ path: ".test-reports/screenshots/weave-dns.png", fullPage: true });
});

test("a router that is down is flagged on the page, in words", async ({ page }) => {
  test.setTimeout(180_000);
  const down = hosts[1]!;
  await writeFile(down.hostPath("/var/lib/armdeck-shims/weave-faults.json"), JSON.stringify({ routerDown: true }));
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, "/clusters/1/weave");
  const card = page.locator(`[data-testid="weave-router"][data-node="${down.hostname}"]`);
  // The page updates by itself when the poller's next Weave read (at most a minute) lands.
  await expect(card).toHaveAttribute("data-state", "down", { timeout: 120_000 });
  await expect(card.getByTestId("weave-router-state")).toHaveText("router down");
  await expect(card.getByTestId("weave-router-problems")).toContainText(`The Weave router on ${down.hostname} is down: nothing listens on 127.0.0.1:6784`);
  await expect(page.locator(`[data-testid="weave-router"][data-node="${hosts[0]!.hostname}"]`).getByTestId("weave-router-problems")).toContainText("failed");
  await page.screenshot({ path: ".test-reports/screenshots/weave-router-down.png", fullPage: true });
  await writeFile(down.hostPath("/var/lib/armdeck-shims/weave-faults.json"), "{}");
});
