// How many masters a cluster may have, and why: client-safe, so the cluster home can say it before
// any plan is built, in the same words the plan refuses with.
//
// ZooKeeper's ensemble and Mesos's replicated log both need a majority of their members up. An odd
// count is the only one that buys anything: n masters tolerate ⌊(n-1)/2⌋ failures, so 2 tolerate
// none (like 1, with twice the machines that can lose the quorum) and 4 tolerate one (like 3).

export const ALLOWED_MASTER_COUNTS = [1, 3, 5] as const;

export type MasterCountVerdict = { ok: true; quorum: number; tolerates: number } | { ok: false; reason: string };

/** The majority of n masters: Mesos's --quorum and what ZooKeeper needs up to serve. */
export function quorumOf(masters: number): number {
  return Math.floor(masters / 2) + 1;
}

export function masterCountVerdict(masters: number): MasterCountVerdict {
  if (masters === 0) return { ok: false, reason: "The cluster has no master: give one node the role master (or master and agent)" };
  if ((ALLOWED_MASTER_COUNTS as readonly number[]).includes(masters)) {
    return { ok: true, quorum: quorumOf(masters), tolerates: masters - quorumOf(masters) };
  }
  if (masters > 5) {
    return {
      ok: false,
      reason: `The cluster has ${masters} masters; Armdeck runs 1, 3 or 5. More than 5 ZooKeeper and Mesos masters only slow every write (each one waits for a majority) and the Mesos documentation advises 3 or 5`,
    };
  }
  const tolerates = masters - quorumOf(masters);
  return {
    ok: false,
    reason: `The cluster has ${masters} masters; Armdeck runs 1, 3 or 5. ZooKeeper and Mesos's replicated log need a majority (${quorumOf(masters)} of ${masters}) up, so ${masters} masters survive only ${tolerates} failure${tolerates === 1 ? "" : "s"}, no more than ${masters - 1}, while adding a machine whose loss counts against the majority: make it ${masters - 1} or ${masters + 1}`,
  };
}
