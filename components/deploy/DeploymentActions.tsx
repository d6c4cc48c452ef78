"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCan } from "../Providers";
import { ConfirmButton } from "../ui/ConfirmButton";
import { ErrorBanner } from "../ui/ErrorBanner";
import { appActions } from "./deployApi";
import { useActionThenFollow } from "./useActionThenFollow";

/** Roll back or force-stop a deployment in progress; viewers are told why they cannot. */
export function DeploymentActions({ clusterId, deploymentId, apps }: { clusterId: string; deploymentId: string; apps: string[] }) {
  const canOperate = useCan("operator");
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["cluster", clusterId, "deployments"] });
  const rollback = useActionThenFollow(clusterId, () => appActions.cancelDeployment(clusterId, deploymentId, false), refresh);
  const stop = useActionThenFollow(clusterId, () => appActions.cancelDeployment(clusterId, deploymentId, true), refresh);
  if (!canOperate) return <p className="text-xs text-slate-500" data-testid="deployment-actions-viewer">Rolling back or stopping a deployment needs the operator role.</p>;
  const names = apps.length ? apps.join(", ") : "its apps";
  return (
    <div className="flex flex-wrap items-start gap-2 text-xs" data-testid="deployment-actions">
      <ConfirmButton label="Roll back" disabled={rollback.isPending || stop.isPending} question={`Roll back ${deploymentId}? Marathon starts a new deployment that returns ${names} to where they were before it.`} onConfirm={() => rollback.mutate()} />
      <ConfirmButton label="Force stop" disabled={rollback.isPending || stop.isPending} question={`Stop ${deploymentId} where it is? Nothing is undone: ${names} stay as far as it got.`} onConfirm={() => stop.mutate()} />
      <ErrorBanner error={rollback.error ?? stop.error} />
    </div>
  );
}
