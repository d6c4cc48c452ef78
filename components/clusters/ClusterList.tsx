"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/components/apiClient";

// The clusters Armdeck knows, and the two ways to add one: adopt a running Mesos + Marathon by its
// endpoints, or start a new provisioned cluster (its nodes are added with the wizard). The probe
// the server ran on save is shown as it said it, endpoint by endpoint.

interface ClusterRow {
  id: number;
  name: string;
  kind: "provisioned" | "adopted";
  mesosMasters: string[];
  marathon: string[];
  nodeCount: number;
}
interface Probe {
  url: string;
  service: string;
  ok: boolean;
  detail: string;
}
type Saved = ClusterRow & { probe: Probe[] };

const lines = (text: string) => text.split(/\n/).map((l) => l.trim()).filter(Boolean);

function ProbeResults({ saved }: { saved: Saved }) {
  return (
    <div className="mt-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="probe-results">
      <p className="font-medium">Saved {saved.name} ({saved.kind}).</p>
      {saved.probe.length === 0 ? <p>No endpoints to probe yet.</p> : null}
      <ul>
        {saved.probe.map((p) => (
          <li key={`${p.service} ${p.url}`} className={p.ok ? "text-green-700" : "text-red-700"}>
            {p.ok ? "✓" : "✗"} {p.url}: {p.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddClusterForm({ kind }: { kind: "adopted" | "provisioned" }) {
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [mesos, setMesos] = useState("");
  const [marathon, setMarathon] = useState("");
  const add = useMutation({
    mutationFn: () =>
      api<Saved>("/clusters", { method: "POST", body: kind === "adopted" ? { name, kind, mesosMasters: lines(mesos), marathon: lines(marathon) } : { name, kind } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["clusters"] }),
  });
  const fields = add.error instanceof ApiError ? add.error.fields : {};
  const fieldError = (prefix: string) => Object.entries(fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const label = kind === "adopted" ? "Adopt a running cluster" : "New provisioned cluster";
  return (
    <form onSubmit={submit} className="rounded border border-slate-200 p-4" aria-label={label}>
      <h2 className="mb-2 font-semibold">{label}</h2>
      <label className="block text-sm">
        Name
        <input className="mt-1 block w-full rounded border px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} name="name" />
      </label>
      {fieldError("name") ? <p className="text-sm text-red-700">{fieldError("name")}</p> : null}
      {kind === "adopted" ? (
        <>
          <label className="mt-2 block text-sm">
            Mesos masters (one URL a line, like http://m1.example.com:5050)
            <textarea className="mt-1 block w-full rounded border px-2 py-1 font-mono" rows={2} value={mesos} onChange={(e) => setMesos(e.target.value)} name="mesosMasters" />
          </label>
          {fieldError("mesosMasters") ? <p className="text-sm text-red-700">{fieldError("mesosMasters")}</p> : null}
          <label className="mt-2 block text-sm">
            Marathon instances (one URL a line, like http://m1.example.com:8080)
            <textarea className="mt-1 block w-full rounded border px-2 py-1 font-mono" rows={2} value={marathon} onChange={(e) => setMarathon(e.target.value)} name="marathon" />
          </label>
          {fieldError("marathon") ? <p className="text-sm text-red-700">{fieldError("marathon")}</p> : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">Its endpoints are derived from the master nodes you add to it and its settings.</p>
      )}
      <button type="submit" className="mt-3 rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-50" disabled={add.isPending}>
        {add.isPending ? "Saving and probing…" : kind === "adopted" ? "Adopt cluster" : "Create cluster"}
      </button>
      {add.error && !Object.keys(fields).length ? <p className="mt-2 text-sm text-red-700">{add.error.message}</p> : null}
      {add.data ? <ProbeResults saved={add.data} /> : null}
    </form>
  );
}

export function ClusterList() {
  const clusters = useQuery({ queryKey: ["clusters"], queryFn: () => api<{ clusters: ClusterRow[] }>("/clusters") });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Clusters</h1>
      {clusters.error ? <p className="text-red-700">{clusters.error.message}</p> : null}
      <table className="w-full text-left text-sm" data-testid="cluster-table">
        <thead>
          <tr className="border-b">
            <th className="py-1">Name</th>
            <th>Kind</th>
            <th>Mesos masters</th>
            <th>Marathon</th>
            <th>Nodes</th>
          </tr>
        </thead>
        <tbody>
          {(clusters.data?.clusters ?? []).map((c) => (
            <tr key={c.id} className="border-b align-top">
              <td className="py-1 font-medium">{c.name}</td>
              <td>{c.kind}</td>
              <td className="font-mono">{c.mesosMasters.join(", ") || "none yet"}</td>
              <td className="font-mono">{c.marathon.join(", ") || "none yet"}</td>
              <td>{c.kind === "provisioned" ? c.nodeCount : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-4 md:grid-cols-2">
        <AddClusterForm kind="adopted" />
        <AddClusterForm kind="provisioned" />
      </div>
    </div>
  );
}
