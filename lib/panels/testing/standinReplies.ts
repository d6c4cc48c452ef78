// Live stand-in replies for the view-model tests: the raw JSON (what the test computes its
// expectations from) beside the value parsed by the clients' schemas (what the views take).

import { marathonGroupSchema, deploymentsReplySchema, queueReplySchema } from "../../marathon/marathonSchemas.ts";
import { mesosStateSchema } from "../../mesos/mesosSchemas.ts";

export async function rawJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

export async function mesosState(mesosUrl: string) {
  const raw = (await rawJson(`${mesosUrl}/master/state`)) as RawState;
  return { raw, parsed: mesosStateSchema.parse(raw) };
}

export const GROUP_EMBEDS = "embed=group.groups&embed=group.apps&embed=group.apps.counts&embed=group.apps.deployments&embed=group.apps.tasks&embed=group.apps.lastTaskFailure";

export async function marathonGroups(marathonUrl: string) {
  const raw = (await rawJson(`${marathonUrl}/v2/groups?${GROUP_EMBEDS}`)) as RawGroup;
  return { raw, parsed: marathonGroupSchema.parse(raw) };
}

export async function marathonDeployments(marathonUrl: string) {
  const raw = (await rawJson(`${marathonUrl}/v2/deployments`)) as RawDeployment[];
  return { raw, parsed: deploymentsReplySchema.parse(raw) };
}

export async function marathonQueue(marathonUrl: string) {
  const raw = (await rawJson(`${marathonUrl}/v2/queue?embed=lastUnusedOffers`)) as { queue: RawQueueItem[] };
  return { raw, parsed: queueReplySchema.parse(raw) };
}

export async function postApp(marathonUrl: string, app: object) {
  const res = await fetch(`${marathonUrl}/v2/apps`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(app) });
  if (res.status !== 201) throw new Error(`POST /v2/apps: ${res.status} ${await res.text()}`);
}

type Res = { cpus: number; mem: number; disk: number; gpus?: number; ports?: string };
export interface RawState {
  slaves: { id: string; hostname: string; active: boolean; version: string; registered_time: number; attributes: Record<string, string>; resources: Res; used_resources: Res }[];
  frameworks: { id: string; name: string; tasks: RawTask[]; completed_tasks: RawTask[] }[];
}
export interface RawTask {
  id: string;
  state: string;
  slave_id: string;
  statuses: { state: string; container_status?: { container_id?: { value: string }; network_infos?: { ip_addresses?: { ip_address: string }[] }[] } }[];
}
export interface RawGroup {
  id: string;
  apps: { id: string; instances: number; cpus: number; mem: number; tasksRunning: number; tasksStaged: number; tasksHealthy: number; tasksUnhealthy: number; tasks: { id: string }[] }[];
  groups: RawGroup[];
}
export interface RawDeployment {
  id: string;
  currentStep: number;
  totalSteps: number;
  steps: { actions: { action: string; app: string }[] }[];
  affectedApps: string[];
}
export interface RawQueueItem {
  app: { id: string; instances: number; mem: number; cpus: number };
  count: number;
  processedOffersSummary: { rejectSummaryLastOffers: { reason: string; declined: number; processed: number }[] };
  lastUnusedOffers: { offer: { hostname: string }; reason: string[] }[];
}
