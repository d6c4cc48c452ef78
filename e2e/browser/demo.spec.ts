import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { startDemo, type DemoProcess } from "../harness/demoProcess";
import { TestClient } from "../harness/httpClient";
import { signInAt } from "./state";

// `npm run demo` itself, in Chromium: its provisioned cluster (three test hosts that the demo
// brings up through Armdeck's API, with Mesos and Marathon the stand-in's model behind the hosts'
// shims) and its adopted one (the standalone stand-in, 50 agents, a few hundred apps). Expected
// values come from the clusters' own Mesos and Marathon replies, never from Armdeck's.
test.describe.configure({ mode: "serial" });

interface ClusterRow {
  id: number;
  name: string;
  kind: "provisioned" | "adopted";
  mesosMasters: string[];
  marathon: string[];
}
interface MasterState {
  leader_info: { hostname: string; port: number };
  slaves: { hostname: string; resources: { cpus: number; mem: number }; attributes: Record<string, string | number> }[];
}

let demo: DemoProcess;
let admin: TestClient;
let provisioned: ClusterRow;
let adopted: ClusterRow;
const suffix = Date.now().toString(36);

const upstream = async <T>(url: string, init?: RequestInit): Promise<T> => (await fetch(url, init)).json() as Promise<T>;
const marathon = (path: string, body: unknown) =>
  fetch(`${adopted.marathon[0]}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const control = (path: string, body: unknown) => fetch(`${demo.controlUrl}${path}`, { method: "POST", body: JSON.stringify(body) });

async function open(page: Page, path: string) {
  await signInAt(page, demo.url, { username: "admin", password: demo.adminPassword }, path);
}

test.beforeAll(async () => {
  test.skip(process.getuid?.() !== 0, "npm run demo's provisioned cluster needs root (sshd test hosts in their own namespaces); CI runs as root");
  test.setTimeout(240_000);
  demo = await startDemo();
  admin = new TestClient(demo.url);
  expect((await admin.login("admin", demo.adminPassword)).status).toBe(200);
  const list = await admin.call("GET", "/api/v1/clusters");
  const clusters = list.body.clusters as ClusterRow[];
  provisioned = clusters.find((c) => c.kind === "provisioned")!;
  adopted = clusters.find((c) => c.name === "demo-standin")!;
  expect(provisioned, list.text).toBeTruthy();
  expect(adopted.mesosMasters).toHaveLength(1);
});

test.afterAll(async () => {
  await demo?.stop();
});

test("the provisioned cluster's overview shows every service healthy and the leaders", async ({ page }) => {
  test.setTimeout(240_000);
  const master = new URL(provisioned.mesosMasters[0]!);
  await open(page, `/clusters/${provisioned.id}`);
  // The demo brings it up and then runs Status (ZooKeeper and Weave are checked over SSH).
  for (const service of ["mesos", "agents", "marathon", "zookeeper", "weave"]) {
    await expect(page.getByTestId(`service-${service}`)).toHaveAttribute("data-state", "up", { timeout: 180_000 });
  }
  const state = await upstream<MasterState>(`${master.origin}/master/state`);
  const { leader } = await upstream<{ leader: string }>(`${provisioned.marathon[0]}/v2/leader`);
  await expect(page.getByTestId("mesos-leader")).toContainText(`${state.leader_info.hostname}:${state.leader_info.port}`);
  await expect(page.getByTestId("marathon-leader")).toContainText(leader);
  await expect(page.getByTestId("service-agents")).toContainText(`${state.slaves.length} active of ${state.slaves.length} registered, 3 expected`);
});

test("the resources pages show the agents with their architectures and the totals", async ({ page }) => {
  // The provisioned cluster: each test host an agent, its architecture from the node's facts.
  await open(page, `/clusters/${provisioned.id}/resources`);
  const arch: Record<string, string> = { "demo-arm-1": "aarch64", "demo-arm-2": "aarch64", "demo-x86-1": "x86_64" };
  await expect(page.getByTestId("agent-row")).toHaveCount(3);
  for (const [host, a] of Object.entries(arch)) await expect(page.getByTestId("agent-row").filter({ hasText: host }).getByTestId("arch")).toHaveText(a);

  // The adopted stand-in: 50 agents of both architectures, totals as Mesos reports them.
  const state = await upstream<MasterState>(`${adopted.mesosMasters[0]}/master/state`);
  const total = state.slaves.reduce((n, s) => n + s.resources.cpus, 0);
  await page.goto(`${demo.url}/clusters/${adopted.id}/resources`);
  await expect(page.getByTestId("total-cpus")).toContainText(`${Math.round(total * 100) / 100} total`);
  const counts = new Map<string, number>();
  for (const s of state.slaves) counts.set(String(s.attributes.arch), (counts.get(String(s.attributes.arch)) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual(["aarch64", "x86_64"]);
  for (const [a, n] of counts) await expect(page.getByTestId("arch-summary")).toContainText(`${n} ${a}`);
  const first = state.slaves[0]!;
  await expect(page.getByTestId("agent-row").filter({ hasText: first.hostname }).getByTestId("arch")).toHaveText(String(first.attributes.arch));
});

test("the group tree, and a deployment in progress with its current step", async ({ page }) => {
  // basic.json under its own id, its first app's health checks failing: the deployment stays at
  // the step that waits for it (a step ends when its instances are healthy).
  const basic = JSON.parse(readFileSync("standin/fixtures/basic.json", "utf8").split("/arm-demo").join(`/spec-${suffix}`)) as {
    id: string;
    groups: { apps: { id: string; healthChecks?: unknown[] }[] }[];
  };
  const held = basic.groups[0]!.apps[0]!;
  held.healthChecks = [{ protocol: "COMMAND", command: { value: "true" }, gracePeriodSeconds: 300 }];
  const posted = await marathon("/v2/groups", basic);
  expect(posted.status).toBe(201);
  expect((await control("/apps/health", { appId: held.id, healthy: false })).status).toBe(200);
  const { deploymentId } = (await posted.json()) as { deploymentId: string };

  await open(page, `/clusters/${adopted.id}/marathon`);
  await expect(page.locator(`[data-testid="group-node"][data-group="${basic.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="app-row"][data-app="${held.id}"]`)).toBeVisible();
  const step = page.locator(`[data-testid="deployment"][data-deployment="${deploymentId}"]`).getByTestId("deployment-step");
  await expect(step).toHaveText(/^Step \d+ of \d+$/);
  const listed = await upstream<{ id: string; currentStep: number; totalSteps: number }[]>(`${adopted.marathon[0]}/v2/deployments`);
  const mine = listed.find((d) => d.id === deploymentId)!;
  expect(mine.currentStep).toBeLessThan(mine.totalSteps);
  await expect(step).toHaveText(`Step ${mine.currentStep} of ${mine.totalSteps}`);
});

test("a deployment stuck on an app too big for any agent shows the queue's reason", async ({ page }) => {
  const state = await upstream<MasterState>(`${adopted.mesosMasters[0]}/master/state`);
  const app = { id: `/stuck-${suffix}`, instances: 1, cpus: 0.1, mem: Math.max(...state.slaves.map((s) => s.resources.mem)) * 4, cmd: "sleep 1000" };
  expect((await marathon("/v2/apps", app)).status).toBe(201);
  await open(page, `/clusters/${adopted.id}/marathon`);
  const reason = page.locator(`[data-testid="queued-app"][data-app="${app.id}"]`).getByTestId("stuck-reason");
  await expect(reason).toContainText(/memory/i);
  await expect(reason).toContainText("must fit on one agent");
});

test("Mesos stopped is said on the page, which recovers by itself when it returns", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `/clusters/${adopted.id}/resources`);
  await expect(page.getByTestId("agent-row").first()).toBeVisible();
  expect((await control("/mesos/0", { mode: "refuse" })).status).toBe(202);
  const problem = page.getByTestId("resources-panel").getByTestId("upstream-problem");
  try {
    await expect(problem).toContainText(/Mesos master .* refused the connection/, { timeout: 30_000 });
    await expect(page.getByTestId("agent-row").first()).toBeVisible();
  } finally {
    await control("/mesos/0", { mode: "up" });
  }
  await expect(problem).toHaveCount(0, { timeout: 75_000 });
});

test("an adopted cluster registered in the UI shows its panels", async ({ page }) => {
  const name = `ui-adopted-${suffix}`;
  await open(page, "/clusters");
  const form = page.getByRole("form", { name: "Adopt a running cluster" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(/Mesos masters/).fill(adopted.mesosMasters[0]!);
  await form.getByLabel(/Marathon instances/).fill(adopted.marathon[0]!);
  await form.getByRole("button", { name: "Adopt cluster" }).click();
  await expect(form.getByTestId("probe-results")).toContainText(`${adopted.mesosMasters[0]}: Mesos`);
  const list = await admin.call("GET", "/api/v1/clusters");
  const mine = (list.body.clusters as ClusterRow[]).find((c) => c.name === name)!;
  const state = await upstream<MasterState>(`${adopted.mesosMasters[0]}/master/state`);
  await page.goto(`${demo.url}/clusters/${mine.id}`);
  await expect(page.getByTestId("cluster-heading")).toContainText(name);
  await expect(page.getByTestId("service-mesos")).toHaveAttribute("data-state", "up");
  await expect(page.getByTestId("service-marathon")).toHaveAttribute("data-state", "up");
  await expect(page.getByTestId("service-agents")).toContainText(`${state.slaves.length} active of ${state.slaves.length} registered`);
});

test("Ctrl-C stops everything the demo started", async () => {
  test.setTimeout(60_000);
  await demo.stop();
  const refused = async (url: string) => fetch(url).then(() => false, () => true);
  for (const url of [demo.url, adopted.mesosMasters[0]!, adopted.marathon[0]!, provisioned.mesosMasters[0]!, provisioned.marathon[0]!]) {
    expect(await refused(url), url).toBe(true);
  }
});
