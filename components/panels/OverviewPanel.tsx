"use client";

import type { OverviewView, ServiceState } from "@/lib/panels/overviewView";
import { cpus, mb } from "./format";
import { PanelFrame } from "./PanelFrame";
import { ResourceBar } from "./ResourceBar";
import { useClusterUpdates } from "./useClusterUpdates";
import { usePanel } from "./usePanel";

const DOT: Record<ServiceState, string> = { up: "bg-green-500", degraded: "bg-amber-500", down: "bg-red-500", unknown: "bg-slate-300" };

function Service({ name, state, children }: { name: string; state: ServiceState; children?: React.ReactNode }) {
  return (
    <div className="rounded border border-slate-100 p-3" data-testid={`service-${name.toLowerCase()}`} data-state={state}>
      <p className="flex items-center gap-2 font-semibold">
        <span className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[state]}`} aria-hidden /> {name} <span className="text-xs font-normal text-slate-500">{state}</span>
      </p>
      <div className="mt-1 space-y-0.5 text-xs text-slate-700">{children}</div>
    </div>
  );
}

/** The cluster home's summary; `live` off when the page already holds the cluster's socket. */
export function OverviewPanel({ clusterId, live = true }: { clusterId: string; live?: boolean }) {
  return live ? <LiveOverview clusterId={clusterId} /> : <Overview clusterId={clusterId} />;
}

function LiveOverview({ clusterId }: { clusterId: string }) {
  useClusterUpdates(clusterId);
  return <Overview clusterId={clusterId} />;
}

function Overview({ clusterId }: { clusterId: string }) {
  const q = usePanel<OverviewView>(clusterId, "overview");
  return (
    <PanelFrame title="Overview" query={q} testId="overview-panel">
      {(o) => (
        <div className="space-y-3">
          <div className="grid gap-3 md:grid-cols-3">
            <Service name="Mesos" state={o.mesos.state}>
              <p>Leader: <span data-testid="mesos-leader">{o.mesos.leader ?? "none"}</span>{o.mesos.version && ` · ${o.mesos.version}`}</p>
              {o.mesos.masters.map((m) => <p key={m.url}>{m.url}{m.leader && " (leader)"}</p>)}
              {o.mesos.error && <p className="text-red-700">{o.mesos.error}</p>}
            </Service>
            <Service name="Agents" state={o.agents.state}>
              <p>{o.agents.active} active of {o.agents.registered} registered{o.agents.expected !== null && `, ${o.agents.expected} expected`}</p>
              {o.resources && <p>{Object.entries(o.resources.arch).map(([a, n]) => `${n} ${a}`).join(", ")}</p>}
            </Service>
            <Service name="Marathon" state={o.marathon.state}>
              <p>Leader: <span data-testid="marathon-leader">{o.marathon.leader ?? "none"}</span>{o.marathon.version && ` · ${o.marathon.version}`}</p>
              {o.marathon.instances.map((m) => <p key={m.url}>{m.url}{m.leader && " (leader)"}</p>)}
              {o.marathon.deploymentsInProgress !== null && <p>{o.marathon.deploymentsInProgress} deployment(s) in progress</p>}
              {o.marathon.events && (
                <p data-testid="marathon-events" title={o.marathon.events === "live" ? "Marathon's event stream is open: changes show within a second" : "No event stream open: changes show at the next poll"}>
                  Events: {o.marathon.events === "live" ? "live" : "polling"}
                </p>
              )}
              {o.marathon.error && <p className="text-red-700">{o.marathon.error}</p>}
            </Service>
            {o.ensemble ? (
              <Service name="ZooKeeper" state={o.ensemble.state}>
                <p data-testid="zookeeper-summary">{o.ensemble.summary}</p>
              </Service>
            ) : o.zookeeper && (
              <Service name="ZooKeeper" state={o.zookeeper.state}>
                {o.zookeeper.nodes.map((n) => <p key={n.node}>{n.node}: {n.state}{n.detail && ` (${n.detail})`}</p>)}
              </Service>
            )}
            {o.weave && (
              <Service name="Weave" state={o.weave.state}>
                {o.weave.nodes.map((n) => <p key={n.node}>{n.node}: {n.state}{n.detail && ` (${n.detail})`}</p>)}
              </Service>
            )}
          </div>
          {o.masterRoles.length > 1 && (
            <ul className="space-y-0.5 text-xs text-slate-700" data-testid="master-roles" aria-label="Masters and their roles">
              {o.masterRoles.map((m) => <li key={m.node}>{m.line}</li>)}
            </ul>
          )}
          <p className="flex gap-4 text-sm">
            {o.links.mesosUi && <a className="text-sky-700 underline" href={o.links.mesosUi} target="_blank" rel="noreferrer">Mesos UI</a>}
            {o.links.marathonUi && <a className="text-sky-700 underline" href={o.links.marathonUi} target="_blank" rel="noreferrer">Marathon UI</a>}
            <a className="text-sky-700 underline" href={`/clusters/${encodeURIComponent(clusterId)}/resources`}>Resources</a>
            <a className="text-sky-700 underline" href={`/clusters/${encodeURIComponent(clusterId)}/marathon`}>Marathon apps</a>
          </p>
          {o.resources && (
            <div className="grid gap-3 md:grid-cols-3">
              <ResourceBar label="CPUs" used={o.resources.used.cpus} total={o.resources.total.cpus} text={`${cpus(o.resources.used.cpus)} / ${cpus(o.resources.total.cpus)}`} />
              <ResourceBar label="Memory" used={o.resources.used.memMb} total={o.resources.total.memMb} text={`${mb(o.resources.used.memMb)} / ${mb(o.resources.total.memMb)}`} />
              <ResourceBar label="Disk" used={o.resources.used.diskMb} total={o.resources.total.diskMb} text={`${mb(o.resources.used.diskMb)} / ${mb(o.resources.total.diskMb)}`} />
            </div>
          )}
        </div>
      )}
    </PanelFrame>
  );
}
