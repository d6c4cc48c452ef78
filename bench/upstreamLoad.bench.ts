// Issue 7 §6: what Mesos and Marathon see while people watch a big cluster, and how fast the
// resources page becomes usable. A stand-in with 1,000 agents and 10,000 tasks sits behind one
// counting proxy per upstream (so the numbers are what the upstream received), registered as an
// adopted cluster in the real server (production build).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { startStandin } from "../standin/server";
import { startAppServer, type AppServer } from "../e2e/harness/appServer";
import { startCountingProxy, type CountingProxy } from "../e2e/harness/countingProxy";
import { TestClient } from "../e2e/harness/httpClient";
import { report } from "./benchEnv";

const WINDOW_MS = Number(process.env.BENCH_UPSTREAM_WINDOW_S ?? 60) * 1000;
const VIEWERS = 20;
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);

// What the cluster pages fetch, and which of them each `cluster:update` source refreshes
// (components/panels/useClusterUpdates.ts' PANELS_BY_SOURCE, kept to these five panels).
const PANELS = { overview: "overview", resources: "resources", tasks: "tasks?limit=50", groups: "groups", deployments: "deployments" } as const;
type Panel = keyof typeof PANELS;
const PANELS_BY_SOURCE: Record<string, Panel[]> = {
  "mesos.state": ["resources", "tasks", "overview"],
  "marathon.groups": ["groups", "overview"],
  "marathon.deployments": ["deployments", "overview"],
};

/**
 * CPU seconds used so far by the server: every process started with its data folder (the tsx
 * wrapper and the node process it spawns), utime + stime from /proc/<pid>/stat.
 */
function serverCpuSeconds(dataDir: string): number {
  const tick = 100; // CLK_TCK on Linux
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`ARMDECK_DATA_DIR=${dataDir}`)) continue;
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // not ours to read, or gone meanwhile
    }
  }
  return ticks / tick;
}

/** A browser tab on the cluster pages: its own session and socket, fetching panels like react-query does. */
class Viewer {
  private socket: Socket | null = null;
  private readonly busy = new Set<Panel>();
  private readonly again = new Set<Panel>();
  requests = 0;
  failures = 0;
  updates = 0;

  constructor(
    private readonly client: TestClient,
    private readonly clusterId: number,
  ) {}

  static async signIn(url: string, username: string, password: string, clusterId: number): Promise<Viewer> {
    const client = new TestClient(url);
    const res = await client.login(username, password);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    return new Viewer(client, clusterId);
  }

  async start(): Promise<void> {
    const socket = io(this.client.baseUrl, { transports: ["websocket"], extraHeaders: { cookie: this.client.cookie! } });
    this.socket = socket;
    socket.on("cluster:update", (u: { clusterId?: unknown; source?: string }) => {
      if (String(u.clusterId) !== String(this.clusterId) || !u.source) return;
      this.updates++;
      for (const p of PANELS_BY_SOURCE[u.source] ?? []) this.fetch(p);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.emit("subscribe", `cluster:${this.clusterId}`);
    for (const p of Object.keys(PANELS) as Panel[]) this.fetch(p);
  }

  /** One fetch per panel at a time; an update arriving meanwhile refetches once it is done (react-query's dedup). */
  private fetch(panel: Panel): void {
    if (this.busy.has(panel)) return void this.again.add(panel);
    this.busy.add(panel);
    this.requests++;
    void this.client
      .call("GET", `/api/v1/clusters/${this.clusterId}/${PANELS[panel]}`)
      .then((r) => {
        if (r.status !== 200) this.failures++;
      })
      .catch(() => this.failures++)
      .finally(() => {
        this.busy.delete(panel);
        if (this.again.delete(panel) && this.socket) this.fetch(panel);
      });
  }

  stop(): void {
    this.socket?.close();
    this.socket = null;
  }
}

interface WindowResult {
  mesosPerMin: number;
  marathonPerMin: number;
  maxInFlight: number;
  /** Marathon /v2/events subscriptions open at once, at most (the poller's one stream per cluster). */
  maxStreams: number;
  cpuPct: number;
  apiRequests: number;
  apiFailures: number;
  updates: number;
  mesosPaths: string;
  marathonPaths: string;
}

/** "GET /v2/groups?… ×7, …": what an upstream received, by request line. */
function tally(log: string[]): string {
  return [...new Set(log)].map((l) => `${l.split("?")[0]} ×${log.filter((x) => x === l).length}`).join(", ");
}

async function watchWindow(server: AppServer, viewers: Viewer[], mesos: CountingProxy, marathon: CountingProxy): Promise<WindowResult> {
  for (const v of viewers) await v.start();
  // Counting starts once everyone watches: the first joins start the poller (and its catch-up
  // requests), which a steady state with N viewers would not repeat.
  mesos.reset();
  marathon.reset();
  const cpu0 = serverCpuSeconds(server.dataDir);
  const t0 = performance.now();
  const req0 = viewers.reduce((n, v) => n + v.requests, 0);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const wallS = (performance.now() - t0) / 1000;
  const cpuPct = ((serverCpuSeconds(server.dataDir) - cpu0) / wallS) * 100;
  const result: WindowResult = {
    mesosPerMin: (mesos.count() / wallS) * 60,
    marathonPerMin: (marathon.count() / wallS) * 60,
    maxInFlight: Math.max(mesos.maxInFlight, marathon.maxInFlight),
    maxStreams: marathon.maxStreams,
    cpuPct,
    apiRequests: viewers.reduce((n, v) => n + v.requests, 0) - req0,
    apiFailures: viewers.reduce((n, v) => n + v.failures, 0),
    updates: viewers.reduce((n, v) => n + v.updates, 0),
    mesosPaths: tally(mesos.log),
    marathonPaths: tally(marathon.log),
  };
  for (const v of viewers) v.stop();
  return result;
}

/**
 * In the page, before any of its scripts: when the first agent rows render, scroll the agents
 * list far down and wait for rows that were not there to render. `firstRows` and `interactive`
 * are `performance.now()`, i.e. milliseconds since the navigation started. A string, not a
 * function: tsx compiles functions with `__name()` helpers the page does not have.
 */
const MEASURE_IN_PAGE = `
  window.__bench = {};
  const rows = () => [...document.querySelectorAll('[data-testid="agent-row"]')].map((r) => r.textContent || "");
  const waitFirst = () => {
    const first = rows();
    if (first.length === 0) return void requestAnimationFrame(waitFirst);
    window.__bench.firstRows = performance.now();
    // row -> the virtualizer's sized box -> the scrolling list
    const list = document.querySelector('[data-testid="agent-row"]').parentElement.parentElement;
    list.scrollTop = list.scrollHeight / 2;
    const seen = new Set(first);
    const waitNew = () => {
      if (rows().some((r) => !seen.has(r))) window.__bench.interactive = performance.now();
      else requestAnimationFrame(waitNew);
    };
    requestAnimationFrame(waitNew);
  };
  requestAnimationFrame(waitFirst);
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchUpstreamLoad(): Promise<void> {
  try {
    readFileSync(".next/BUILD_ID");
  } catch {
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  }
  const standin = await startStandin({ agents: 1000, apps: 1000, tasks: 10_000, seed: 1 });
  const mesos = await startCountingProxy(standin.mesosUrls[0]!);
  const marathon = await startCountingProxy(standin.marathonUrls[0]!);
  // BENCH_CPU_PROFILE=<dir>: a CPU profile of the server over the whole run (cpuProfilePreload.cjs).
  const profile = process.env.BENCH_CPU_PROFILE;
  const server = await startAppServer(profile ? { env: { NODE_OPTIONS: `--require ${new URL("./cpuProfilePreload.cjs", import.meta.url).pathname}` } } : {});
  const browser = await chromium.launch({
    executablePath: process.env.ARMDECK_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const admin = new TestClient(server.url);
    await admin.login("admin", server.adminPassword);
    const viewer = { username: "bench-viewer", password: "bench-viewer-password-1" };
    const user = await admin.call("POST", "/api/v1/users", { body: { ...viewer, role: "viewer" } });
    if (user.status !== 201) throw new Error(`viewer not created: ${user.status} ${user.text}`);
    const created = await admin.call("POST", "/api/v1/clusters", { body: { name: "bench-1000", mesosMasters: [mesos.url], marathon: [marathon.url] } });
    if (created.status !== 201) throw new Error(`cluster not registered: ${created.status} ${created.text}`);
    const clusterId = created.body.id as number;
    const state = (await (await fetch(`${standin.mesosUrls[0]}/master/state`)).text()).length;

    const one = await watchWindow(server, [await Viewer.signIn(server.url, viewer.username, viewer.password, clusterId)], mesos, marathon);
    // Let the poller notice the room is empty before the next window, as between two sessions.
    await new Promise((r) => setTimeout(r, 3000));
    const many: Viewer[] = [];
    for (let i = 0; i < VIEWERS; i++) many.push(await Viewer.signIn(server.url, viewer.username, viewer.password, clusterId));
    const twenty = await watchWindow(server, many, mesos, marathon);

    const s = WINDOW_MS / 1000;
    report(`requests reaching the Mesos master per minute, 1 viewer / ${VIEWERS} viewers`, `${one.mesosPerMin.toFixed(1)} / ${twenty.mesosPerMin.toFixed(1)}`, "the same");
    report(`requests reaching Marathon per minute, 1 viewer / ${VIEWERS} viewers`, `${one.marathonPerMin.toFixed(1)} / ${twenty.marathonPerMin.toFixed(1)}`, "the same");
    report("most requests ever in flight to one upstream (event streams apart)", String(Math.max(one.maxInFlight, twenty.maxInFlight)), "1");
    report(`most Marathon event streams open at once, 1 viewer / ${VIEWERS} viewers`, `${one.maxStreams} / ${twenty.maxStreams}`, "1 / 1");
    report(`server CPU over ${s} s, 1 viewer / ${VIEWERS} viewers`, `${one.cpuPct.toFixed(0)}% / ${twenty.cpuPct.toFixed(0)}% of one core`, "info");
    report(
      `panel API requests served in ${s} s, 1 viewer / ${VIEWERS} viewers`,
      `${one.apiRequests} / ${twenty.apiRequests} (${one.apiFailures + twenty.apiFailures} not 200; cluster:update events received ${one.updates} / ${twenty.updates}; /master/state is ${(state / 1e6).toFixed(1)} MB)`,
      "info",
    );
    report("what reached the Mesos master with 20 viewers", twenty.mesosPaths || "nothing", "info");
    report("what reached Marathon with 20 viewers", twenty.marathonPaths || "nothing", "info");

    // The resources page in Chromium, nobody else watching: the first run may wait for a
    // /master/state refresh (the cache is kept alive once a minute), later ones find it warm.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: MEASURE_IN_PAGE });
    const page = await context.newPage();
    await page.goto(`${server.url}/login?next=/clusters`);
    await page.getByLabel("Username").fill(viewer.username);
    await page.getByLabel("Password").fill(viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/clusters");
    const loadPage = async (): Promise<{ firstRows: number; interactive: number }> => {
      await page.goto(`${server.url}/clusters/${clusterId}/resources`, { waitUntil: "commit" });
      await page
        .waitForFunction(() => (window as unknown as { __bench?: { interactive?: number } }).__bench?.interactive !== undefined, undefined, { timeout: 60_000 })
        .catch(async (e: Error) => {
          const seen = await page.evaluate(() => ({ bench: (window as unknown as { __bench?: unknown }).__bench, rows: document.querySelectorAll('[data-testid="agent-row"]').length, body: document.body.innerText.slice(0, 500) }));
          throw new Error(`${e.message}\nthe page: ${JSON.stringify(seen)}`);
        });
      const m = await page.evaluate(() => (window as unknown as { __bench: { firstRows: number; interactive: number } }).__bench);
      await page.goto("about:blank");
      return m;
    };
    // Warm: someone else watches the cluster, so the poller's /master/state is at most 5 s old.
    const watcher = await Viewer.signIn(server.url, viewer.username, viewer.password, clusterId);
    await watcher.start();
    await new Promise((r) => setTimeout(r, 6000));
    const warm: { firstRows: number; interactive: number }[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) {
      warm.push(await loadPage());
      await new Promise((r) => setTimeout(r, 1000));
    }
    watcher.stop();
    // Cold: nobody has watched for 8 s, so the cached state is older than the panel's 5 s and
    // the reply waits for a fresh /master/state (fetched, parsed and projected).
    const cold: { firstRows: number; interactive: number }[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) {
      await new Promise((r) => setTimeout(r, 8000));
      cold.push(await loadPage());
    }
    const runs = (xs: { firstRows: number; interactive: number }[]) => xs.map((m) => `${m.firstRows.toFixed(0)}/${m.interactive.toFixed(0)}`).join(", ");
    report(
      `resources page, 1,000 agents, someone else watching: navigation start to the first agent rows and the list scrolling (median of ${PAGE_RUNS})`,
      `${median(warm.map((m) => m.interactive)).toFixed(0)} ms`,
      "< 1000 ms",
    );
    report(
      `resources page, 1,000 agents, first viewer (cache older than 5 s) (median of ${PAGE_RUNS})`,
      `${median(cold.map((m) => m.interactive)).toFixed(0)} ms`,
      "< 1000 ms",
    );
    report("resources page runs, first rows / responding in ms: warm; cold", `${runs(warm)}; ${runs(cold)}`, "info");
    report("most requests ever in flight to one upstream, whole run", String(Math.max(mesos.maxInFlight, marathon.maxInFlight, one.maxInFlight, twenty.maxInFlight)), "1");
    report("most Marathon event streams open at once, whole run", String(marathon.maxStreams), "1");
  } finally {
    await browser.close();
    await server.stop();
    await mesos.close();
    await marathon.close();
    await standin.stop();
  }
}
