"use client";

import type { Endpoint, OverviewView } from "@/lib/panels/overviewView";
import { PanelFrame } from "../panels/PanelFrame";
import { usePanel } from "../panels/usePanel";

// An adopted cluster is only its endpoints: each one with what the poller's last attempt learned.
// The poller asks the leader (following redirects among the registered endpoints), so the others
// are shown as standbys unless the whole upstream failed, when the failure is shown in words.

function state(e: Endpoint, leader: string | null, error: string | null): { text: string; tone: string } {
  if (e.leader) return { text: "leading", tone: "text-green-700" };
  if (error && !leader) return { text: `not answering: ${error}`, tone: "text-red-700" };
  return { text: "standby (not leading)", tone: "text-slate-600" };
}

function EndpointList({ service, endpoints, leader, error }: { service: string; endpoints: Endpoint[]; leader: string | null; error: string | null }) {
  return (
    <div>
      <h3 className="text-sm font-semibold">{service}</h3>
      {endpoints.length === 0 ? (
        <p className="text-sm text-slate-500">None registered.</p>
      ) : (
        <ul className="text-sm">
          {endpoints.map((e) => {
            const s = state(e, leader, error);
            return (
              <li key={e.url} data-testid="endpoint">
                <span className="font-mono">{e.url}</span> <span className={s.tone}>{s.text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function AdoptedEndpoints({ clusterId }: { clusterId: string }) {
  const q = usePanel<OverviewView>(clusterId, "overview");
  return (
    <PanelFrame title="Endpoints" query={q} testId="adopted-endpoints">
      {(o) => (
        <div className="grid gap-3 md:grid-cols-2">
          <EndpointList service="Mesos masters" endpoints={o.mesos.masters} leader={o.mesos.leader} error={o.mesos.error} />
          <EndpointList service="Marathon instances" endpoints={o.marathon.instances} leader={o.marathon.leader} error={o.marathon.error} />
        </div>
      )}
    </PanelFrame>
  );
}
