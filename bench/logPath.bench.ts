// Log path: `seq 1 2000000` on a node → persisted → a socket.io client, against raw
// `ssh host 'seq 1 2000000' > /dev/null` in the same run; and p99 line latency for paced output.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { Client } from "ssh2";
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

/** An ssh2 connection opened before timing starts, as the runner's pool keeps one per node. */
async function openChannelHost(host: Awaited<ReturnType<typeof startHosts>>[number]): Promise<Client> {
  const conn = new Client();
  await new Promise<void>((resolve, reject) => {
    conn.once("ready", resolve).once("error", reject);
    conn.connect({ host: host.address, port: host.port, username: "root", privateKey: host.root.privateKey });
  });
  return conn;
}

/** The physical limit: the same output through one channel of an open connection, bytes counted and dropped. */
function rawChannel(conn: Client, expectedBytes: number): Promise<{ total: number; firstByte: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    conn.exec(`seq 1 ${LINES}`, (err, stream) => {
      if (err) return reject(err);
      let bytes = 0;
      let firstByte = 0;
      stream.on("data", (d: Buffer) => {
        if (!bytes) firstByte = performance.now() - t0;
        bytes += d.length;
      });
      stream.stderr.resume();
      stream.on("close", () => (bytes === expectedBytes ? resolve({ total: performance.now() - t0, firstByte }) : reject(new Error(`channel read ${bytes} of ${expectedBytes} bytes`))));
    });
  });
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
    const channel: number[] = [];
    const channelFirstByte: number[] = [];
    const armdeck: number[] = [];
    const toFirstByte: number[] = [];
    const conn = await openChannelHost(host!);
    for (let round = 0; round < 3; round++) {
      raw.push(await rawSsh(host!, keyFile));
      const direct = await rawChannel(conn, expectedBytes);
      channel.push(direct.total);
      channelFirstByte.push(direct.firstByte);
      const { ids } = await insertPlanRun(db, [{ name: "seq", nodeId: nodeId!, script: `seq 1 ${LINES}` }]);
      const jobId = ids.seq!;
      let received = 0;
      let firstByte = 0;
      const t0 = performance.now();
      const done = new Promise<void>((resolve) => {
        const onChunk = (c: { jobId: string; offset: number; data: Buffer }) => {
          if (c.jobId !== jobId) return;
          if (!firstByte) firstByte = performance.now() - t0;
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
      toFirstByte.push(firstByte);
      await runner.idle();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    conn.end();
    report("log throughput ratio to raw ssh", (median(raw) / median(armdeck)).toFixed(2), ">= 0.5");
    report("log throughput ratio to one open ssh2 channel (physical limit)", (median(channel) / median(armdeck)).toFixed(2), ">= 0.85");
    const s = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s`;
    // Where the difference lies: the start (claim recorded, the step started detached on the
    // node) against the stream that follows it.
    const streaming = (total: number[], first: number[]) => median(total.map((t, i) => t - first[i]!));
    report("log path: queued to first byte at the client (median of 3)", `${median(toFirstByte).toFixed(0)} ms, open ssh2 channel ${median(channelFirstByte).toFixed(0)} ms`, "info");
    report("log streaming after the first byte, ratio to the open ssh2 channel", (streaming(channel, channelFirstByte) / streaming(armdeck, toFirstByte)).toFixed(2), "info");
    report("log throughput, 2M lines (median of 3)", `Armdeck ${s(armdeck)}, open ssh2 channel ${s(channel)}, raw ssh ${s(raw)}`, "info");

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
