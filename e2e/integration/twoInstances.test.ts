// Two dashboards on one data folder: the second refuses to start (it would run and reattach to the
// first one's jobs) and says who holds the folder; once the first is gone, even killed by
// SIGKILL with its pid file left behind, a new one starts.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../harness/appServer";
import { createTestDataDir } from "../harness/testDatabase";

const dataDir = createTestDataDir();
const servers: AppServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("two instances on one data folder", () => {
  it("the second refuses to run, naming the first; after the first dies a new one starts", async () => {
    servers.push(await startAppServer({ dataDir }));

    const refusal = await startAppServer({ dataDir }).then(
      (s) => (servers.push(s), "it started"),
      (error: Error) => error.message,
    );
    const named = refusal.match(/another Armdeck \(pid (\d+)\) runs jobs from data dir (\S+); this one will not start/);
    expect(named, refusal).not.toBeNull();
    expect(path.resolve(named![2]!)).toBe(path.resolve(dataDir));
    const firstPid = Number(named![1]);
    expect(alive(firstPid)).toBe(true);
    expect((await fetch(`${servers[0]!.url}/login`)).status).toBe(200); // the first one still serves

    // A crash leaves the pid file behind; the lock goes with the process.
    process.kill(firstPid, "SIGKILL");
    while (alive(firstPid)) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(path.join(dataDir, "runner.pid"))).toBe(true);
    servers.push(await startAppServer({ dataDir }));
    expect((await fetch(`${servers.at(-1)!.url}/login`)).status).toBe(200);
  });
});
