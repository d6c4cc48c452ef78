// Issue 8: groups/check of a 500-app group against 1,000 agents, time per check (target < 200 ms).
// The agents are the stand-in's generated cluster (2–16 CPUs, mixed architectures, racks, 10,000
// running tasks), read through its real /master/state and Armdeck's own schema, as the poller
// caches them. Two figures: the check itself (validation + fit, what a request costs the server's
// event loop), and the whole route through the production server, whose cache the poller fills.
import { mesosStateSchema } from "../lib/mesos/mesosSchemas";
import { checkGroup } from "../lib/deploy/checkGroup";
import { EMPTY_MARATHON } from "../lib/deploy/marathonContext";
import { startStandin } from "../standin/server";
import { startAppServer } from "../e2e/harness/appServer";
import { TestClient } from "../e2e/harness/httpClient";
import { report } from "./benchEnv";
import { bigGroup } from "./groupCheckBody";

const RUNS = Number(process.env.BENCH_GROUP_CHECK_RUNS ?? 30);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function benchGroupCheck(): Promise<void> {
  const standin = await startStandin({ agents: 1_000, apps: 300, tasks: 10_000, seed: 8 });
  const server = await startAppServer();
  try {
    const state = mesosStateSchema.parse(await (await fetch(`${standin.mesosUrls[0]}/master/state`)).json());
    const body = bigGroup();
    const times: number[] = [];
    let last;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      last = checkGroup({ body, marathon: EMPTY_MARATHON, mesos: { state, fetchedAt: null } });
      if (i >= 3) times.push(performance.now() - t0);
    }
    if (!last?.fit.checked || last.fit.agents.length !== 1_000 || last.fit.apps.length !== 500) throw new Error("the check did not see the 1,000 agents and 500 apps");
    report("group-check: check (validation + fit), median", `${quantile(times, 0.5).toFixed(1)} ms`, "< 200 ms");
    report("group-check: check, p95", `${quantile(times, 0.95).toFixed(1)} ms`, "< 200 ms");

    const client = new TestClient(server.url);
    await client.login("admin", server.adminPassword);
    const cluster = await client.call("POST", "/api/v1/clusters", { body: { name: "bench-check", mesosMasters: standin.mesosUrls, marathon: standin.marathonUrls } });
    const path = `/api/v1/clusters/${cluster.body.id}/groups/check`;
    const route: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const r = await client.call("POST", path, { body });
      if (r.status !== 200 || r.body.fit.agents.length !== 1_000) throw new Error(`check route: ${r.status} ${r.text.slice(0, 300)}`);
      if (i >= 3) route.push(performance.now() - t0);
    }
    report("group-check: POST …/groups/check through the server, median", `${quantile(route, 0.5).toFixed(1)} ms`, "< 200 ms");
    report("group-check: POST …/groups/check, p95", `${quantile(route, 0.95).toFixed(1)} ms`, "< 200 ms");
  } finally {
    await server.stop();
    await standin.stop();
  }
}
