"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { clusterSettingsSchema, MARATHON_VERSIONS, MESOS_VERSIONS, type ClusterSettings } from "@/lib/cluster/clusterSettingsSchema";
import { MESOS_VERSION_NOTES } from "@/lib/recipes/buildMatrix";
import { api, ApiError } from "../apiClient";
import { useCan } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, Field, inputClass } from "../ui/Field";

type Key = keyof ClusterSettings;

const GROUPS: { title: string; fields: [Key, string, string?][] }[] = [
  {
    title: "Versions and sources",
    fields: [
      ["mesosVersion", "Mesos version (git tag or release)", "mesos-versions"],
      ["mesosSource", "Mesos source"],
      ["mesosGitUrl", "Mesos git repository"],
      ["mesosTarballUrl", "Mesos release tarball URL ({version} is replaced)"],
      ["mesosZlibCheckFix", "Answer configure's zlib check (git sources; autoconf 2.70+ breaks it)"],
      ["mesosDisableWerror", "Configure with --disable-werror (GCC 9+ warnings are fatal otherwise)"],
      ["mesosDisablePython", "Configure with --disable-python (the Python bindings need Python 2)"],
      ["marathonVersion", "Marathon tag", "marathon-versions"],
      ["marathonSource", "Marathon source"],
      ["marathonGitUrl", "Marathon git repository"],
      ["marathonTarballUrl", "Marathon release tarball URL ({version} is the tag without its v)"],
      ["weaveVersion", "Weave Net version"],
      ["weaveScriptUrl", "weave script URL ({version} is replaced)"],
      ["sbtAptRepo", "sbt apt repository"],
      ["sbtKeyserver", "sbt key server"],
      ["sbtKeyId", "sbt signing key id"],
      ["jdkPackage", "JDK package (auto: chosen per node from its OS, docs/builds.md)"],
      ["dockerPackage", "Docker package"],
      ["dockerImage", "Base image to pre-pull"],
    ],
  },
  {
    title: "Paths on the nodes",
    fields: [
      ["sourceDir", "Source folder (mesos-<version>/ and marathon-<version>/ go here)"],
      ["armdeckDir", "Armdeck folder (job logs, pid files, ZooKeeper data)"],
      ["logDir", "Service logs"],
      ["mesosMasterWorkDir", "Mesos master work dir"],
      ["mesosAgentWorkDir", "Mesos agent work dir"],
    ],
  },
  {
    title: "Ports",
    fields: [
      ["zookeeperPort", "ZooKeeper client port"],
      ["mesosMasterPort", "Mesos master port"],
      ["mesosAgentPort", "Mesos agent port"],
      ["marathonPort", "Marathon port"],
      ["agentPorts", "Ports agents offer to tasks"],
    ],
  },
  {
    title: "Verify",
    fields: [["verifyIntervalMinutes", "Scheduled Verify every N minutes (0 = off)"]],
  },
];

/** An empty Verify interval is "never set" (the server's default), a typed one a number (or NaN, which the schema refuses). */
const emptyAsUnset = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : typeof v === "number" ? v : Number(v));

/** The hint under a field: its default (for the Verify interval, what an empty field means), and next to the Mesos version what real builds found about the chosen one. */
function hintFor(key: Key, defaults: ClusterSettings, mesosVersion: string | undefined): string {
  if (key === "verifyIntervalMinutes") return "Empty: the server's default (ARMDECK_VERIFY_INTERVAL_S, 60 minutes unless set)";
  const base = `Default: ${String(defaults[key])}`;
  const note = key === "mesosVersion" && mesosVersion ? MESOS_VERSION_NOTES[mesosVersion.trim()] : undefined;
  return note ? `${base}. ${mesosVersion!.trim()}: ${note}` : base;
}

export function ClusterSettingsForm({ clusterId }: { clusterId: number }) {
  const path = `/clusters/${clusterId}/settings`;
  const canEdit = useCan("operator");
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ["cluster-settings", clusterId],
    queryFn: () => api<{ settings: ClusterSettings; defaults: ClusterSettings; warnings: string[] }>(path),
  });
  const form = useForm<ClusterSettings>({ resolver: zodResolver(clusterSettingsSchema) as never });
  useEffect(() => {
    if (current.data) form.reset(current.data.settings);
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (values: ClusterSettings) => api(path, { method: "PUT", body: values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["cluster-settings", clusterId] });
      // A changed version is an upgrade to offer.
      void queryClient.invalidateQueries({ queryKey: ["upgrade-offer", clusterId] });
    },
    onError: (e) => {
      if (e instanceof ApiError) for (const [k, m] of Object.entries(e.fields)) form.setError(k as Key, { message: m });
    },
  });
  const chosenVersion = form.watch("mesosVersion");
  if (current.error) return <ErrorBanner error={current.error} />;
  if (!current.data) return <p className="text-sm text-slate-500">Loading settings…</p>;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-4" noValidate data-testid="cluster-settings">
      {current.data.warnings.map((w) => (
        <p key={w} role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {w}
        </p>
      ))}
      <datalist id="mesos-versions">{MESOS_VERSIONS.map((v) => <option key={v} value={v} />)}</datalist>
      <datalist id="marathon-versions">{MARATHON_VERSIONS.map((v) => <option key={v} value={v} />)}</datalist>
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="space-y-3" disabled={!canEdit}>
          <legend className="mb-2 font-medium">{g.title}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {g.fields.map(([key, label, list]) => (
              <Field key={key} label={label} htmlFor={`s-${key}`} error={form.formState.errors[key]?.message} hint={hintFor(key, current.data.defaults, chosenVersion)}>
                {typeof current.data.defaults[key] === "boolean" ? (
                  <input id={`s-${key}`} type="checkbox" className="h-4 w-4" {...form.register(key)} />
                ) : key === "mesosSource" ? (
                  <select id={`s-${key}`} className={inputClass} {...form.register(key)}>
                    <option value="git">git checkout of the tag (runs ./bootstrap)</option>
                    <option value="tarball">release tarball</option>
                  </select>
                ) : key === "marathonSource" ? (
                  <select id={`s-${key}`} className={inputClass} {...form.register(key)}>
                    <option value="git">git checkout of the tag, built with sbt (the runbook)</option>
                    <option value="tarball">Marathon's release tarball (no sbt, no build)</option>
                  </select>
                ) : (
                  <input id={`s-${key}`} className={`${inputClass} font-mono`} list={list} {...(key === "verifyIntervalMinutes" ? { inputMode: "numeric" as const, ...form.register(key, { setValueAs: emptyAsUnset }) } : form.register(key))} />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      {canEdit && (
        <button type="submit" className={buttonClass} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
      )}
      {save.isSuccess && <p className="text-sm text-emerald-700">Saved. New plans use these settings.</p>}
      <ErrorBanner error={save.error} />
    </form>
  );
}
