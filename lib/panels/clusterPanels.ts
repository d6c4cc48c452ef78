import type { NextResponse } from "next/server";
import { AppError } from "../errors.ts";
import type { MarathonDeployment, MarathonGroup, MarathonInfo, MarathonQueueItem } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { ClusterPoller } from "../upstream/clusterPoller.ts";
import type { SourceSnapshot } from "../upstream/pollSource.ts";
import type { MemberAnswer } from "../zookeeper/ensembleProbe.ts";
import { clusterPanelPoller } from "./clusterPanelPoller.ts";
import { deploymentsView } from "./deploymentsView.ts";
import { frameworksView } from "./frameworksView.ts";
import { groupsView } from "./groupsView.ts";
import { overviewView, type OverviewInput, type ServiceReports } from "./overviewView.ts";
import { panelReply } from "./panelReply.ts";
import { queueView } from "./queueView.ts";
import { unwrapReply } from "./replyData.ts";
import { resourcesView, resourcesViewKey } from "./resourcesView.ts";
import type { TasksQuery } from "./tasksQuery.ts";
import { tasksView } from "./tasksView.ts";
import { upstreamFailure } from "./upstreamFailure.ts";
import { memoView, memoViewOf } from "./viewMemo.ts";

// What each panel route answers, from the cluster's poller cache only: a page load never sends a
// request to Mesos or Marathon that the poller would not send anyway (docs/upstream-polling.md).

export const PANEL_SOURCES = {
  mesos: "mesos.state",
  groups: "marathon.groups",
  deployments: "marathon.deployments",
  queue: "marathon.queue",
  marathonInfo: "marathon.info",
  zookeeper: "zookeeper.srvr",
} as const;

class NotPolledError extends AppError {
  constructor(what: string) {
    super(`This cluster has no ${what} registered`, 404, "not_registered");
  }
}

function polls(poller: ClusterPoller, source: string): boolean {
  return poller.status().some((s) => s.source === source);
}

async function snapshotOf<T>(poller: ClusterPoller, source: string, what: string): Promise<SourceSnapshot<T>> {
  if (!polls(poller, source)) throw new NotPolledError(what);
  const snap = await poller.get(source, { staleWhileRefreshing: true });
  return { ...snap, data: snap.data === undefined ? undefined : unwrapReply<T>(snap.data).data } as SourceSnapshot<T>;
}

/** `key` names the view and its parameters: the same key on the same poll is the same view. */
async function mesosPanel<V extends object>(clusterId: string, key: string, view: (s: MesosState) => V): Promise<NextResponse> {
  const poller = await clusterPanelPoller(clusterId);
  return panelReply(await snapshotOf<MesosState>(poller, PANEL_SOURCES.mesos, "Mesos master"), "mesos", (s) => memoView(s, key, view));
}

export function resourcesPanel(clusterId: string, archByHostname?: ReadonlyMap<string, string>) {
  return mesosPanel(clusterId, resourcesViewKey(archByHostname), (s) => resourcesView(s, { archByHostname }));
}

export function frameworksPanel(clusterId: string) {
  return mesosPanel(clusterId, "frameworks", frameworksView);
}

export function tasksPanel(clusterId: string, q: TasksQuery) {
  return mesosPanel(clusterId, `tasks:${JSON.stringify(q)}`, (s) => tasksView(s, q));
}

/** Cached data of an optional companion source, never a request of its own and never a failure. */
function cached<T>(poller: ClusterPoller, source: string): T | undefined {
  if (!polls(poller, source)) return undefined;
  const d = poller.peek(source).data;
  return d === undefined ? undefined : unwrapReply<T>(d).data;
}

const NO_QUEUE: MarathonQueueItem[] = [];

export async function groupsPanel(clusterId: string) {
  const poller = await clusterPanelPoller(clusterId);
  const snap = await snapshotOf<MarathonGroup>(poller, PANEL_SOURCES.groups, "Marathon");
  const queue = cached<{ queue: MarathonQueueItem[] }>(poller, PANEL_SOURCES.queue)?.queue;
  // Built once per poll of the groups and of the queue, however many viewers ask.
  return panelReply(snap, "marathon", (root) => memoViewOf(root, queue ?? NO_QUEUE, (r, q) => groupsView(r, q === NO_QUEUE ? undefined : q)));
}

export async function deploymentsPanel(clusterId: string) {
  const poller = await clusterPanelPoller(clusterId);
  return panelReply(await snapshotOf<MarathonDeployment[]>(poller, PANEL_SOURCES.deployments, "Marathon"), "marathon", (d) => memoView(d, "deployments", deploymentsView));
}

export async function queuePanel(clusterId: string, now = Date.now()) {
  const poller = await clusterPanelPoller(clusterId);
  const snap = await snapshotOf<{ queue: MarathonQueueItem[] }>(poller, PANEL_SOURCES.queue, "Marathon");
  // The agents' free resources put numbers in the explanation; Mesos being down only loses those.
  const state = cached<MesosState>(poller, PANEL_SOURCES.mesos);
  return panelReply(snap, "marathon", (q) => queueView(q.queue, state, now));
}

export interface OverviewContext {
  endpoints?: OverviewInput["endpoints"];
  expectedAgents?: number | null;
  reports?: ServiceReports;
  marathonInfo?: MarathonInfo;
  /** A provisioned cluster's node architectures, for agents whose attributes do not say. */
  archByHostname?: ReadonlyMap<string, string>;
}

async function sourceView(poller: ClusterPoller, source: string, upstream: "mesos" | "marathon"): Promise<OverviewInput["mesos"]> {
  if (!polls(poller, source)) return { ageMs: null };
  const snap = await poller.get(source);
  const reply = snap.data === undefined ? undefined : unwrapReply<MesosState>(snap.data);
  const error = snap.error !== undefined ? upstreamFailure(upstream, snap.cause, snap.error).message : undefined;
  return { data: reply?.data, meta: reply?.meta, error, ageMs: snap.ageMs };
}

/** Marathon's version: fetched through the poller (fresh for a minute), never a failure of the overview. */
async function marathonInfo(poller: ClusterPoller): Promise<MarathonInfo | undefined> {
  if (!polls(poller, PANEL_SOURCES.marathonInfo)) return undefined;
  const snap = await poller.get(PANEL_SOURCES.marathonInfo);
  return snap.data === undefined ? undefined : unwrapReply<MarathonInfo>(snap.data).data;
}

/** The ensemble's srvr answers through the poller; a probe cut short leaves the last answers. */
async function ensembleAnswers(poller: ClusterPoller): Promise<MemberAnswer[] | undefined> {
  if (!polls(poller, PANEL_SOURCES.zookeeper)) return undefined;
  const snap = await poller.get(PANEL_SOURCES.zookeeper);
  return snap.data === undefined ? undefined : unwrapReply<MemberAnswer[]>(snap.data).data;
}

/** Always 200 for a known cluster: a service that is down is a state the overview shows. */
export async function overviewPanel(clusterId: string, ctx: OverviewContext = {}) {
  const poller = await clusterPanelPoller(clusterId);
  const mesos = await sourceView(poller, PANEL_SOURCES.mesos, "mesos");
  const marathon = await sourceView(poller, PANEL_SOURCES.groups, "marathon");
  const deployments = cached<MarathonDeployment[]>(poller, PANEL_SOURCES.deployments);
  return overviewView({
    mesos,
    marathon: { ...marathon, info: ctx.marathonInfo ?? (await marathonInfo(poller)) },
    endpoints: ctx.endpoints,
    expectedAgents: ctx.expectedAgents,
    reports: ctx.reports,
    deploymentsInProgress: deployments ? deployments.length : null,
    archByHostname: ctx.archByHostname,
    marathonEvents: polls(poller, PANEL_SOURCES.groups) ? (poller.eventsLiveFor("marathon") ? "live" : "polling") : null,
    ensemble: await ensembleAnswers(poller),
  });
}
