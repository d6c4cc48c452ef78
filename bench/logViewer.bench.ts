// A 1,000,000-line log in Chromium (Debian's, through Playwright): renderer memory, load time,
// jumping around the log, and whether Follow keeps the view on the newest line of a live job.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { startAppServer } from "../e2e/harness/appServer";
import { stopAllTestSshHosts } from "../e2e/harness/sshHosts";
import { addNodes, db, insertPlanRun, report, startHosts } from "./benchEnv";

const { appendLog } = await import("../lib/jobs/logStore.ts");
const LINES = Number(process.env.BENCH_LOG_LINES ?? 1_000_000);

/**
 * Memory of the page's renderer process in MB: its proportional set size (shared library pages
 * counted by share, unlike RSS), taking the largest renderer, which is the page under test
 * (Chromium keeps a spare, nearly empty one).
 */
function rendererPssMb(): number {
  let largest = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("--type=renderer")) continue;
      const kb = Number(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)![1]);
      largest = Math.max(largest, kb);
    } catch {
      // the process ended meanwhile
    }
  }
  return largest / 1024;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}

export async function benchLogViewer(): Promise<void> {
  try {
    readFileSync(".next/BUILD_ID");
  } catch {
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  }
  const [host] = await startHosts(1);
  const [nodeId] = await addNodes([host!]);
  // A finished job whose stored log has a million lines, some coloured like real tool output.
  const { runId, ids } = await insertPlanRun(db, [{ name: "big", nodeId: nodeId!, script: "true" }]);
  let offset = 0;
  let batch: string[] = [];
  for (let i = 1; i <= LINES; i++) {
    batch.push(i % 10 === 0 ? `\u001b[32mok\u001b[0m line ${i} compiled src/module_${i % 977}.cpp` : `line ${i} libtool: compile: g++ -O2 -c src/module_${i % 977}.cpp`);
    if (batch.length === 20_000) {
      const c = appendLog(ids.big!, offset, Buffer.from(batch.join("\n") + "\n"));
      offset = c!.offset + c!.data.length;
      batch = [];
    }
  }
  await db.job.update({ where: { id: ids.big! }, data: { status: "succeeded", exitCode: 0, logSize: offset, startedAt: new Date(), finishedAt: new Date() } });
  await db.planRun.update({ where: { id: runId }, data: { status: "succeeded", startedAt: new Date(), finishedAt: new Date() } });

  const server = await startAppServer({ dataDir: process.env.ARMDECK_DATA_DIR! });
  const browser = await chromium.launch({ executablePath: process.env.ARMDECK_CHROMIUM ?? "/usr/bin/chromium", args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/login?next=/nodes`);
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(server.adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/nodes");

    const t0 = performance.now();
    await page.goto(`${server.url}/runs/${runId}?job=${ids.big}`);
    await page.locator(`[data-testid="log-line"][data-line="${LINES}"]`).waitFor({ timeout: 120_000 });
    const loadMs = performance.now() - t0;
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    report("1M-line log: renderer memory (PSS)", `${rendererPssMb().toFixed(0)} MB (JS heap ${(metrics.JSHeapUsedSize! / 1e6).toFixed(0)} MB)`, "< 300 MB");
    report("1M-line log: load until the last line shows", `${(loadMs / 1000).toFixed(1)} s`, "info");

    // Jumps: scroll to random places and time until that line is rendered.
    const jumps: number[] = [];
    for (let k = 0; k < 40; k++) {
      const line = 1 + Math.floor(Math.random() * (LINES - 100));
      jumps.push(
        await page.evaluate(async (target) => {
          const el = document.querySelector('[aria-label="Log output"]') as HTMLElement;
          const start = performance.now();
          el.scrollTop = (target - 1) * 18;
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            if (document.querySelector(`[data-testid="log-line"][data-line="${target}"]`)) return performance.now() - start;
            if (performance.now() - start > 5000) return 5000;
          }
        }, line),
      );
    }
    report("1M-line log: jump to a line, p95", `${pct(jumps, 0.95).toFixed(0)} ms`, "< 100 ms");

    // Continuous scrolling: frame times at a wheel's pace (120 px a frame) and a page a frame.
    const scroll = (step: number, count: number) =>
      page.evaluate(
        async ([px, n]) => {
          const el = document.querySelector('[aria-label="Log output"]') as HTMLElement;
          const times: number[] = [];
          let last = performance.now();
          for (let i = 0; i < n; i++) {
            el.scrollTop += px;
            await new Promise((r) => requestAnimationFrame(r));
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          return times;
        },
        [step, count] as const,
      );
    report("1M-line log: frame time while wheel-scrolling, p95", `${pct(await scroll(120, 240), 0.95).toFixed(1)} ms`, "< 50 ms");
    report("1M-line log: frame time scrolling a page per frame, p95", `${pct(await scroll(900, 120), 0.95).toFixed(1)} ms`, "info");

    // Follow: a live job printing 100,000 lines; sample whether the newest line is on screen.
    const live = await insertPlanRun(db, [{ name: "live", nodeId: nodeId!, script: `i=0; while [ $i -lt 100 ]; do seq $((i * 1000 + 1)) $(((i + 1) * 1000)); i=$((i + 1)); sleep 0.05; done` }]);
    await page.goto(`${server.url}/runs/${live.runId}?job=${live.ids.live}`);
    const samples = await page.evaluate(async () => {
      const out: { pinned: boolean; last: number }[] = [];
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const el = document.querySelector('[aria-label="Log output"]') as HTMLElement | null;
        if (!el) continue;
        const lines = [...document.querySelectorAll('[data-testid="log-line"]')].map((n) => Number((n as HTMLElement).dataset.line));
        out.push({ pinned: el.scrollHeight - el.scrollTop - el.clientHeight < 40, last: Math.max(0, ...lines) });
      }
      return out;
    });
    const moving = samples.filter((s) => s.last > 0);
    const pinned = moving.filter((s) => s.pinned).length;
    await page.locator('[data-testid="log-line"][data-line="100000"]').waitFor({ timeout: 60_000 });
    report("follow: samples pinned to the newest line while streaming", `${pinned}/${moving.length}`, "all");
  } finally {
    await browser.close();
    await server.stop();
    await stopAllTestSshHosts();
  }
}
