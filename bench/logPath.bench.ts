// Log path: `seq 1 2000000` on a node → persisted → a socket.io client, against raw
// `ssh host 'seq 1 2000000' > /dev/null` in the same run; and p99 line latency for paced output.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { stopAllTestSshHosts } from "../e2e/harness/sshHosts";
import { addNodes, db, insertPlanRun, JobRunner, report, startHosts, startSocketPair, wakeRunner } from "./benchEnv";

const run = promisify(execFile);
const LINES = 2_000_000;

async function rawSsh(host: Awaited<ReturnType<typeof startHosts>>[number], keyFile: string): Promise<number> {
  const t0 = performance.now();
  await run("ssh", ["-i", keyFile, "-p", String(host.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", `root@${host.address}`, `seq 1 ${LINES}`], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - t0;
}

export async function benchLogPath(): Promise<void> {
  const [host] = await startHosts(1);
  const [nodeId] = await addNodes([host!]);
  const keyFile = `${host!.dir}/bench-key`;
  writeFileSync(keyFile, host!.root.privateKey, { mode: 0o600 });

  const runner = new JobRunner({ pollMs: 1000 });
  await runner.start();
  const { client, close } = await startSocketPair();
  try {
    // Throughput: time from the click (job queued, runner woken) to the last byte at the client.
    const expectedBytes = Number((await run("sh", ["-c", `seq 1 ${LINES} | wc -c`])).stdout.trim());
    const raw: number[] = [];
    const armdeck: number[] = [];
    for (let round = 0; round < 3; round++) {
      raw.push(await rawSsh(host!, keyFile));
      const { ids } = await insertPlanRun(db, [{ name: "seq", nodeId: nodeId!, script: `seq 1 ${LINES}` }]);
      const jobId = ids.seq!;
      let received = 0;
      const t0 = performance.now();
      const done = new Promise<void>((resolve) => {
        const onChunk = (c: { jobId: string; offset: number; data: Buffer }) => {
          if (c.jobId !== jobId) return;
          received = Math.max(received, c.offset + c.data.length);
          if (received >= expectedBytes) {
            client.off("log:chunk", onChunk);
            resolve();
          }
        };
        client.on("log:chunk", onChunk);
      });
      client.emit("log:follow", { jobId, offset: 0 });
      wakeRunner();
      await done;
      armdeck.push(performance.now() - t0);
      await runner.idle();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(raw) / median(armdeck);
    report("log throughput ratio to raw ssh", ratio.toFixed(2), ">= 0.5");
    report("log throughput, 2M lines via Armdeck (median of 3)", `${(median(armdeck) / 1000).toFixed(2)} s, raw ssh ${(median(raw) / 1000).toFixed(2)} s`, "info");

    // Latency: 2000 lines 5 ms apart, each carrying its send time (same clock: loopback host).
    const { ids } = await insertPlanRun(db, [
      { name: "paced", nodeId: nodeId!, script: `i=0; while [ $i -lt 2000 ]; do echo "t $(date +%s%N)"; i=$((i + 1)); sleep 0.005; done` },
    ]);
    const latencies: number[] = [];
    let partial = "";
    const finished = new Promise<void>((resolve) => {
      client.on("log:chunk", (c: { jobId: string; data: Buffer }) => {
        if (c.jobId !== ids.paced) return;
        const now = Date.now() * 1e6 + Math.round((performance.now() % 1) * 1e6);
        const text = partial + c.data.toString();
        const lines = text.split("\n");
        partial = lines.pop()!;
        for (const l of lines) if (l.startsWith("t ")) latencies.push((now - Number(l.slice(2))) / 1e6);
        if (latencies.length >= 2000) resolve();
      });
    });
    client.emit("log:follow", { jobId: ids.paced, offset: 0 });
    wakeRunner();
    await finished;
    latencies.sort((a, b) => a - b);
    report("p99 line latency", `${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(0)} ms`, "< 250 ms");
    report("p50 line latency", `${latencies[Math.floor(latencies.length * 0.5)]!.toFixed(0)} ms`, "info");
    await runner.idle();
  } finally {
    await close();
    await runner.stop();
    await stopAllTestSshHosts();
  }
}
