// Why an app waits in /v2/queue, for the follow reply: the queue panel's explanation (one copy:
// lib/panels/queueView.ts) and, per agent, each reason its last offer was declined, in words with
// the numbers the offer carried ("not enough free memory: offered 31 GB, needs 64 GB").

import type { MarathonQueueItem } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import { queuedAppView, type QueuedAppView } from "../panels/queueView.ts";
import { formatCpus, formatMb, reasonLabel } from "../panels/stuckReasons.ts";

/** Waiting this long with no declined offer to blame still counts as stuck (Marathon never gives up). */
export const STUCK_AFTER_MS = 60_000;

function reasonWords(reason: string, v: QueuedAppView, offered: QueuedAppView["offers"][number]["offered"]): string {
  switch (reason) {
    case "InsufficientCpus":
      return `not enough free CPUs: offered ${offered.cpus === null ? "none" : formatCpus(offered.cpus)}, needs ${formatCpus(v.needs.cpus)}`;
    case "InsufficientMemory":
      return `not enough free memory: offered ${offered.memMb === null ? "none" : formatMb(offered.memMb)}, needs ${formatMb(v.needs.memMb)}`;
    case "InsufficientDisk":
      return `not enough free disk: offered ${offered.diskMb === null ? "none" : formatMb(offered.diskMb)}, needs ${formatMb(v.needs.diskMb)}`;
    case "InsufficientPorts":
      return `not enough free host ports (needs ${v.needs.ports}; offered ${offered.ports ?? "none"})`;
    case "UnfulfilledConstraint":
      return `constraint ${v.needs.constraints.map((c) => `"${c}"`).join(", ") || "(none)"} not met on this agent`;
    case "UnfulfilledRole":
      return "offers no resources for the app's role";
    default:
      return reasonLabel(reason).toLowerCase();
  }
}

export interface StuckApp {
  appId: string;
  summary: string;
  perAgent: { agent: string; reasons: string[] }[];
}

/** The affected apps that wait in the queue and count as stuck: declined offers, a backoff, or a long wait. */
export function stuckApps(queue: MarathonQueueItem[], affected: readonly string[], state: MesosState | undefined, now: number): StuckApp[] {
  const out: StuckApp[] = [];
  for (const item of queue) {
    const v = queuedAppView(item, state, now);
    if (!affected.includes(v.id)) continue;
    const stuck = v.blockedBy !== null || v.delayed !== null || (v.waitingMs !== null && v.waitingMs >= STUCK_AFTER_MS);
    if (!stuck) continue;
    const summary = v.explanation.length ? v.explanation.join(" ") : `${v.waiting} instance${v.waiting === 1 ? "" : "s"} of ${v.id} have waited ${Math.round((v.waitingMs ?? 0) / 1000)} s to be launched.`;
    out.push({ appId: v.id, summary, perAgent: v.offers.map((o) => ({ agent: o.hostname ?? o.agentId ?? "?", reasons: o.reasons.map((r) => reasonWords(r, v, o.offered)) })) });
  }
  return out;
}
