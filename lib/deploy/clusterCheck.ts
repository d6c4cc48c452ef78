// groups/check on a live cluster: the body against what the cluster's poller has cached, Mesos'
// agents (fresh enough, or refreshed once, shared with every other caller) and Marathon's groups.
// Mesos being down only loses the fit (fit.checked = false and a warning), never the check.

import type { MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { unwrapReply } from "../panels/replyData.ts";
import { upstreamFailure } from "../panels/upstreamFailure.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import { checkGroup } from "./checkGroup.ts";
import type { CheckReply } from "./deployContract.ts";
import { marathonContext, type MarathonContext } from "./marathonContext.ts";

/** The agents' free resources may be this old for a fit; older means one shared refresh. */
export const FIT_MAX_AGE_MS = 5_000;

const polls = (poller: ClusterPoller, source: string) => poller.status().some((s) => s.source === source);

export async function cachedMarathon(poller: ClusterPoller, maxAgeMs = FIT_MAX_AGE_MS): Promise<{ root: MarathonGroup | undefined; context: MarathonContext; fetchedAt: number | null }> {
  if (!polls(poller, "marathon.groups")) return { root: undefined, context: marathonContext(undefined), fetchedAt: null };
  const snap = await poller.get("marathon.groups", { maxAgeMs });
  const root = snap.data === undefined ? undefined : unwrapReply<MarathonGroup>(snap.data).data;
  return { root, context: marathonContext(root), fetchedAt: snap.fetchedAt };
}

export async function cachedMesos(poller: ClusterPoller): Promise<{ mesos: { state: MesosState; fetchedAt: string | null } | null; problem?: string }> {
  if (!polls(poller, "mesos.state")) return { mesos: null, problem: "this cluster has no Mesos master registered" };
  const snap = await poller.get("mesos.state", { maxAgeMs: FIT_MAX_AGE_MS });
  // Data older than a failure is not what the agents have now: the fit would be a guess.
  if (snap.data === undefined || (snap.error !== undefined && (snap.errorAt ?? 0) > (snap.fetchedAt ?? 0))) {
    return { mesos: null, problem: snap.error !== undefined ? upstreamFailure("mesos", snap.cause, snap.error).message : "Mesos has not answered yet" };
  }
  const fetchedAt = snap.fetchedAt === null ? null : new Date(snap.fetchedAt).toISOString();
  return { mesos: { state: unwrapReply<MesosState>(snap.data).data, fetchedAt } };
}

export async function checkOnCluster(poller: ClusterPoller, body: unknown, opts: { skipFit?: boolean } = {}): Promise<CheckReply> {
  const [{ context }, { mesos, problem }] = await Promise.all([cachedMarathon(poller), cachedMesos(poller)]);
  return checkGroup({ body, marathon: context, mesos, mesosProblem: problem, skipFit: opts.skipFit });
}
