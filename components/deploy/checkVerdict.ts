import type { CheckReply, DeployIssue } from "@/lib/deploy/deployContract";

export interface Verdict {
  /** Errors no option lets through: Marathon's rules, ids, dependencies. */
  validation: DeployIssue[];
  /** Errors of the resource-fit check only (an app, or the whole group, that does not fit now). */
  fit: DeployIssue[];
  /** "Deploy anyway (skip the fit check)" is offered: only fit errors stand in the way. */
  canSkipFit: boolean;
}

const within = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/**
 * The check's errors split into what skipping the fit check could let through and what it never
 * can. A fit refusal is the failing app's explanation, placed in that app (at the field that does
 * not fit); anything else is validation. The server draws the same line (`skipFit` never skips
 * validation), so this decides only whether the button is offered.
 */
export function checkVerdict(check: CheckReply): Verdict {
  const failing = check.fit.checked ? check.fit.apps.filter((a) => !a.ok) : [];
  if (failing.length === 0) return { validation: check.errors, fit: [], canSkipFit: false };
  const isFit = (e: DeployIssue) => failing.some((a) => e.message === a.explanation && within(e.path, a.path));
  const fit = check.errors.filter(isFit);
  const validation = check.errors.filter((e) => !isFit(e));
  return { validation, fit, canSkipFit: !check.ok && validation.length === 0 };
}
