"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { NodeFacts } from "@/lib/nodes/nodeFacts";
import type { NodeRole } from "@/lib/nodes/nodeInput";
import type { SameMachineNode } from "@/lib/nodes/sameMachine";
import { api, ApiError } from "../apiClient";
import { useClusters } from "../clusters/clusterQueries";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../ui/Field";
import { connectionFormSchema, formFieldOf, toAuth, type ConnectionFormValues } from "./connectionForm";
import { FactsTable } from "./FactsTable";
import { HostKeyCard, type HostKeyShown } from "./HostKeyCard";
import { RolePicker } from "./RolePicker";
import { SameMachineWarning } from "./SameMachineWarning";

const STEPS = ["Connection", "Host key", "Facts", "Role"] as const;

function Steps({ current }: { current: number }) {
  return (
    <ol className="mb-6 flex gap-2 text-sm">
      {STEPS.map((s, i) => (
        <li key={s} className={`flex-1 rounded-md border px-3 py-2 ${i === current ? "border-slate-900 font-semibold" : i < current ? "border-emerald-300 text-emerald-800" : "border-slate-200 text-slate-400"}`}>
          {i + 1}. {s}
        </li>
      ))}
    </ol>
  );
}

/** `initialClusterId`: the `?cluster=` the page was opened with (the cluster home's "Add node"). */
export function AddNodeWizard({ initialClusterId }: { initialClusterId?: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const clusters = useClusters();
  // Only a provisioned cluster's machines are Armdeck's; an adopted cluster's are someone else's.
  const provisioned = (clusters.data ?? []).filter((c) => c.kind === "provisioned");
  const [chosenCluster, setChosenCluster] = useState<number | null>(null);
  const clusterId = chosenCluster ?? provisioned.find((c) => c.id === initialClusterId)?.id ?? provisioned[0]?.id ?? null;
  const [step, setStep] = useState(0);
  const [hostKey, setHostKey] = useState<HostKeyShown | null>(null);
  const [compared, setCompared] = useState(false);
  const [sameMachine, setSameMachine] = useState<SameMachineNode[]>([]);
  const [duplicateConfirmed, setDuplicateConfirmed] = useState(false);
  const [facts, setFacts] = useState<NodeFacts | null>(null);
  const [role, setRole] = useState<NodeRole>("agent");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<ConnectionFormValues>({
    resolver: zodResolver(connectionFormSchema),
    defaultValues: { port: 22, username: "root", authKind: "key" },
  });
  const { register, watch, formState, setError: setFieldError, getValues } = form;
  const authKind = watch("authKind");

  function connection() {
    const v = getValues();
    return { address: v.address.trim(), port: Number(v.port), username: v.username.trim(), auth: toAuth(v) };
  }

  /** Field errors from the server land on the input they belong to; the rest in the banner. */
  function showError(e: unknown) {
    if (e instanceof ApiError && Object.keys(e.fields).length) {
      let placed = false;
      for (const [path, message] of Object.entries(e.fields)) {
        const field = formFieldOf(path);
        if (field) {
          setFieldError(field, { message });
          placed = true;
        }
      }
      if (placed && step > 0) setStep(0);
      if (!placed) setError(e);
    } else {
      setError(e);
    }
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const probe = form.handleSubmit(() =>
    run(async () => {
      // The name goes along so a taken one is refused here, beside its field, not at Save.
      const res = await api<{ hostKey: HostKeyShown; sameMachine: SameMachineNode[] }>("/nodes/probe", {
        method: "POST",
        body: { ...connection(), name: getValues("name").trim() },
      });
      setHostKey(res.hostKey);
      setSameMachine(res.sameMachine);
      setDuplicateConfirmed(false);
      setCompared(false);
      setStep(1);
    }),
  );

  const confirmKey = () =>
    run(async () => {
      const res = await api<{ facts: NodeFacts }>("/nodes/facts", { method: "POST", body: { ...connection(), hostKeyFingerprint: hostKey!.fingerprint } });
      setFacts(res.facts);
      setStep(2);
    });

  const save = () =>
    run(async () => {
      if (clusterId === null) throw new Error("Choose a provisioned cluster first");
      const node = await api<{ id: string }>(`/clusters/${clusterId}/nodes`, {
        method: "POST",
        body: { ...connection(), name: getValues("name").trim(), role, hostKeyFingerprint: hostKey!.fingerprint, allowDuplicate: sameMachine.length > 0 && duplicateConfirmed },
      });
      await queryClient.invalidateQueries({ queryKey: ["nodes"] });
      await queryClient.invalidateQueries({ queryKey: ["clusters"] });
      router.push(`/nodes?added=${encodeURIComponent(node.id)}`);
    });

  async function loadKeyFile(file: File | undefined) {
    if (file) form.setValue("privateKey", await file.text(), { shouldValidate: true });
  }

  return (
    <div className="max-w-3xl">
      <Steps current={step} />
      <div className="mb-4">
        <ErrorBanner error={error} title="That did not work" />
      </div>

      {step === 0 && (
        <form onSubmit={probe} className="space-y-4" noValidate>
          <Field
            label="Cluster"
            htmlFor="cluster"
            error={clusters.data && provisioned.length === 0 ? "No provisioned cluster yet: create one on the Clusters page first" : undefined}
            hint="The provisioned cluster this machine joins"
          >
            <select id="cluster" className={inputClass} value={clusterId ?? ""} onChange={(e) => setChosenCluster(Number(e.target.value))} disabled={provisioned.length === 0}>
              {provisioned.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <ErrorBanner error={clusters.error} title="Could not load the clusters" />
          <div className="grid grid-cols-2 gap-4">
            <Field label="Name" htmlFor="name" error={formState.errors.name?.message} hint="How Armdeck calls this node, e.g. od1000-1">
              <input id="name" className={inputClass} {...register("name")} />
            </Field>
            <Field label="Address" htmlFor="address" error={formState.errors.address?.message} hint="Hostname, IPv4 or IPv6">
              <input id="address" className={inputClass} {...register("address")} />
            </Field>
            <Field label="SSH port" htmlFor="port" error={formState.errors.port?.message}>
              <input id="port" inputMode="numeric" className={inputClass} {...register("port")} />
            </Field>
            <Field label="User" htmlFor="username" error={formState.errors.username?.message} hint="root, or a user with passwordless sudo">
              <input id="username" className={inputClass} {...register("username")} />
            </Field>
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Authentication</legend>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" value="key" {...register("authKind")} /> Use a private key
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="password" {...register("authKind")} /> Use a password
              </label>
            </div>
          </fieldset>
          {authKind === "key" ? (
            <>
              <Field label="Private key" htmlFor="privateKey" error={formState.errors.privateKey?.message} hint="Paste it, or pick the file. It is encrypted at rest and never shown again.">
                <textarea id="privateKey" rows={6} spellCheck={false} className={`${inputClass} font-mono text-xs`} placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" {...register("privateKey")} />
              </Field>
              <input type="file" aria-label="Private key file" className="text-sm" onChange={(e) => loadKeyFile(e.target.files?.[0])} />
              <Field label="Passphrase (if the key has one)" htmlFor="passphrase" error={formState.errors.passphrase?.message}>
                <input id="passphrase" type="password" autoComplete="off" className={inputClass} {...register("passphrase")} />
              </Field>
            </>
          ) : (
            <Field label="Password" htmlFor="password" error={formState.errors.password?.message}>
              <input id="password" type="password" autoComplete="off" className={inputClass} {...register("password")} />
            </Field>
          )}
          <button type="submit" className={buttonClass} disabled={busy || clusterId === null}>
            {busy ? "Connecting…" : "Connect and show host key"}
          </button>
        </form>
      )}

      {step === 1 && hostKey && (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            The host offered this key. No credentials have been sent yet. Compare it with what the node itself says, for example on its console:{" "}
            <code className="rounded bg-slate-100 px-1">ssh-keygen -lf /etc/ssh/ssh_host_{hostKey.type.toLowerCase().replace("-sk", "")}_key.pub</code>
          </p>
          <HostKeyCard hostKey={hostKey} title="Offered host key" />
          {sameMachine.length > 0 && <SameMachineWarning nodes={sameMachine} confirmed={duplicateConfirmed} onConfirm={setDuplicateConfirmed} />}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} /> I compared the fingerprint and it matches
          </label>
          <div className="flex gap-2">
            <button className={secondaryButtonClass} onClick={() => setStep(0)} disabled={busy}>
              Back
            </button>
            <button className={buttonClass} onClick={confirmKey} disabled={!compared || (sameMachine.length > 0 && !duplicateConfirmed) || busy}>
              {busy ? "Logging in…" : "Trust this key and read facts"}
            </button>
          </div>
        </div>
      )}

      {step === 2 && facts && (
        <div className="space-y-4">
          <FactsTable facts={facts} />
          <div className="flex gap-2">
            <button className={secondaryButtonClass} onClick={() => setStep(0)}>
              Back
            </button>
            <button className={buttonClass} onClick={() => setStep(3)}>
              Next: role
            </button>
          </div>
        </div>
      )}

      {step === 3 && (
        <div className="space-y-4">
          <p className="text-sm text-slate-700" data-testid="joins-cluster">
            Joins cluster <span className="font-mono">{provisioned.find((c) => c.id === clusterId)?.name ?? "?"}</span>
          </p>
          <RolePicker value={role} onChange={setRole} />
          <div className="flex gap-2">
            <button className={secondaryButtonClass} onClick={() => setStep(2)} disabled={busy}>
              Back
            </button>
            <button className={buttonClass} onClick={save} disabled={busy}>
              {busy ? "Saving…" : "Save node"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
