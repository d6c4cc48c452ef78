// The runbook's cluster shape (two AArch64 nodes, od1000-1 also the master; agents started with
// --resources=ports:[1-65535]; totals as the audit derives them for 4 cores / 16 GiB / 64 GB).

import { ManualClock } from "../clock";
import { startStandin, type Standin, type StandinOptions } from "../server";

export async function startRunbookCluster(opts: StandinOptions = {}): Promise<Standin & { clock: ManualClock }> {
  const clock = new ManualClock();
  const s = await startStandin({ clock, mesosPorts: [0, 0], marathonPorts: [0, 0], noLeaderWaitMs: 50, ...opts });
  for (const hostname of ["od1000-1", "od1000-0"]) {
    s.control.addAgent({ hostname, cpus: 4, mem: 15025, disk: 59040, ports: "[1-65535]", attributes: { arch: "aarch64" } });
  }
  return s as Standin & { clock: ManualClock };
}

export const jsonHeaders = { "Content-Type": "application/json" };
