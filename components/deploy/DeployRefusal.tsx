"use client";

import Link from "next/link";
import { ApiError } from "../apiClient";
import { buttonClass } from "../ui/Field";
import { followPath } from "./deployApi";

/**
 * Why the deploy was refused, in words: Marathon's 409 names the deployment that holds the app
 * (with a link, and force offered only here), its 422 the message with each issue at its field.
 */
export function DeployRefusal({ error, clusterId, onForce, canForce }: { error: unknown; clusterId: string; onForce: () => void; canForce: boolean }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <p role="alert" className="text-sm text-red-700">{String(error instanceof Error ? error.message : error)}</p>;
  const deployments = (error.body.deployments as string[] | undefined) ?? [];
  const upstream = error.body.upstream as { status: number; message: string } | undefined;
  const issues = (error.body.issues as { path: string; message: string }[] | undefined) ?? [];
  return (
    <div role="alert" data-testid="deploy-refusal" data-code={error.code} className="space-y-2 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">
        {error.status === 409 ? "Marathon refused: another deployment holds this group's apps" : error.status === 422 ? "Refused: the group is not valid" : `Deploy failed (${error.status})`}
      </p>
      <p>{error.message}</p>
      {upstream && upstream.message !== error.message && <p className="text-xs">Marathon said ({upstream.status}): {upstream.message}</p>}
      {issues.length > 0 && (
        <ul className="list-disc pl-5" data-testid="refusal-issues">
          {issues.map((i, n) => (
            <li key={n}><span className="font-mono text-xs">{i.path || "(the group)"}</span> {i.message}</li>
          ))}
        </ul>
      )}
      {deployments.length > 0 && (
        <ul className="list-disc pl-5" data-testid="blocking-deployments">
          {deployments.map((d) => (
            <li key={d}>
              Deployment <Link className="font-mono text-sky-800 underline" href={followPath(clusterId, d)}>{d}</Link> is in progress
            </li>
          ))}
        </ul>
      )}
      {error.status === 409 && canForce && (
        <div className="space-y-1">
          <p className="text-xs">Deploying with force cancels the deployment above where it is; its apps stay as far as it got.</p>
          <button type="button" className={buttonClass} onClick={onForce}>Deploy with force</button>
        </div>
      )}
    </div>
  );
}
