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
 * can. An error belongs to the fit when it lies in an app the fit check found does not fit, or is
 * about the group as a whole while the fit failed. The server enforces the same line (`skipFit`
 * never skips validation), so a wrong guess here can only hide the button, never deploy bad input.
 */
export function checkVerdict(check: CheckReply): Verdict {
  const failing = check.fit.checked ? check.fit.apps.filter((a) => !a.ok) : [];
  if (failing.length === 0) return { validation: check.errors, fit: [], canSkipFit: false };
  const isFit = (e: DeployIssue) => e.path === "" || failing.some((a) => within(e.path, a.path));
  const fit = check.errors.filter(isFit);
  const validation = check.errors.filter((e) => !isFit(e));
  return { validation, fit, canSkipFit: !check.ok && validation.length === 0 };
}
