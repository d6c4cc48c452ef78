"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { DeployIssue } from "@/lib/deploy/deployContract";
import { ApiError } from "../apiClient";
import { ClusterHeading } from "../clusters/ClusterHeading";
import { useCan, useCurrentUser } from "../Providers";
import { ErrorBanner } from "../ui/ErrorBanner";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "../ui/Field";
import { CheckPanel } from "./CheckPanel";
import { checkVerdict } from "./checkVerdict";
import { deployGroup, followPath, type DeployOptions } from "./deployApi";
import { DeployRefusal } from "./DeployRefusal";
import { DeployFormContext, type DeployFormState } from "./formContext";
import { GroupEditor } from "./GroupEditor";
import { JsonEditor } from "./JsonEditor";
import { setAt, type Json } from "./jsonPointer";
import basicTemplate from "./templates/basic.json";
import { useGroupCheck } from "./useGroupCheck";

const EMPTY: Json = { id: "", apps: [] };
const pretty = (v: Json) => JSON.stringify(v, null, 2);
const isObject = (v: Json) => typeof v === "object" && v !== null && !Array.isArray(v);

function parseJson(text: string): { ok: true; value: Json } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The deploy-group page. One state, the user's raw JSON: the form edits known paths of it and the
 * JSON mode edits its text, so switching between them loses nothing, unknown fields included.
 */
export function DeployPage({ clusterId }: { clusterId: string }) {
  const router = useRouter();
  const canOperate = useCan("operator");
  const user = useCurrentUser();
  const [mode, setMode] = useState<"form" | "json">("form");
  const [group, setGroup] = useState<Json>(EMPTY);
  const [text, setText] = useState(pretty(EMPTY));
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [marathonIssues, setMarathonIssues] = useState<DeployIssue[]>([]);
  const [canForce, setCanForce] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Force after a 409 repeats the refused deploy as it was (a fit skip included), plus force.
  const [lastOpts, setLastOpts] = useState<DeployOptions>({});
  const [refusedLocally, setRefusedLocally] = useState<string | null>(null);

  const check = useGroupCheck(clusterId, syntaxError ? null : group);
  const verdict = check.reply ? checkVerdict(check.reply) : null;

  const changed = (next: Json | ((prev: Json) => Json)) => {
    setGroup(next);
    // Marathon's 422 and 409 were about the group as it was.
    setMarathonIssues([]);
    setCanForce(false);
    setRefusedLocally(null);
  };
  const replace = (next: Json) => {
    changed(next);
    setText(pretty(next));
    setSyntaxError(null);
  };

  const form: DeployFormState = useMemo(
    () => ({
      root: group,
      // Functional, so two edits in one event (an image also sets the container type) both land.
      edit: (pointer, value) => changed((prev) => setAt(prev, pointer, value)),
      errors: [...(check.reply?.errors ?? []), ...marathonIssues],
      warnings: check.reply?.warnings ?? [],
      fits: check.reply?.fit.apps ?? [],
      readOnly: !canOperate,
    }),
    [group, check.reply, marathonIssues, canOperate],
  );

  const toJson = () => {
    setText(pretty(group));
    setMode("json");
  };
  const toForm = () => {
    const parsed = parseJson(text);
    if (!parsed.ok) return setSyntaxError(parsed.message);
    changed(parsed.value);
    setMode("form");
  };
  const onText = (t: string) => {
    setText(t);
    const parsed = parseJson(t);
    setSyntaxError(parsed.ok ? null : parsed.message);
    if (parsed.ok) changed(parsed.value);
  };

  async function submit(opts: DeployOptions) {
    setSubmitting(true);
    setLastOpts(opts);
    setRefusal(null);
    setRefusedLocally(null);
    try {
      // Never deploy on an answer about older text, or about the agents as they were.
      const fresh = await check.checkNow();
      const v = checkVerdict(fresh);
      if (!fresh.ok && !(opts.skipFit && v.canSkipFit)) {
        setRefusedLocally(v.validation.length ? "The check found errors; fix them first (each is shown beside its field)." : "The group does not fit the cluster now (see the check).");
        return;
      }
      const reply = await deployGroup(clusterId, group, opts);
      router.push(followPath(clusterId, reply.deploymentId));
    } catch (e) {
      setRefusal(e);
      if (e instanceof ApiError) {
        setCanForce(e.status === 409 && e.code === "marathon_conflict");
        setMarathonIssues((e.body.issues as DeployIssue[] | undefined) ?? []);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const formOk = isObject(group);
  const busy = submitting || check.pending;
  return (
    <DeployFormContext.Provider value={form}>
      <div className="space-y-4">
        <ClusterHeading clusterId={clusterId} page="Deploy a group" />
        {!canOperate && (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="read-only-note">
            Deploying needs the operator role; you are signed in as {user?.role ?? "a viewer"}. You can build and check a group here, but not deploy it.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <div role="tablist" aria-label="Editor" className="inline-flex rounded border border-slate-300">
            <button type="button" role="tab" aria-selected={mode === "form"} className={`px-3 py-1 text-sm ${mode === "form" ? "bg-slate-900 text-white" : ""}`} onClick={() => mode === "json" && toForm()}>Form</button>
            <button type="button" role="tab" aria-selected={mode === "json"} className={`px-3 py-1 text-sm ${mode === "json" ? "bg-slate-900 text-white" : ""}`} onClick={() => mode === "form" && toJson()}>JSON</button>
          </div>
          <button type="button" className={secondaryButtonClass} onClick={() => replace(basicTemplate as Json)}>Use the runbook&apos;s basic.json</button>
          <button type="button" className={secondaryButtonClass} onClick={() => replace(EMPTY)}>Start empty</button>
        </div>
        {syntaxError && mode === "json" && <p className="text-sm text-red-700" data-testid="json-syntax-error">The JSON does not parse ({syntaxError}); the check waits until it does, and the form opens once it is fixed.</p>}
        {mode === "form" ? (
          formOk ? <GroupEditor at="" /> : <ErrorBanner error="The body must be a JSON object (a group); edit it in JSON mode." />
        ) : (
          <JsonEditor value={text} onChange={onText} issues={{ errors: form.errors, warnings: form.warnings }} readOnly={!canOperate} />
        )}
        <CheckPanel check={check.reply} verdict={verdict} pending={check.pending} />
        <ErrorBanner error={check.error} title="The check could not run" />
        <DeployRefusal error={refusal} clusterId={clusterId} canForce={canForce && canOperate} onForce={() => void submit({ ...lastOpts, force: true })} />
        {refusedLocally && <p role="alert" className="text-sm text-red-700" data-testid="refused-locally">{refusedLocally} Nothing was sent to Marathon.</p>}
        {canOperate && (
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={buttonClass} data-testid="deploy" disabled={busy || !!syntaxError || !check.reply?.ok} onClick={() => void submit({})}>
              {check.reply?.exists ? "Deploy (update the group)" : "Deploy (create the group)"}
            </button>
            {verdict?.canSkipFit && !busy && (
              <button type="button" className={dangerButtonClass} data-testid="deploy-skip-fit" onClick={() => void submit({ skipFit: true })}>
                Deploy anyway (skip the fit check)
              </button>
            )}
            {busy && <span className="text-xs text-slate-500">{submitting ? "Deploying…" : "Checking…"}</span>}
          </div>
        )}
      </div>
    </DeployFormContext.Provider>
  );
}
