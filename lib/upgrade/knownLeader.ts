import { cachedMesos } from "../deploy/clusterCheck.ts";
import { pollerFor } from "../upstream/pollers.ts";
import type { KnownLeader } from "./rollingOrder.ts";

/**
 * The leading master from the cluster poller's /master/state (`leader` is "master@ip:port"); null
 * when there is no poller, no fresh answer or no leader, and the plan then says so.
 */
export async function knownLeader(clusterId: number): Promise<KnownLeader> {
  try {
    const { mesos } = await cachedMesos(await pollerFor(String(clusterId)));
    const pid = mesos?.state.leader;
    const at = pid ? pid.slice(pid.lastIndexOf("@") + 1) : "";
    const address = at.slice(0, at.lastIndexOf(":")).replace(/^\[|\]$/g, "");
    return address ? { address } : null;
  } catch {
    return null;
  }
}
