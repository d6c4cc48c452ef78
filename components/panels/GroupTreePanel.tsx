"use client";

import { useState } from "react";
import type { AppView, GroupView } from "@/lib/panels/groupsView";
import { AppActions } from "../deploy/AppActions";
import { GroupActions } from "../deploy/GroupActions";
import { useCan } from "../Providers";
import { PanelFrame } from "./PanelFrame";
import { usePanel } from "./usePanel";

const STATUS_CLS: Record<string, string> = {
  running: "bg-green-100 text-green-800",
  deploying: "bg-sky-100 text-sky-800",
  waiting: "bg-amber-100 text-amber-800",
  delayed: "bg-red-100 text-red-800",
  suspended: "bg-slate-100 text-slate-600",
};

function AppRow({ app, clusterId }: { app: AppView; clusterId: string }) {
  const [open, setOpen] = useState(false);
  const canOperate = useCan("operator");
  return (
    <li data-testid="app-row" data-app={app.id}>
      <button type="button" className="flex w-full flex-wrap items-center gap-3 py-1 text-left" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="font-mono">{app.id}</span>
        <span className={`rounded px-1.5 text-xs ${STATUS_CLS[app.status] ?? ""}`}>{app.status}</span>
        <span className="text-xs text-slate-600" data-testid="app-counts">
          {app.running}/{app.instances} running · {app.staged} staged · {app.healthy} healthy · {app.unhealthy} unhealthy
        </span>
        <span className="text-xs text-slate-400">{app.cpus} CPU · {app.memMb} MB</span>
      </button>
      {app.lastTaskFailure && (
        <p className="ml-4 text-xs text-red-700" data-testid="last-failure">
          Last task failure: {app.lastTaskFailure.state} on {app.lastTaskFailure.host ?? "?"} {app.lastTaskFailure.timestamp ? `at ${new Date(app.lastTaskFailure.timestamp).toLocaleString()}` : ""}: {app.lastTaskFailure.message}
        </p>
      )}
      {open && canOperate && <AppActions clusterId={clusterId} appId={app.id} instances={app.instances} />}
      {open && (
        <ul className="ml-6 text-xs">
          {app.tasks.length === 0 && <li className="text-slate-500">no tasks</li>}
          {app.tasks.map((t) => (
            <li key={t.id} className="font-mono">
              {t.id} · {t.state?.replace(/^TASK_/, "").toLowerCase()} · {t.host} {t.ports.length ? `:${t.ports.join(",")}` : ""} {t.ipAddresses.join(" ")}
              {t.healthy === false && <span className="text-red-600"> unhealthy</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function GroupNode({ group, depth, clusterId }: { group: GroupView; depth: number; clusterId: string }) {
  const canOperate = useCan("operator");
  return (
    <li data-testid="group-node" data-group={group.id}>
      {depth > 0 && <p className="font-semibold">{group.id}{canOperate && <GroupActions clusterId={clusterId} groupId={group.id} apps={group.apps.length} />}</p>}
      <ul className={depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""}>
        {group.apps.map((a) => <AppRow key={a.id} app={a} clusterId={clusterId} />)}
        {group.groups.map((g) => <GroupNode key={g.id} group={g} depth={depth + 1} clusterId={clusterId} />)}
      </ul>
    </li>
  );
}

export function GroupTreePanel({ clusterId }: { clusterId: string }) {
  const q = usePanel<GroupView>(clusterId, "groups");
  const canOperate = useCan("operator");
  return (
    <PanelFrame title="Groups and apps" query={q} testId="groups-panel">
      {(root) =>
        root.apps.length === 0 && root.groups.length === 0 ? (
          <p className="text-sm text-slate-500">Marathon runs no apps.</p>
        ) : (
          <>
            {!canOperate && <p className="text-xs text-slate-500" data-testid="app-actions-viewer">Scaling, restarting and destroying apps and groups needs the operator role.</p>}
            <ul className="text-sm"><GroupNode group={root} depth={0} clusterId={clusterId} /></ul>
          </>
        )
      }
    </PanelFrame>
  );
}
