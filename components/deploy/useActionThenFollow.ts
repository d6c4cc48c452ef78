"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { followPath, type ActionReply } from "./deployApi";

/** An app, group or deployment action, then the deployment it started, followed on its own page. */
export function useActionThenFollow(clusterId: string, action: () => Promise<ActionReply>, onNoDeployment?: () => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: action,
    onSuccess: (reply) => {
      if (reply.deploymentId) router.push(followPath(clusterId, reply.deploymentId));
      else onNoDeployment?.();
    },
  });
}
