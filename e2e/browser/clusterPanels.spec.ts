import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { startStandin, type Standin } from "../../standin/server";
import { TestClient } from "../harness/httpClient";
import { e2eState, signIn } from "./state";

// The cluster panels in Chromium against a real server, on an ADOPTED cluster registered over the
// API that points at the stand-in (6 agents of both architectures, a few apps). Every expected
// number is computed here from the stand-in's own replies, never from Armdeck's.
// The stand-in's tasks take a minute to reach TASK_RUNNING, so a deployment stays visibly in progress.
test.describe.configure({ mode: "serial" });

let standin: Standin;
let clusterId: number;
let otherId: number;
const suffix = Date.now().toString(36);

interface MasterState {
  slaves: { hostname: string; resources: { cpus: number; mem: number; disk: number; ports?: string }; attributes: Record<string, string | number> }[];
}

async function masterState(): Promise<MasterState> {
  return (await fetch(`${standin.mesosUrls[0]}/master/state`)).json() as Promise<MasterState>;
}

async function marathon(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${standin.marathonUrls[0]}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

test.beforeAll(async () => {
  standin = await startStandin({ agents: 6, apps: 3, seed: 7, timing: { taskRunningAfterMs: 60_000, healthyAfterMs: 60_000 } });
  const s = e2eState();
  const client = new TestClient(s.url);
  await client.login(s.operator.username, s.operator.password);
  const adopted = await client.call("POST", "/api/v1/clusters", { body: { name: `panels-${suffix}`, mesosMasters: standin.mesosUrls, marathon: standin.marathonUrls } });
  expect(adopted.status, adopted.text).toBe(201);
  clusterId = adopted.body.id;
  // A second cluster for the switcher; it answers nothing, which is a state, not an error page.
  const other = await client.call("POST", "/api/v1/clusters", { body: { name: `elsewhere-${suffix}`, mesosMasters: ["http://127.0.0.1:9"] } });
  expect(other.status, other.text).toBe(201);
  otherId = other.body.id;
});

test.afterAll(async () => {
  await standin?.stop();
});

const home = () => `/clusters/${clusterId}`;

async function open(page: Page, path: string) {
  await signIn(page, e2eState().viewer, path);
}

test("the overview shows Mesos and Marathon healthy with their leaders", async ({ page }) => {
  await open(page, home());
  await expect(page.getByTestId("cluster-heading")).toContainText(`panels-${suffix}`);
  const leader = new URL(standin.mesosUrls[0]!).host;
  const mesos = page.getByTestId("service-mesos");
  await expect(mesos).toHaveAttribute("data-state", "up");
  await expect(page.getByTestId("mesos-leader")).toContainText(leader);
  await expect(page.getByTestId("service-marathon")).toHaveAttribute("data-state", "up");
  await expect(page.getByTestId("marathon-leader")).toContainText(new URL(standin.marathonUrls[0]!).host);
  // The poller's one Marathon event stream for this cluster is open while the page watches.
  await expect(page.getByTestId("marathon-events")).toHaveText("Events: live");
  await expect(page.getByTestId("service-agents")).toContainText("6 active of 6 registered");
  // An adopted cluster's home lists its endpoints with what answered.
  await expect(page.getByTestId("adopted-endpoints")).toContainText(`${standin.mesosUrls[0]} leading`);
});

test("the resources page shows every agent with its architecture and the stand-in's totals", async ({ page }) => {
  const state = await masterState();
  const total = state.slaves.reduce((n, a) => n + a.resources.cpus, 0);
  await open(page, `${home()}/resources`);
  await expect(page.getByTestId("cluster-heading")).toContainText(`Resources · cluster panels-${suffix}`);
  await expect(page.getByTestId("agent-row")).toHaveCount(state.slaves.length);
  for (const agent of state.slaves) {
    await expect(page.getByTestId("agent-row").filter({ hasText: agent.hostname }).getByTestId("arch")).toHaveText(String(agent.attributes.arch));
  }
  await expect(page.getByTestId("total-cpus")).toContainText(`${Math.round(total * 100) / 100} total`);
  const archs = new Map<string, number>();
  for (const a of state.slaves) archs.set(String(a.attributes.arch), (archs.get(String(a.attributes.arch)) ?? 0) + 1);
  expect(archs.size).toBe(2);
  for (const [arch, n] of archs) await expect(page.getByTestId("arch-summary")).toContainText(`${n} ${arch}`);
});

test("the group tree, and basic.json's deployment in progress with its current step", async ({ page }) => {
  const basic = JSON.parse(readFileSync("standin/fixtures/basic.json", "utf8")) as { id: string };
  const posted = await marathon("POST", "/v2/groups", basic);
  expect(posted.status).toBe(201);
  const { deploymentId } = (await posted.json()) as { deploymentId: string };
  await open(page, `${home()}/marathon`);
  await expect(page.getByTestId("cluster-heading")).toContainText(`Marathon · cluster panels-${suffix}`);
  await expect(page.locator(`[data-testid="group-node"][data-group="${basic.id}"]`)).toBeVisible();
  await expect(page.locator('[data-testid="app-row"][data-app="/arm-demo/group1/ubuntu1"]')).toBeVisible();
  const step = page.locator(`[data-testid="deployment"][data-deployment="${deploymentId}"]`).getByTestId("deployment-step");
  await expect(step).toHaveText(/^Step \d+ of \d+$/);
  // The stand-in's own view of the same deployment, read after the page's (steps only move forward).
  await expect
    .poll(async () => {
      const shown = await step.textContent();
      const listed = (await (await marathon("GET", "/v2/deployments")).json()) as { id: string; currentStep: number; totalSteps: number }[];
      const mine = listed.find((d) => d.id === deploymentId);
      return mine ? shown === `Step ${mine.currentStep} of ${mine.totalSteps}` : false;
    })
    .toBe(true);
});

test("a deployment stuck on an app too big for any agent shows the queue's reason in words", async ({ page }) => {
  const state = await masterState();
  const biggest = Math.max(...state.slaves.map((a) => a.resources.mem));
  const app = { id: `/stuck-${suffix}`, instances: 1, cpus: 0.1, mem: biggest * 4, cmd: "sleep 1000" };
  expect((await marathon("POST", "/v2/apps", app)).status).toBe(201);
  await open(page, `${home()}/marathon`);
  const queued = page.locator(`[data-testid="queued-app"][data-app="${app.id}"]`);
  await expect(queued.getByTestId("stuck-reason")).toContainText(/memory/i);
  await expect(queued.getByTestId("stuck-reason")).toContainText("must fit on one agent");
});

test("Mesos refusing connections is named on the page, which recovers by itself", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `${home()}/resources`);
  await expect(page.getByTestId("agent-row").first()).toBeVisible();
  await standin.control.setMesosMaster(0, { mode: "refuse" });
  try {
    const problem = page.getByTestId("resources-panel").getByTestId("upstream-problem");
    await expect(problem).toContainText(/Mesos master .* refused the connection/, { timeout: 30_000 });
    // The last good data stays on screen under the warning.
    await expect(page.getByTestId("agent-row").first()).toBeVisible();
  } finally {
    await standin.control.setMesosMaster(0, { mode: "up" });
  }
  // No reload: the poller's next success clears it (its backoff is at most 60 s).
  await expect(page.getByTestId("resources-panel").getByTestId("upstream-problem")).toHaveCount(0, { timeout: 75_000 });
});

test("the switcher changes cluster and keeps the page", async ({ page }) => {
  await open(page, `${home()}/resources`);
  const switcher = page.getByTestId("cluster-switcher");
  await expect(switcher).toHaveValue(String(clusterId));
  await switcher.selectOption(String(otherId));
  await page.waitForURL((u) => u.pathname === `/clusters/${otherId}/resources`);
  await expect(page.getByTestId("cluster-heading")).toContainText(`elsewhere-${suffix}`);
  await page.getByTestId("cluster-switcher").selectOption("all");
  await page.waitForURL((u) => u.pathname === "/clusters");
});
