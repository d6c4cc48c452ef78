import type { MarathonInfo } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { ReplyMeta } from "./replyData.ts";
import { resourcesView, resourcesViewKey, type Amounts } from "./resourcesView.ts";
import { memoView } from "./viewMemo.ts";
import type { MemberAnswer } from "../zookeeper/ensembleProbe.ts";
import { ensembleView, type EnsembleView } from "../zookeeper/ensembleView.ts";
import { masterRoles, type MasterRoles } from "./masterRoles.ts";

// GET /api/v1/clusters/{id}/overview: is each service up, who leads, which versions, where the
// Mesos and Marathon UIs are, and the resources at a glance. ZooKeeper and Weave cannot be seen
// through Mesos or Marathon: a provisioned cluster's status reports fill their slots.

export type ServiceState = "up" | "degraded" | "down" | "unknown";

/** One node's report for a service Armdeck checks over SSH (ZooKeeper ruok/mntr, the Weave router). */
export interface NodeServiceReport {
  node: string;
  state: "up" | "down" | "not_installed" | "unknown";
  detail: string | null;
  checkedAt: string | null;
}

export interface ServiceReports {
  zookeeper?: NodeServiceReport[];
  weave?: NodeServiceReport[];
}

export interface Endpoint {
  url: string;
  leader: boolean;
}

export interface SourceView<T> {
  data?: T;
  meta?: ReplyMeta;
  error?: string;
  ageMs: number | null;
}

export interface OverviewInput {
  mesos: SourceView<MesosState>;
  marathon: SourceView<unknown> & { info?: MarathonInfo };
  /** The cluster's registered endpoints, when known. */
  endpoints?: { mesosMasters: string[]; marathon: string[] };
  /** Agents the provisioned cluster should have; null for an adopted cluster. */
  expectedAgents?: number | null;
  reports?: ServiceReports;
  deploymentsInProgress?: number | null;
  archByHostname?: ReadonlyMap<string, string>;
  /** How Armdeck hears of Marathon's changes now: its event stream, or polling alone (it dropped, or is not open yet). */
  marathonEvents?: "live" | "polling" | null;
  /** Each ZooKeeper member's srvr answer (a provisioned cluster's masters), from the poller. */
  ensemble?: MemberAnswer[];
}

export interface OverviewView {
  mesos: { state: ServiceState; leader: string | null; version: string | null; masters: Endpoint[]; error: string | null; ageMs: number | null };
  agents: { registered: number; active: number; inactive: number; expected: number | null; state: ServiceState };
  marathon: { state: ServiceState; leader: string | null; version: string | null; instances: Endpoint[]; frameworkId: string | null; error: string | null; ageMs: number | null; deploymentsInProgress: number | null; events: "live" | "polling" | null };
  zookeeper: { state: ServiceState; nodes: NodeServiceReport[] } | null;
  weave: { state: ServiceState; nodes: NodeServiceReport[] } | null;
  /** The ensemble asked live (srvr), said in words; null when Armdeck does not know its members. */
  ensemble: EnsembleView | null;
  /** One line per master of a provisioned cluster: what it is for Mesos, Marathon and ZooKeeper. */
  masterRoles: MasterRoles[];
  links: { mesosUi: string | null; marathonUi: string | null };
  resources: { total: Amounts; used: Amounts; agents: number; arch: Record<string, number> } | null;
}

function authority(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.replace(/^\/\//, "").toLowerCase();
  }
}

function mesosLeaderUrl(state: MesosState | undefined, meta: ReplyMeta | undefined): string | null {
  if (meta?.leader) return meta.leader;
  const li = state?.leader_info;
  if (li?.hostname) return `http://${li.hostname}:${li.port ?? 5050}`;
  // Deprecated pid form: master@192.0.2.1:5050 (cut by hand: the upstream writes it).
  const pid = state?.leader ?? "";
  const at = pid.lastIndexOf("@");
  const colon = pid.lastIndexOf(":");
  const host = at >= 0 && colon > at + 1 ? pid.slice(at + 1, colon) : "";
  const port = colon >= 0 ? pid.slice(colon + 1) : "";
  return host && /^\d{1,5}$/.test(port) ? `http://${host}:${port}` : null;
}

function endpointsWithLeader(urls: string[] | undefined, leader: string | null): Endpoint[] {
  const lead = authority(leader);
  const list = (urls ?? []).map((url) => ({ url, leader: lead !== null && authority(url) === lead }));
  if (leader && !list.some((e) => e.leader)) list.push({ url: leader, leader: true });
  return list;
}

function fromReports(nodes: NodeServiceReport[] | undefined): { state: ServiceState; nodes: NodeServiceReport[] } | null {
  if (!nodes) return null;
  const relevant = nodes.filter((n) => n.state !== "not_installed");
  const up = relevant.filter((n) => n.state === "up").length;
  const state: ServiceState = relevant.length === 0 ? "unknown" : up === relevant.length ? "up" : up === 0 ? "down" : "degraded";
  return { state, nodes };
}

function withSlash(url: string | null): string | null {
  return url ? (url.endsWith("/") ? url : `${url}/`) : null;
}

export function overviewView(input: OverviewInput): OverviewView {
  const state = input.mesos.data;
  const mesosLeader = mesosLeaderUrl(state, input.mesos.meta);
  const mesosState: ServiceState = input.mesos.error ? "down" : state ? (mesosLeader ? "up" : "degraded") : "unknown";
  const agents = state?.slaves ?? [];
  const active = agents.filter((a) => a.active).length;
  const expected = input.expectedAgents ?? null;
  const agentState: ServiceState = !state || input.mesos.error ? "unknown" : expected !== null ? (active >= expected ? "up" : active === 0 ? "down" : "degraded") : active > 0 ? "up" : "down";

  const framework = state?.frameworks.find((f) => f.name === "marathon");
  const marathonLeader = input.marathon.meta?.leader ?? (input.marathon.info?.leader ? `http://${input.marathon.info.leader}` : null);
  const marathonState: ServiceState = input.marathon.error ? "down" : input.marathon.data !== undefined ? "up" : "unknown";
  const marathonUi = marathonLeader ?? framework?.webui_url ?? null;

  // Once per poll, not per request: every viewer's overview is refetched on three sources' updates.
  const res = state ? memoView(state, resourcesViewKey(input.archByHostname), (s) => resourcesView(s, { archByHostname: input.archByHostname })) : null;
  const arch: Record<string, number> = {};
  for (const a of res?.agents ?? []) arch[a.arch ?? "unknown"] = (arch[a.arch ?? "unknown"] ?? 0) + 1;

  const ensemble = input.ensemble ? ensembleView(input.ensemble) : null;
  return {
    masterRoles: ensemble ? masterRoles(ensemble, authority(mesosLeader), authority(marathonLeader)) : [],
    ensemble,
    mesos: {
      state: mesosState,
      leader: authority(mesosLeader),
      version: state?.version ?? null,
      masters: endpointsWithLeader(input.endpoints?.mesosMasters, mesosLeader),
      error: input.mesos.error ?? null,
      ageMs: input.mesos.ageMs,
    },
    agents: { registered: agents.length, active, inactive: agents.length - active, expected, state: agentState },
    marathon: {
      state: marathonState,
      leader: authority(marathonLeader),
      version: input.marathon.info?.version ?? null,
      instances: endpointsWithLeader(input.endpoints?.marathon, marathonLeader),
      frameworkId: framework?.id ?? input.marathon.info?.frameworkId ?? null,
      error: input.marathon.error ?? null,
      ageMs: input.marathon.ageMs,
      deploymentsInProgress: input.deploymentsInProgress ?? null,
      events: input.marathonEvents ?? null,
    },
    zookeeper: fromReports(input.reports?.zookeeper),
    weave: fromReports(input.reports?.weave),
    links: { mesosUi: withSlash(mesosLeader), marathonUi: withSlash(marathonUi) },
    resources: res ? { total: res.total, used: res.used, agents: res.agents.length, arch } : null,
  };
}
