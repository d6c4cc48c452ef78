"use client";

import { AppEditor } from "./AppEditor";
import { FieldIssues } from "./FieldIssues";
import { ListField, rowsAt, smallButton, TextField } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer, getAt } from "./jsonPointer";

function nextName(prefix: string, taken: unknown[]): string {
  const ids = new Set(taken.map((t) => (t && typeof t === "object" && "id" in t ? String((t as { id: unknown }).id).split("/").pop() : "")));
  let n = taken.length + 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A group (the body itself at "") with its apps, its subgroups and what it depends on. */
export function GroupEditor({ at, depth = 0 }: { at: string; depth?: number }) {
  const { root, edit, readOnly } = useDeployForm();
  const apps = rowsAt(root, childPointer(at, "apps"));
  const groups = rowsAt(root, childPointer(at, "groups"));
  const remove = depth > 0 ? () => edit(at, undefined) : null;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3" data-testid="group-editor" data-pointer={at}>
      <div className="flex items-start gap-2">
        <div className="grid flex-1 gap-2 md:grid-cols-2">
          <TextField label={depth === 0 ? "Group id" : "Subgroup id"} at={childPointer(at, "id")} placeholder={depth === 0 ? "/arm-demo" : "group1"} hint={depth === 0 ? "Absolute; ids of apps and subgroups may be relative to it." : undefined} />
          <ListField label="Depends on (group or app ids, comma-separated)" at={childPointer(at, "dependencies")} placeholder="/arm-demo/group1" hint="Marathon starts this group only after those are running." />
        </div>
        {remove && <button type="button" className={smallButton} disabled={readOnly} onClick={remove}>Remove group</button>}
      </div>
      <FieldIssues at={at} />
      <FieldIssues at={childPointer(at, "apps")} />
      {apps.length > 0 && (
        <ul className="space-y-2">
          {apps.map((_, i) => <AppEditor key={i} at={childPointer(at, "apps", i)} />)}
        </ul>
      )}
      <FieldIssues at={childPointer(at, "groups")} />
      {groups.map((_, i) => (
        <div key={i} className="ml-4">
          <GroupEditor at={childPointer(at, "groups", i)} depth={depth + 1} />
        </div>
      ))}
      <div className="flex gap-2">
        <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(at, "apps", apps.length), { id: nextName("app", apps), instances: 1, cpus: 0.1, mem: 128, cmd: "sleep 10000" })}>Add app</button>
        <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(at, "groups", groups.length), { id: `${String(getAt(root, childPointer(at, "id")) ?? "").replace(/\/$/, "")}/${nextName("group", groups)}`, apps: [] })}>Add subgroup</button>
      </div>
    </div>
  );
}
