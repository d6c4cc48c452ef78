import type { MarathonApp, MarathonGroup } from "../marathon/marathonSchemas.ts";
import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { ClusterWeaveReading } from "./readClusterWeave.ts";
import type { WeaveDnsEntry } from "./weaveReportSchema.ts";
import { peerNodes } from "./weaveNodeMap.ts";

// GET /clusters/{id}/weave/dns: WeaveDNS grouped by name, each IP joined to where it lives.
// WeaveDNS is cluster-wide (every router gossips every entry, with Origin = the registering
// peer), so the table merges what the readable routers hold. The join: Origin → node (weaveNodeMap),
// ContainerID → the Docker container on that node, named `mesos-<Mesos container id>` by Mesos'
// Docker containerizer → the Mesos task whose status carries that container id → the Marathon
// app whose tasks include it. Mesos and Marathon report Docker's bridge IP for these tasks; the
// Weave IP exists only here (audit-2026-12 §2.2).

const MESOS_PREFIX = "mesos-";

export interface DnsIpView {
  ip: string;
  node: string | null;
  /** The Docker container's name (mesos-<id>), or the first 12 characters of its id when unknown. */
  container: string;
  containerId: string;
  app: string | null;
  task: string | null;
}

export interface DnsEntryView {
  name: string;
  ips: DnsIpView[];
}

export interface DnsCallout {
  kind: "one-node" | "tombstoned" | "no-name";
  name?: string;
  app?: string;
  message: string;
}

export interface WeaveDnsView {
  readable: true;
  domain: string;
  /** Which nodes' routers the table was read from (the others were down or unreachable). */
  readFrom: string[];
  entries: DnsEntryView[];
  tombstoned: (DnsIpView & { name: string; deletedAt: string })[];
  callouts: DnsCallout[];
}

export interface DnsJoinInputs {
  mesos?: MesosState;
  groups?: MarathonGroup;
}

function appsOf(group: MarathonGroup | undefined): MarathonApp[] {
  if (!group) return [];
  return [...(group.apps ?? []), ...(group.groups ?? []).flatMap(appsOf)];
}

/** One entry per (name, origin, container, address); a newer version (a tombstone) wins. */
function mergedEntries(reading: ClusterWeaveReading): WeaveDnsEntry[] {
  const byKey = new Map<string, WeaveDnsEntry>();
  for (const r of reading.nodes) {
    if (r.router !== "up" || !r.report.DNS) continue;
    for (const e of r.report.DNS.Entries) {
      const key = [e.Hostname.toLowerCase(), e.Origin, e.ContainerID, e.Address].join("|");
      const had = byKey.get(key);
      if (!had || e.Version > had.Version || (e.Version === had.Version && e.Tombstone > had.Tombstone)) byKey.set(key, e);
    }
  }
  return [...byKey.values()];
}

export function weaveDnsView(reading: ClusterWeaveReading, inputs: DnsJoinInputs = {}): WeaveDnsView {
  const map = peerNodes(reading);
  const readFrom = reading.nodes.filter((r) => r.router === "up").map((r) => r.node.name);
  const domain = reading.nodes.map((r) => (r.router === "up" ? r.report.DNS?.Domain : undefined)).find(Boolean) ?? "weave.local.";

  // Docker container id → its name, per node (ids are unique, so one map serves).
  const containerName = new Map<string, string>();
  for (const r of reading.nodes) for (const c of r.containers ?? []) containerName.set(c.id, c.name);
  const nameOf = (id: string) => containerName.get(id) ?? [...containerName.entries()].find(([k]) => k.startsWith(id) || id.startsWith(k))?.[1];

  // Mesos container id → task id; Marathon task id → app id.
  const taskByContainer = new Map<string, string>();
  const runningTasks: { id: string; containerId: string | undefined }[] = [];
  for (const f of inputs.mesos?.frameworks ?? []) {
    for (const t of f.tasks) {
      const cid = [...t.statuses].reverse().find((s) => s.container_status?.container_id)?.container_status?.container_id?.value;
      if (cid) taskByContainer.set(cid, t.id);
      if (t.state === "TASK_RUNNING") runningTasks.push({ id: t.id, containerId: cid });
    }
  }
  const apps = appsOf(inputs.groups);
  const appByTask = new Map<string, string>();
  for (const a of apps) for (const t of a.tasks ?? []) appByTask.set(t.id, a.id);

  const suffix = `.${domain}`;
  const shortName = (fqdn: string) => (fqdn.toLowerCase().endsWith(suffix.toLowerCase()) ? fqdn.slice(0, -suffix.length) : fqdn.replace(/\.$/, ""));
  const ipView = (e: WeaveDnsEntry): DnsIpView => {
    const name = nameOf(e.ContainerID);
    const mesosId = name?.startsWith(MESOS_PREFIX) ? name.slice(MESOS_PREFIX.length) : undefined;
    const task = mesosId ? (taskByContainer.get(mesosId) ?? null) : null;
    return { ip: e.Address, node: map.byPeer.get(e.Origin)?.name ?? map.nickname.get(e.Origin) ?? null, container: name ?? e.ContainerID.slice(0, 12), containerId: e.ContainerID, app: task ? (appByTask.get(task) ?? null) : null, task };
  };

  const all = mergedEntries(reading);
  const live = all.filter((e) => e.Tombstone === 0);
  const groups = new Map<string, { name: string; ips: DnsIpView[] }>();
  for (const e of live) {
    const name = shortName(e.Hostname);
    const g = groups.get(name.toLowerCase()) ?? groups.set(name.toLowerCase(), { name, ips: [] }).get(name.toLowerCase())!;
    g.ips.push(ipView(e));
  }
  const entries = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) e.ips.sort((a, b) => (a.node ?? "").localeCompare(b.node ?? "") || a.ip.localeCompare(b.ip, undefined, { numeric: true }));

  const callouts: DnsCallout[] = [];
  const clusterNodes = reading.nodes.length;
  for (const e of entries) {
    const nodes = new Set(e.ips.map((i) => i.node ?? "an unknown node"));
    if (clusterNodes > 1 && nodes.size === 1) {
      const [node] = [...nodes];
      callouts.push({ kind: "one-node", name: e.name, message: `${e.name} is registered on ${node} only (${e.ips.length} IP${e.ips.length === 1 ? "" : "s"}): if ${node} goes down, ${e.name}.weave.local stops resolving. Spread its app's instances (a hostname UNIQUE constraint) to survive a node.` });
    }
  }
  const tombstoned = all
    .filter((e) => e.Tombstone !== 0)
    .map((e) => ({ ...ipView(e), name: shortName(e.Hostname), deletedAt: new Date(e.Tombstone * 1000).toISOString() }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.ip.localeCompare(b.ip));
  for (const t of tombstoned) {
    callouts.push({ kind: "tombstoned", name: t.name, message: `${t.name} → ${t.ip} (container ${t.container}${t.node ? ` on ${t.node}` : ""}) was deleted at ${t.deletedAt}: its container stopped. WeaveDNS no longer answers it and drops the tombstone after 30 minutes.` });
  }

  // Apps whose running containers registered no name of their own in the domain.
  const namedContainers = new Set(live.filter((e) => !shortName(e.Hostname).startsWith(MESOS_PREFIX)).map((e) => e.ContainerID));
  const autoNamed = new Set(live.filter((e) => shortName(e.Hostname).startsWith(MESOS_PREFIX)).map((e) => e.ContainerID));
  const dockerIdByMesosId = new Map<string, string>();
  for (const [id, name] of containerName) if (name.startsWith(MESOS_PREFIX)) dockerIdByMesosId.set(name.slice(MESOS_PREFIX.length), id);
  for (const app of apps) {
    if (app.container?.type !== "DOCKER") continue;
    const mine = runningTasks.filter((t) => appByTask.get(t.id) === app.id && t.containerId);
    const dockerIds = mine.map((t) => dockerIdByMesosId.get(t.containerId!)).filter((x): x is string => !!x);
    if (dockerIds.length === 0 || dockerIds.some((id) => namedContainers.has(id))) continue;
    const how = dockerIds.some((id) => autoNamed.has(id))
      ? "they are registered only under their container names (mesos-…), which nobody can know in advance"
      : "they are not in WeaveDNS at all (started outside the Weave proxy, or with a hostname outside weave.local)";
    callouts.push({ kind: "no-name", app: app.id, message: `${app.id}: its ${dockerIds.length} running container${dockerIds.length === 1 ? "" : "s"} registered no name in ${domain.replace(/\.$/, "")}: ${how}. Give the app the docker parameter hostname=<name>.${domain.replace(/\.$/, "")} and run it on agents whose --docker_socket is the Weave proxy (/var/run/weave/weave.sock).` });
  }
  return { readable: true, domain, readFrom, entries, tombstoned, callouts };
}
