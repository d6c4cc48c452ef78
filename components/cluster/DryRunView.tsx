"use client";

import type { PlanTopology } from "@/lib/plans/planTopology";
import type { UpgradeOutline } from "@/lib/upgrade/upgradePlan";
import { UpgradeOutlineView } from "./UpgradeOutlineView";

export interface DryRun {
  title: string;
  warnings: string[];
  topology: PlanTopology;
  upgrade?: UpgradeOutline;
  jobs: { key: string; seq: number; nodeId: string; nodeName: string; stepId: string; title: string; dependsOn: string[]; script: string }[];
}

/** Per node, the exact scripts the plan would run, in order, with what each waits for elsewhere. */
export function DryRunView({ dryRun }: { dryRun: DryRun }) {
  const byKey = new Map(dryRun.jobs.map((j) => [j.key, j]));
  const nodes = [...new Set(dryRun.jobs.map((j) => j.nodeName))];
  return (
    <div className="space-y-4" data-testid="dry-run">
      {dryRun.warnings.map((w) => (
        <p key={w} role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {w}
        </p>
      ))}
      <TopologySummary topology={dryRun.topology} />
      {dryRun.upgrade && <UpgradeOutlineView outline={dryRun.upgrade} />}
      <p className="text-sm text-slate-600">
        {dryRun.jobs.length} steps on {nodes.length} node(s).
      </p>
      {nodes.map((name) => (
        <div key={name} className="rounded-md border border-slate-200" data-testid="dry-run-node" data-node={name}>
          <h3 className="border-b border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm font-semibold">{name}</h3>
          <ol className="divide-y divide-slate-100">
            {dryRun.jobs
              .filter((j) => j.nodeName === name)
              .map((j) => {
                const waits = j.dependsOn.map((k) => byKey.get(k)!).filter((d) => d && d.nodeName !== name);
                return (
                  <li key={j.key} data-step={j.stepId}>
                    <details>
                      <summary className="cursor-pointer px-3 py-1.5 text-sm">
                        <span className="font-mono text-slate-500">{j.stepId}</span> {j.title}
                        {waits.length > 0 && <span className="ml-2 text-xs text-slate-500">after {waits.map((d) => `${d.stepId} on ${d.nodeName}`).join(", ")}</span>}
                      </summary>
                      <pre className="overflow-x-auto bg-slate-900 px-3 py-2 text-xs text-slate-100">{j.script}</pre>
                    </details>
                  </li>
                );
              })}
          </ol>
        </div>
      ))}
    </div>
  );
}

/** Masters with their ZooKeeper ids, the quorum, the agents and the zk:// URLs the recipes write. */
function TopologySummary({ topology: t }: { topology: PlanTopology }) {
  const tolerates = t.masters.length - t.quorum;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded-md border border-slate-200 p-3 text-sm" data-testid="dry-run-topology">
      <dt className="font-semibold">Masters</dt>
      <dd>
        {t.masters.map((m) => `${m.name} (${m.address}, ZooKeeper id ${m.zookeeperId}${m.alsoAgent ? ", also an agent" : ""})`).join(", ")}
      </dd>
      <dt className="font-semibold">Quorum</dt>
      <dd>
        {t.quorum} of {t.masters.length}: survives {tolerates} master{tolerates === 1 ? "" : "s"} down
      </dd>
      <dt className="font-semibold">Agents</dt>
      <dd>{t.agents.length ? t.agents.map((a) => `${a.name} (${a.address})`).join(", ") : "none"}</dd>
      <dt className="font-semibold">ZooKeeper</dt>
      <dd className="font-mono text-xs">
        {t.zk.mesos}
        <br />
        {t.zk.marathon}
      </dd>
    </dl>
  );
}
