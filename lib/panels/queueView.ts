import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { MarathonApp, MarathonQueueItem } from "../marathon/marathonSchemas.ts";
import { formatCpus, formatMb, OFFER_REASONS, reasonLabel } from "./stuckReasons.ts";

// GET /api/v1/clusters/{id}/queue: what Marathon waits to launch and, per app, why in words.
// The reasons come from /v2/queue's processedOffersSummary (the funnel) and lastUnusedOffers (per
// agent); the numbers in the sentences come from Mesos' view of the agents' free resources, the
// comparison operators asked for most (marathon#1090, #652, #4231).

/** DC/OS UI warns after waiting this long for resources (DeclinedOffersUtil.ts). */
export const STUCK_WARNING_MS = 5 * 60_000;

export interface FunnelRow {
  reason: string;
  label: string;
  /** Offers that reached this check. */
  processed: number;
  declined: number;
  /** processed − declined: what went on to the next check. */
  matched: number;
}

export interface AgentOfferView {
  hostname: string | null;
  agentId: string | null;
  reasons: string[];
  offered: { cpus: number | null; memMb: number | null; diskMb: number | null; ports: string | null };
}

export interface QueuedAppView {
  id: string;
  /** Instances still to launch. */
  waiting: number;
  instances: number | null;
  needs: { cpus: number; memMb: number; diskMb: number; gpus: number; ports: number; constraints: string[] };
  since: string | null;
  waitingMs: number | null;
  /** Waited longer than DC/OS's 5 minutes for resources. */
  overdueWarning: boolean;
  delayed: { secondsLeft: number } | null;
  /** The check where no offer got through (null: not blocked on offers, or no offers seen yet). */
  blockedBy: string | null;
  /** The explanation, one sentence per finding, most important first. */
  explanation: string[];
  funnel: FunnelRow[];
  launchAttemptFunnel: FunnelRow[];
  offers: AgentOfferView[];
}

interface AgentFree {
  hostname: string;
  cpus: number;
  memMb: number;
  diskMb: number;
  gpus: number;
}

function freeAgents(state: MesosState | undefined): AgentFree[] | null {
  if (!state) return null;
  return state.slaves
    .filter((a) => a.active)
    .map((a) => ({
      hostname: a.hostname,
      cpus: a.resources.cpus - a.used_resources.cpus,
      memMb: a.resources.mem - a.used_resources.mem,
      diskMb: a.resources.disk - a.used_resources.disk,
      gpus: a.resources.gpus - a.used_resources.gpus,
    }));
}

function hostPortsNeeded(app: MarathonApp | null | undefined): number {
  if (!app) return 0;
  const mappings = app.container?.portMappings ?? app.container?.docker?.portMappings;
  if (mappings && mappings.length) return mappings.filter((m) => m.hostPort !== undefined && m.hostPort !== null).length;
  return (app.portDefinitions ?? []).length || (app.ports ?? []).length;
}

function funnelOf(rows: { reason: string; declined: number; processed: number }[] | null | undefined): FunnelRow[] {
  if (!rows) return [];
  const order = (r: string) => {
    const i = (OFFER_REASONS as readonly string[]).indexOf(r);
    return i < 0 ? OFFER_REASONS.length : i;
  };
  // Marathon writes them in funnel order already; sort anyway, as a 1.5.1 doc sample lists one twice.
  const seen = new Set<string>();
  return [...rows]
    .sort((a, b) => order(a.reason) - order(b.reason))
    .filter((r) => (seen.has(r.reason) ? false : (seen.add(r.reason), true)))
    .map((r) => ({ reason: r.reason, label: reasonLabel(r.reason), processed: r.processed, declined: r.declined, matched: Math.max(0, r.processed - r.declined) }));
}

function blockingReason(funnel: FunnelRow[]): string | null {
  return funnel.find((r) => r.declined > 0 && r.matched === 0)?.reason ?? null;
}

function scalar(resources: Record<string, unknown>[] | null | undefined, name: string): number | null {
  const r = resources?.find((x) => x.name === name);
  return r && typeof r.scalar === "number" ? r.scalar : null;
}

function rangesText(resources: Record<string, unknown>[] | null | undefined): string | null {
  const r = resources?.find((x) => x.name === "ports");
  const ranges = r && Array.isArray(r.ranges) ? (r.ranges as { begin: number; end: number }[]) : null;
  return ranges ? `[${ranges.map((x) => `${x.begin}-${x.end}`).join(", ")}]` : null;
}

function largest(agents: AgentFree[], pick: (a: AgentFree) => number): AgentFree | undefined {
  return agents.reduce<AgentFree | undefined>((best, a) => (!best || pick(a) > pick(best) ? a : best), undefined);
}

function constraintText(c: string[]): string {
  return c.join(":");
}

function explain(item: MarathonQueueItem, needs: QueuedAppView["needs"], blockedBy: string | null, funnel: FunnelRow[], agents: AgentFree[] | null, offers: AgentOfferView[]): string[] {
  const out: string[] = [];
  const app = item.app;
  const eachFits = "each instance must fit on one agent";
  if (item.delay && item.delay.overdue === false && item.delay.timeLeftSeconds > 0) {
    const failure = app?.lastTaskFailure;
    out.push(
      `Marathon is backing off after failed tasks: the next launch is in ${Math.ceil(item.delay.timeLeftSeconds)} s` +
        (failure?.message ? ` (last failure on ${failure.host ?? "an agent"}: ${[failure.state, failure.message].filter(Boolean).join(" ").trim()})` : "") +
        ".",
    );
  }
  const offersSeen = funnel[0]?.processed ?? 0;
  if (funnel.length && offersSeen === 0 && !blockedBy) {
    out.push("Marathon has received no resource offers for this app yet: Mesos has no agent with unused resources for Marathon's role, or Marathon is not registered with the leading master.");
  }
  const ha = agents ?? [];
  switch (blockedBy) {
    case "UnfulfilledRole":
      out.push(`Every offer was declined by role: no agent offers resources for the app's role (${(app as { role?: string } | null | undefined)?.role ?? "*"}).`);
      break;
    case "UnfulfilledConstraint": {
      const unique = needs.constraints.find((c) => /^hostname:UNIQUE$/i.test(c));
      const total = item.app?.instances ?? null;
      if (unique && total !== null && agents && total > agents.length) {
        out.push(`${total} instances with hostname:UNIQUE, but only ${agents.length} agent${agents.length === 1 ? "" : "s"}: at most ${agents.length} can run.`);
      } else {
        out.push(`Every offer was declined by constraint${needs.constraints.length === 1 ? "" : "s"} ${needs.constraints.map((c) => `"${c}"`).join(", ") || "(none set on the app)"}: no agent that has room satisfies ${needs.constraints.length === 1 ? "it" : "them"}.`);
      }
      break;
    }
    case "NoCorrespondingReservationFound":
      out.push("Every offer was declined: the app needs reserved resources (a resident app) and no agent holds its reservation.");
      break;
    case "InsufficientCpus": {
      const best = largest(ha, (a) => a.cpus);
      out.push(`No agent has ${formatCpus(needs.cpus)} free${best ? `; the largest has ${formatCpus(Math.max(0, best.cpus))} (${best.hostname})` : ""}: ${eachFits}.`);
      break;
    }
    case "InsufficientMemory": {
      const best = largest(ha, (a) => a.memMb);
      out.push(`No agent has ${formatMb(needs.memMb)} of free memory${best ? `; the largest has ${formatMb(Math.max(0, best.memMb))} (${best.hostname})` : ""}: ${eachFits}.`);
      break;
    }
    case "InsufficientDisk": {
      const best = largest(ha, (a) => a.diskMb);
      out.push(`No agent has ${formatMb(needs.diskMb)} of free disk${best ? `; the largest has ${formatMb(Math.max(0, best.diskMb))} (${best.hostname})` : ""}: ${eachFits}.`);
      break;
    }
    case "InsufficientGpus": {
      const best = largest(ha, (a) => a.gpus);
      out.push(`No agent has ${needs.gpus} free GPU${needs.gpus === 1 ? "" : "s"}${best ? `; the most any agent has is ${Math.max(0, best.gpus)}` : ""}.`);
      break;
    }
    case "InsufficientPorts":
      out.push(`No agent offers the ${needs.ports} host port${needs.ports === 1 ? "" : "s"} the app needs (free ports are in the agents' port ranges).`);
      break;
    default:
      if (blockedBy) out.push(`Every offer was declined: ${reasonLabel(blockedBy)}.`);
  }
  if (!blockedBy && offersSeen > 0 && funnel.some((r) => r.declined > 0)) {
    // Offers fell out at several checks: no single one blocks, say where each went.
    const parts = funnel.filter((r) => r.declined > 0).map((r) => `${r.declined} by ${r.label.toLowerCase()}`);
    out.push(`Of the last ${offersSeen} offer${offersSeen === 1 ? "" : "s"} (one per agent), ${parts.join(", ")} were declined.`);
  }
  if (offers.length && blockedBy) {
    const hosts = offers.slice(0, 5).map((o) => `${o.hostname ?? o.agentId ?? "?"}: ${o.reasons.map(reasonLabel).join(", ")}`);
    out.push(`Last offers: ${hosts.join("; ")}${offers.length > 5 ? `; and ${offers.length - 5} more` : ""}.`);
  }
  return out;
}

export function queuedAppView(item: MarathonQueueItem, state: MesosState | undefined, now: number): QueuedAppView {
  const app = item.app;
  const needs = {
    cpus: app?.cpus ?? 0,
    memMb: app?.mem ?? 0,
    diskMb: app?.disk ?? 0,
    gpus: app?.gpus ?? 0,
    ports: hostPortsNeeded(app),
    constraints: (app?.constraints ?? []).map(constraintText),
  };
  const summary = item.processedOffersSummary;
  const funnel = funnelOf(summary?.rejectSummaryLastOffers);
  const blockedBy = blockingReason(funnel);
  const offers: AgentOfferView[] = (item.lastUnusedOffers ?? []).map((o) => ({
    hostname: o.offer.hostname ?? null,
    agentId: o.offer.agentId ?? null,
    reasons: o.reason,
    offered: { cpus: scalar(o.offer.resources, "cpus"), memMb: scalar(o.offer.resources, "mem"), diskMb: scalar(o.offer.resources, "disk"), ports: rangesText(o.offer.resources) },
  }));
  // DC/OS counts the wait from the last offer Marathon used, else from when the app queued.
  const from = Date.parse(summary?.lastUsedOfferAt ?? item.since ?? "");
  const waitingMs = Number.isFinite(from) ? Math.max(0, now - from) : null;
  const delayed = item.delay && item.delay.overdue === false && item.delay.timeLeftSeconds > 0 ? { secondsLeft: item.delay.timeLeftSeconds } : null;
  return {
    id: app?.id ?? (typeof item.pod?.id === "string" ? item.pod.id : "?"),
    waiting: item.count,
    instances: app?.instances ?? null,
    needs,
    since: item.since ?? null,
    waitingMs,
    overdueWarning: !delayed && waitingMs !== null && waitingMs >= STUCK_WARNING_MS,
    delayed,
    blockedBy,
    explanation: explain(item, needs, blockedBy, funnel, freeAgents(state), offers),
    funnel,
    launchAttemptFunnel: funnelOf(summary?.rejectSummaryLaunchAttempt),
    offers,
  };
}

export function queueView(queue: MarathonQueueItem[], state: MesosState | undefined, now: number): { queue: QueuedAppView[] } {
  return { queue: queue.map((q) => queuedAppView(q, state, now)).sort((a, b) => a.id.localeCompare(b.id)) };
}
