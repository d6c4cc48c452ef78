import { expect, test, type Page } from "@playwright/test";
import { startAppServer, type AppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { closedPort, startTestSshHost, type TestSshHost } from "../harness/sshHosts";
import { signInAt } from "./state";

// With more than one cluster: the wizard adds to the provisioned cluster it is told (never an
// adopted one), and the inventory and the runs history say each row's cluster and filter by it.
// A server of its own, so the shared server keeps its single cluster.
let server: AppServer;
let core: TestSshHost;
let edge: TestSshHost;
let admin: TestClient;
let edgeId: number;
let adoptedId: number;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [server, core, edge] = await Promise.all([startAppServer(), startTestSshHost({ arch: "x86_64" }), startTestSshHost({ arch: "aarch64" })]);
  admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  const made = await admin.call("POST", "/api/v1/clusters", { body: { name: "edge", kind: "provisioned" } });
  expect(made.status).toBe(201);
  edgeId = made.body.id;
  const port = await closedPort();
  const adopted = await admin.call("POST", "/api/v1/clusters", { body: { name: "theirs", kind: "adopted", mesosMasters: [`http://127.0.0.1:${port}`], marathon: [`http://127.0.0.1:${port}`] } });
  expect(adopted.status).toBe(201);
  adoptedId = adopted.body.id;
  const added = await admin.call("POST", "/api/v1/clusters/1/nodes", {
    body: { name: "core-1", address: core.address, port: core.port, username: "root", auth: { kind: "key", privateKey: core.root.privateKey }, role: "both", hostKeyFingerprint: await core.hostKeyFingerprint() },
  });
  expect(added.status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
  await core?.dispose();
  await edge?.dispose();
});

/** Signs in, then opens `next` (which may carry a query: the sign-in waits on a bare path). */
async function signIn(page: Page, next: string) {
  const url = new URL(next, server.url);
  await signInAt(page, server.url, { username: "admin", password: server.adminPassword }, url.pathname);
  if (url.search) await page.goto(url.href);
}

async function connect(page: Page, name: string, host: TestSshHost) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Address").fill(host.address);
  await page.getByLabel("SSH port").fill(String(host.port));
  await page.getByLabel("Private key", { exact: true }).fill(host.root.privateKey);
  await page.getByRole("button", { name: "Connect and show host key" }).click();
}

test("the cluster home's Add node opens the wizard on that cluster, which offers provisioned clusters only and adds the node there", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, `/clusters/${edgeId}`);
  await page.getByRole("link", { name: "Add node" }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes/new\\?cluster=${edgeId}$`));
  const select = page.getByLabel("Cluster", { exact: true });
  await expect(select).toHaveValue(String(edgeId));
  await expect(select.locator("option")).toHaveText(["default", "edge"]);

  // The name check still runs at step 1, across every cluster.
  await connect(page, "core-1", edge);
  await expect(page.locator('[data-field-error="name"]')).toHaveText("This name is taken");

  await connect(page, "edge-1", edge);
  await page.getByLabel("I compared the fingerprint and it matches").check();
  await page.getByRole("button", { name: "Trust this key and read facts" }).click();
  await page.getByRole("button", { name: "Next: role" }).click();
  await expect(page.getByTestId("joins-cluster")).toHaveText("Joins cluster edge");
  // edge's master, so the runs test below can run Status on edge.
  await page.getByLabel(/Master and agent/).check();
  await page.getByRole("button", { name: "Save node" }).click();
  await page.waitForURL(/\/nodes\?added=/);

  const inEdge = await admin.call("GET", `/api/v1/clusters/${edgeId}/nodes`);
  expect(inEdge.body.nodes.map((n: { name: string }) => n.name)).toEqual(["edge-1"]);
  const inDefault = await admin.call("GET", "/api/v1/clusters/1/nodes");
  expect(inDefault.body.nodes.map((n: { name: string }) => n.name)).toEqual(["core-1"]);
});

test("the wizard falls back to the first provisioned cluster when ?cluster= names none or an adopted one", async ({ page }) => {
  await signIn(page, "/nodes/new");
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("1");
  await page.goto(`${server.url}/nodes/new?cluster=${adoptedId}`);
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("1");
  await page.getByLabel("Cluster", { exact: true }).selectOption("edge");
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue(String(edgeId));
});

test("the same machine in another cluster is still named, and joins only when the operator confirms", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, `/nodes/new?cluster=${edgeId}`);
  await connect(page, "core-again", core);
  const warning = page.getByTestId("same-machine");
  await expect(warning).toContainText("This machine is already enrolled");
  await expect(warning.getByRole("link", { name: "core-1" })).toBeVisible();
  await page.getByLabel("I compared the fingerprint and it matches").check();
  await expect(page.getByRole("button", { name: "Trust this key and read facts" })).toBeDisabled();
});

test("the inventory names each node's cluster with a link, and filters by cluster from the address", async ({ page }) => {
  await signIn(page, "/nodes");
  const row = (name: string) => page.locator(`tr[data-node="${name}"]`);
  await expect(row("core-1").getByTestId("node-cluster").getByRole("link")).toHaveText("default");
  await expect(row("core-1").getByTestId("node-cluster").getByRole("link")).toHaveAttribute("href", "/clusters/1");
  await expect(row("edge-1").getByTestId("node-cluster").getByRole("link")).toHaveText("edge");
  await expect(row("edge-1").getByTestId("node-cluster").getByRole("link")).toHaveAttribute("href", `/clusters/${edgeId}`);

  await page.getByLabel("Cluster", { exact: true }).selectOption("edge");
  await expect(page).toHaveURL(new RegExp(`/nodes\\?cluster=${edgeId}$`));
  await expect(page.locator("tr[data-node]")).toHaveCount(1);
  await expect(row("edge-1")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add node" })).toHaveAttribute("href", `/nodes/new?cluster=${edgeId}`);

  await page.goto(`${server.url}/nodes?cluster=1`);
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue("1");
  await expect(page.locator("tr[data-node]")).toHaveCount(1);
  await expect(row("core-1")).toBeVisible();
  await page.goto(`${server.url}/nodes?cluster=${adoptedId}`);
  await expect(page.getByText("No node in this cluster.")).toBeVisible();
  await page.getByLabel("Cluster", { exact: true }).selectOption("");
  await expect(page.locator("tr[data-node]")).toHaveCount(2);
});

test("the runs history says each run's cluster and filters by it; the cluster home's All runs opens it filtered", async ({ page }) => {
  test.setTimeout(90_000);
  for (const id of [1, edgeId]) {
    const run = await admin.call("POST", `/api/v1/clusters/${id}/plan-runs`, { body: { plan: "status" } });
    expect(run.status, `cluster ${id}: ${run.text}`).toBe(201);
  }
  await signIn(page, `/clusters/${edgeId}`);
  await page.getByRole("link", { name: "All runs" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs\\?cluster=${edgeId}$`));
  const rows = page.getByTestId("runs-row");
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue(String(edgeId));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("runs-cluster")).toHaveText("edge");
  await expect(rows.first().getByTestId("runs-cluster")).toHaveAttribute("href", `/clusters/${edgeId}`);
  // The node filter offers the chosen cluster's nodes only.
  await expect(page.getByLabel("Node").locator("option")).toHaveText(["Any", "edge-1"]);

  await page.getByLabel("Cluster", { exact: true }).selectOption("");
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId("runs-cluster")).toHaveText(["edge", "default"]);

  // Two quick changes, one after the other, both stay.
  await page.getByLabel("Cluster", { exact: true }).selectOption("default");
  await page.getByLabel("Kind").selectOption("status");
  await expect(page).toHaveURL(/cluster=1&kind=status$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("runs-cluster")).toHaveText("default");
});
