// Which job's log to show when the operator has not picked one, and the node/step choices of a
// plan run. Works on the few fields it needs so tests need no full JobView.

export interface JobLike {
  id: string;
  seq: number;
  nodeName: string;
  stepId: string;
  title: string;
  status: string;
  startedAt: string | null;
  finishedAt?: string | null;
}

const FAILED = new Set(["failed", "interrupted"]);

/**
 * What an operator opening a run wants to read: what is running now; else what broke last; else
 * the last thing that ran (a job that never started has no log to show).
 */
export function defaultJob<J extends JobLike>(jobs: readonly J[]): J | null {
  const bySeq = [...jobs].sort((a, b) => a.seq - b.seq);
  return (
    bySeq.find((j) => j.status === "running") ??
    bySeq.findLast((j) => FAILED.has(j.status)) ??
    bySeq.findLast((j) => j.startedAt !== null) ??
    bySeq[0] ??
    null
  );
}

/** Nodes in the order their first step runs. */
export function nodesInOrder(jobs: readonly JobLike[]): string[] {
  const seen = new Set<string>();
  for (const j of [...jobs].sort((a, b) => a.seq - b.seq)) seen.add(j.nodeName);
  return [...seen];
}

/** Steps (columns of the progress grid) in the order they first run, with their title. */
export function stepsInOrder(jobs: readonly JobLike[]): { stepId: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const j of [...jobs].sort((a, b) => a.seq - b.seq)) if (!seen.has(j.stepId)) seen.set(j.stepId, j.title);
  return [...seen].map(([stepId, title]) => ({ stepId, title }));
}

/** Switching node keeps the step when that node has it, else shows that node's most telling job. */
export function jobForNode<J extends JobLike>(jobs: readonly J[], nodeName: string, currentStepId: string | null): J | null {
  const ofNode = jobs.filter((j) => j.nodeName === nodeName);
  return ofNode.find((j) => j.stepId === currentStepId) ?? defaultJob(ofNode);
}

/** Switching step keeps the node when it runs that step, else shows the step's most telling job. */
export function jobForStep<J extends JobLike>(jobs: readonly J[], stepId: string, currentNode: string | null): J | null {
  const ofStep = jobs.filter((j) => j.stepId === stepId);
  return ofStep.find((j) => j.nodeName === currentNode) ?? defaultJob(ofStep);
}

/** Failed jobs, the one that started it first: the earliest to end (later ones often follow from it). */
export function failuresInOrder<J extends JobLike>(jobs: readonly J[]): J[] {
  const ended = (j: J) => (j.finishedAt ? new Date(j.finishedAt).getTime() : Number.MAX_SAFE_INTEGER);
  return jobs.filter((j) => FAILED.has(j.status)).sort((a, b) => ended(a) - ended(b) || a.seq - b.seq);
}
