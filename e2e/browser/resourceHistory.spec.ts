import { expect, test } from "@playwright/test";
import { startStandin, type Standin } from "../../standin/server";
import { TestClient } from "../harness/httpClient";
import { e2eState, signIn } from "./state";

// The resource history chart in Chromium on an ADOPTED cluster pointing at the stand-in: the
// poller's first /master/state fills the current minute's bucket, and the home's charts draw it.
test.describe.configure({ mode: "serial" });

let standin: Standin;
let clusterId: number;
const suffix = Date.now().toString(36);

interface MasterState {
  slaves: { id: string; hostname: string; resources: { cpus: number } }[];
}

test.beforeAll(async () => {
  standin = await startStandin({ agents: 3, apps: 1, seed: 11 });
  const s = e2eState();
  const client = new TestClient(s.url);
  await client.login(s.operator.username, s.operator.password);
  const adopted = await client.call("POST", "/api/v1/clusters", { body: { name: `history-${suffix}`, mesosMasters: standin.mesosUrls, marathon: standin.marathonUrls } });
  expect(adopted.status, adopted.text).toBe(201);
  clusterId = adopted.body.id;
});

test.afterAll(async () => {
  await standin?.stop();
});

test("the cluster home charts CPUs and memory used vs total, of the cluster and of one agent", async ({ page }) => {
  const state = (await (await fetch(`${standin.mesosUrls[0]}/master/state`)).json()) as MasterState;
  await signIn(page, e2eState().viewer, `/clusters/${clusterId}`);
  const panel = page.getByTestId("resource-history");
  await expect(panel).toBeVisible();
  for (const id of ["history-cpus", "history-mem"]) {
    const chart = page.getByTestId(id);
    await expect(chart).toHaveAttribute("data-points", /^[1-9]/, { timeout: 20_000 });
    // uPlot drew it: its canvas and its legend are in the page.
    await expect(chart.locator("canvas")).toHaveCount(1);
  }
  await expect(page.getByTestId("history-cpus")).toContainText("CPUs used");
  await expect(page.getByTestId("history-cpus")).toContainText("CPUs total");
  await expect(page.getByTestId("history-mem")).toContainText("Memory total");

  const agent = state.slaves[0]!;
  const reply = page.waitForResponse((r) => r.url().includes(`/history?agent=${encodeURIComponent(agent.id)}`) && r.ok());
  await page.getByTestId("history-agent").selectOption(agent.id);
  const body = (await (await reply).json()) as { series: { cpusTotal: number }[] };
  expect(body.series.at(-1)?.cpusTotal).toBe(agent.resources.cpus);
  await expect(page.getByTestId("history-cpus")).toHaveAttribute("data-points", String(body.series.length));
  await expect(page.getByTestId("history-cpus").locator("canvas")).toHaveCount(1);
});
