"use client";

import { useState } from "react";
import { ConfirmButton } from "../ui/ConfirmButton";
import { ErrorBanner } from "../ui/ErrorBanner";
import { inputClass } from "../ui/Field";
import { appActions } from "./deployApi";
import { useActionThenFollow } from "./useActionThenFollow";

/** Scale, restart and destroy one app, each confirmed naming what happens (operator role; the caller checks). */
export function AppActions({ clusterId, appId, instances }: { clusterId: string; appId: string; instances: number }) {
  const [target, setTarget] = useState(String(instances));
  const n = Number(target);
  const valid = target.trim() !== "" && Number.isInteger(n) && n >= 0;
  const scale = useActionThenFollow(clusterId, () => appActions.scale(clusterId, appId, n));
  const restart = useActionThenFollow(clusterId, () => appActions.restart(clusterId, appId));
  const destroy = useActionThenFollow(clusterId, () => appActions.destroyApp(clusterId, appId));
  const busy = scale.isPending || restart.isPending || destroy.isPending;
  return (
    <div className="ml-4 space-y-1 py-1" data-testid="app-actions">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <label className="flex items-center gap-1">
          Instances
          <input aria-label={`Instances of ${appId}`} className={`${inputClass} w-20 py-1`} inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <ConfirmButton
          label="Scale"
          disabled={busy || !valid || n === instances}
          question={`Scale ${appId} from ${instances} to ${valid ? n : "?"} instance${n === 1 ? "" : "s"}?${valid && n < instances ? ` ${instances - n} running task${instances - n === 1 ? "" : "s"} will be killed.` : ""}`}
          onConfirm={() => scale.mutate()}
        />
        <ConfirmButton label="Restart" disabled={busy} question={`Restart ${appId}? Marathon replaces all ${instances} of its tasks with new ones.`} onConfirm={() => restart.mutate()} />
        <ConfirmButton label="Destroy app" disabled={busy} question={`Destroy ${appId}? Its ${instances} task${instances === 1 ? "" : "s"} are killed and the app is removed from Marathon.`} onConfirm={() => destroy.mutate()} />
        {!valid && <span className="text-red-700">Instances must be a whole number, 0 or more.</span>}
      </div>
      <ErrorBanner error={scale.error ?? restart.error ?? destroy.error} />
    </div>
  );
}
