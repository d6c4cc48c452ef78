"use client";

import { ConfirmButton } from "../ui/ConfirmButton";
import { ErrorBanner } from "../ui/ErrorBanner";
import { appActions } from "./deployApi";
import { useActionThenFollow } from "./useActionThenFollow";

/** Destroy a group and everything in it (operator role; the caller checks). */
export function GroupActions({ clusterId, groupId, apps }: { clusterId: string; groupId: string; apps: number }) {
  const destroy = useActionThenFollow(clusterId, () => appActions.destroyGroup(clusterId, groupId));
  return (
    <span className="ml-2 inline-flex flex-col text-xs" data-testid="group-actions">
      <ConfirmButton label="Destroy group" disabled={destroy.isPending} question={`Destroy group ${groupId}? Its ${apps} app${apps === 1 ? "" : "s"} and subgroups are removed and their tasks killed.`} onConfirm={() => destroy.mutate()} />
      <ErrorBanner error={destroy.error} />
    </span>
  );
}
