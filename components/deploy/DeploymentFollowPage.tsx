"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { FollowReply } from "@/lib/deploy/deployContract";
import { ClusterHeading } from "../clusters/ClusterHeading";
import { useClusterUpdates } from "../panels/useClusterUpdates";
import { ErrorBanner } from "../ui/ErrorBanner";
import { followDeployment } from "./deployApi";
import { DeploymentActions } from "./DeploymentActions";

const STATE_TEXT: Record<FollowReply["state"], { label: string; cls: string }> = {
  running: { label: "In progress", cls: "border-sky-300 bg-sky-50 text-sky-900" },
  succeeded: { label: "Succeeded", cls: "border-green-300 bg-green-50 text-green-900" },
  failed: { label: "Failed", cls: "border-red-300 bg-red-50 text-red-900" },
  stuck: { label: "Stuck", cls: "border-amber-300 bg-amber-50 text-amber-900" },
  rolled_back: { label: "Rolled back", cls: "border-slate-300 bg-slate-50 text-slate-900" },
  unknown: { label: "Ended (how is unknown)", cls: "border-slate-300 bg-slate-50 text-slate-900" },
};

function endWords(d: FollowReply): string {
  if (d.state === "succeeded") return d.totalSteps === 0 ? "Marathon planned no step: the group already was as deployed, so there was nothing to change." : `All ${d.totalSteps} steps finished.`;
  if (d.state === "running") return d.currentStep === 0 ? "Marathon has accepted it and not started its first step yet." : `Step ${d.currentStep} of ${d.totalSteps} is running.`;
  if (d.state === "unknown") return "Marathon no longer lists this deployment, and Armdeck cannot tell how it ended.";
  return "";
}

function Steps({ d }: { d: FollowReply }) {
  if (d.steps.length === 0) return <p className="text-sm text-slate-500">No steps.</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="follow-steps">
      {d.steps.map((s, i) => {
        const current = s.state === "running";
        return (
          <li key={i} data-testid="follow-step" data-state={s.state} aria-current={current ? "step" : undefined} className={`rounded border p-2 ${current ? "border-sky-400 bg-sky-50" : "border-slate-100"}`}>
            <p className={current ? "font-semibold text-sky-900" : s.state === "done" ? "text-slate-500" : "text-slate-700"}>
              Step {i + 1}: {s.state === "done" ? "done" : current ? "running now" : "waiting"}
            </p>
            <ul className="ml-4 text-xs">
              {s.actions.map((a, j) => (
                <li key={j} data-testid="follow-action">
                  <span className="font-mono">{a.action}</span> <span className="font-mono">{a.app}</span>
                  {a.readiness.map((r) => (
                    <span key={r.name} className={`ml-2 rounded px-1 ${r.ready ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-800"}`}>
                      {r.name}: {r.ready ? "ready" : "not ready"}{r.lastResponse ? ` (${r.lastResponse})` : ""}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function Tasks({ d }: { d: FollowReply }) {
  if (d.tasks.length === 0) return <p className="text-sm text-slate-500">No task started yet.</p>;
  return (
    <table className="w-full text-left text-xs" data-testid="follow-tasks">
      <thead className="text-slate-500"><tr><th>Task</th><th>App</th><th>State</th><th>Agent</th><th>Started</th></tr></thead>
      <tbody>
        {d.tasks.map((t) => (
          <tr key={t.id} data-testid="follow-task" data-state={t.state} data-app={t.appId}>
            <td className="font-mono">{t.id}</td>
            <td className="font-mono">{t.appId}</td>
            <td>{t.state.replace(/^TASK_/, "").toLowerCase()}</td>
            <td data-testid="task-agent">{t.host ?? t.agent ?? "not placed"}</td>
            <td>{t.startedAt ? new Date(t.startedAt).toLocaleTimeString() : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stuck({ d }: { d: FollowReply }) {
  if (d.stuck.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="follow-stuck">
      {d.stuck.map((s) => (
        <div key={s.appId} className="rounded border border-amber-200 p-2 text-sm">
          <p><span className="font-mono font-semibold">{s.appId}</span> waits for resources: {s.summary}</p>
          {s.perAgent.length > 0 && (
            <ul className="ml-4 list-disc text-xs">
              {s.perAgent.map((a) => <li key={a.agent}>{a.agent}: {a.reasons.join("; ")}</li>)}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * One deployment followed to its end. Its query sits under the `deployments` panel's key, so each
 * `cluster:update` of Marathon's deployments (which the poller sends after every poll) refetches it:
 * no timer of its own.
 */
export function DeploymentFollowPage({ clusterId, deploymentId }: { clusterId: string; deploymentId: string }) {
  useClusterUpdates(clusterId);
  const q = useQuery({
    queryKey: ["cluster", clusterId, "deployments", "follow", deploymentId],
    queryFn: ({ signal }) => followDeployment(clusterId, deploymentId, signal),
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
  const d = q.data;
  const look = d ? STATE_TEXT[d.state] : null;
  return (
    <div className="space-y-4">
      <ClusterHeading clusterId={clusterId} page="Deployment" />
      <p className="text-sm">
        <span className="font-mono">{deploymentId}</span> · <Link className="text-sky-800 underline" href={`/clusters/${encodeURIComponent(clusterId)}/marathon`}>all of Marathon</Link> · <Link className="text-sky-800 underline" href={`/clusters/${encodeURIComponent(clusterId)}/deploy`}>deploy another group</Link>
      </p>
      {q.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      <ErrorBanner error={q.error} title="This deployment cannot be shown" />
      {d && look && (
        <>
          <section role="status" data-testid="follow-state" data-state={d.state} className={`space-y-1 rounded-md border px-4 py-3 text-sm ${look.cls}`}>
            <p className="text-lg font-semibold">{look.label}</p>
            {endWords(d) && <p>{endWords(d)}</p>}
            {d.reason && <p data-testid="follow-reason">{d.reason}</p>}
            {d.affectedApps.length > 0 && <p className="text-xs">Apps: <span className="font-mono">{d.affectedApps.join(", ")}</span></p>}
          </section>
          {(d.state === "running" || d.state === "stuck") && <DeploymentActions clusterId={clusterId} deploymentId={d.id} apps={d.affectedApps} />}
          <Stuck d={d} />
          <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-label="Steps">
            <h2 className="text-lg font-semibold">Steps, in Marathon&apos;s order</h2>
            <Steps d={d} />
          </section>
          <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-label="Tasks">
            <h2 className="text-lg font-semibold">Tasks</h2>
            <Tasks d={d} />
          </section>
        </>
      )}
    </div>
  );
}
