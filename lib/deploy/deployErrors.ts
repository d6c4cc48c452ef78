// Armdeck's own refusals of a deploy, in the contract's shape (deployContract.ts
// `deployErrorSchema`): apiRoute's errorResponse writes `{error: {code, message, ...extra}}`.

import { AppError } from "../errors.ts";
import type { CheckReply, DeployIssue } from "./deployContract.ts";

export class CheckFailedError extends AppError {
  constructor(check: CheckReply) {
    const first = check.errors[0];
    super(`The group was not sent to Marathon: ${check.errors.length} problem${check.errors.length === 1 ? "" : "s"}${first ? ` (first: ${first.message})` : ""}`, 422, "check_failed", { check, issues: check.errors });
  }
}

export class MarathonConflictError extends AppError {
  constructor(message: string, upstream: { status: number; message: string }, deployments: string[]) {
    super(message, 409, "marathon_conflict", { upstream, deployments });
  }
}

export class MarathonInvalidError extends AppError {
  constructor(message: string, upstream: { status: number; message: string }, issues: DeployIssue[]) {
    super(message, 422, "marathon_invalid", { upstream, issues });
  }
}

/** Marathon refused in a way that is neither a lock nor a validation (a 404, a 400, a 403). */
export class MarathonRefusedError extends AppError {
  constructor(status: number, message: string, upstream: { status: number; message: string }) {
    super(message, status, "marathon_refused", { upstream });
  }
}
