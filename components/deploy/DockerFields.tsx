"use client";

import { FieldIssues } from "./FieldIssues";
import { NumberField, rowsAt, SelectField, smallButton, TextField } from "./fields";
import { useDeployForm } from "./formContext";
import { childPointer, getAt } from "./jsonPointer";

// The Docker part of an app in the runbook's (Marathon 1.4) form: container.docker.{image, network,
// portMappings, parameters}; Marathon 1.5 still accepts it and converts it to `networks`.

const NETWORKS = [
  { value: "", label: "(Marathon's default: HOST)" },
  { value: "BRIDGE", label: "BRIDGE (Docker's bridge; Weave attaches to it)" },
  { value: "HOST", label: "HOST" },
  { value: "USER", label: "USER (a named network)" },
];

function lastSegment(id: unknown): string {
  return typeof id === "string" ? (id.split("/").filter(Boolean).pop() ?? "") : "";
}

export function DockerFields({ app }: { app: string }) {
  const { root, edit, readOnly } = useDeployForm();
  const docker = childPointer(app, "container", "docker");
  const network = getAt(root, childPointer(docker, "network"));
  const mappings = childPointer(docker, "portMappings");
  const params = childPointer(docker, "parameters");
  const paramRows = rowsAt(root, params);
  const name = lastSegment(getAt(root, childPointer(app, "id")));
  const hasHostname = paramRows.some((p) => typeof p === "object" && p !== null && !Array.isArray(p) && p.key === "hostname");
  const setImage = (image: string) => {
    edit(childPointer(docker, "image"), image === "" ? undefined : image);
    // An image means a Docker container; the type is what Marathon reads.
    if (image !== "" && getAt(root, childPointer(app, "container", "type")) === undefined) edit(childPointer(app, "container", "type"), "DOCKER");
  };
  return (
    <fieldset className="space-y-2 rounded border border-slate-100 p-2">
      <legend className="px-1 text-xs font-semibold text-slate-600">Docker container</legend>
      <div className="grid gap-2 md:grid-cols-2">
        <TextField label="Image" at={childPointer(docker, "image")} placeholder="ubuntu:16.04" onSet={setImage} />
        <SelectField label="Network" at={childPointer(docker, "network")} options={NETWORKS} />
        {network === "USER" && <TextField label="Network name" at={childPointer(app, "ipAddress", "networkName")} placeholder="weave" />}
      </div>
      <div className="space-y-1">
        <p className="text-xs font-medium text-slate-600">Port mappings</p>
        <FieldIssues at={mappings} />
        {rowsAt(root, mappings).map((_, i) => (
          <div key={i} className="grid grid-cols-4 items-end gap-2" data-testid="port-mapping">
            <NumberField label="Container port" at={childPointer(mappings, i, "containerPort")} step="1" />
            <NumberField label="Host port (0 = any)" at={childPointer(mappings, i, "hostPort")} step="1" />
            <SelectField label="Protocol" at={childPointer(mappings, i, "protocol")} options={[{ value: "", label: "tcp" }, { value: "udp", label: "udp" }, { value: "tcp,udp", label: "tcp,udp" }]} />
            <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(mappings, i), undefined)}>Remove</button>
          </div>
        ))}
        <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(mappings, rowsAt(root, mappings).length), { containerPort: 80, hostPort: 0 })}>Add port mapping</button>
      </div>
      <div className="space-y-1">
        <p className="text-xs font-medium text-slate-600">Docker parameters</p>
        <FieldIssues at={params} />
        {paramRows.map((_, i) => (
          <div key={i} className="grid grid-cols-3 items-end gap-2" data-testid="docker-parameter">
            <TextField label="Key" at={childPointer(params, i, "key")} />
            <TextField label="Value" at={childPointer(params, i, "value")} />
            <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(params, i), undefined)}>Remove</button>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(params, paramRows.length), { key: "", value: "" })}>Add parameter</button>
          {!hasHostname && name && (
            <button type="button" className={smallButton} disabled={readOnly} onClick={() => edit(childPointer(params, paramRows.length), { key: "hostname", value: `${name}.weave.local` })}>
              Add hostname = {name}.weave.local (so WeaveDNS registers it)
            </button>
          )}
        </div>
      </div>
    </fieldset>
  );
}
