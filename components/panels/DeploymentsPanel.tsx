"use client";

import Link from "next/link";
import type { DeploymentView } from "@/lib/panels/deploymentsView";
import { followPath } from "../deploy/deployApi";
import { DeploymentActions } from "../deploy/DeploymentActions";
import { PanelFrame } from "./PanelFrame";
import { usePanel } from "./usePanel";

function Deployment({ d, clusterId }: { d: DeploymentView; clusterId: string }) {
  return (
    <li className="rounded border border-slate-100 p-2" data-testid="deployment" data-deployment={d.id}>
      <p>
        <span className="font-semibold" data-testid="deployment-step">{d.started ? `Step ${d.currentStep} of ${d.totalSteps}` : `Not started (${d.totalSteps} steps)`}</span>{" "}
        <span className="text-xs text-slate-500"><Link className="text-sky-800 underline" href={followPath(clusterId, d.id)}>{d.id}</Link> · {d.affectedApps.join(", ")}</span>
      </p>
      <ol className="mt-1 space-y-0.5 text-xs">
        {d.steps.map((s) => (
          <li key={s.number} className={s.state === "running" ? "font-semibold text-sky-800" : s.state === "done" ? "text-slate-400 line-through" : "text-slate-600"}>
            {s.number}. {s.actions.map((a) => `${a.action} ${a.app ?? ""}`).join(" · ")} {s.state === "running" && "(running)"}
          </li>
        ))}
      </ol>
      <DeploymentActions clusterId={clusterId} deploymentId={d.id} apps={d.affectedApps} />
    </li>
  );
}

export function DeploymentsPanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<{ deployments: DeploymentView[] }>(clusterId, "deployments");
  return (
    <PanelFrame title="Deployments in progress" query={q} testId="deployments-panel">
      {({ deployments }) =>
        deployments.length === 0 ? <p className="text-sm text-slate-500">No deployment in progress.</p> : <ul className="space-y-2 text-sm">{deployments.map((d) => <Deployment key={d.id} d={d} clusterId={clusterId} />)}</ul>
      }
    </PanelFrame>
  );
}
