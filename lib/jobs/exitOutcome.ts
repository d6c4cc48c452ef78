import type { Prisma, ServiceState } from "../db/generated/client.ts";
import { explainBuildErrors } from "../recipes/buildErrors.ts";
import { ROLLBACK_LINE_PREFIX } from "../upgrade/rollbackPrefix.ts";
import { parseServiceStatusLine, STATUS_EXIT_CODES } from "../recipes/serviceStatusLine.ts";
import { headLog, lastLineStartingWith, tailLog } from "./logStore.ts";

export interface ExitOutcome {
  status: "succeeded" | "failed";
  exitCode: number;
  failure: string | null;
  serviceState?: ServiceState;
  report?: Prisma.InputJsonValue;
}

/**
 * How a job that exited ends. A step passes on exit 0 and fails otherwise; a report job (a status
 * probe) ends with what it found, so a stopped service is an answer, not a failure. A report job
 * whose script broke before reporting (or whose code does not match its report) did fail.
 */
export function exitOutcome(job: { id: string; kind: string }, exitCode: number): ExitOutcome {
  if (job.kind === "report") {
    const line = parseServiceStatusLine(tailLog(job.id, 50));
    if (line && STATUS_EXIT_CODES[line.state] === exitCode) {
      return { status: "succeeded", exitCode, failure: null, serviceState: line.state, report: { target: line.target, answer: line.answer } };
    }
    return { status: "failed", exitCode, failure: `The status probe ended without a report: ${failureSummary(job.id, exitCode)}` };
  }
  return { status: exitCode === 0 ? "succeeded" : "failed", exitCode, failure: exitCode === 0 ? null : failureSummary(job.id, exitCode) };
}

/**
/**
 * "Exit code 2 from: make -j4", the failing command being the last one traced ("+ …", found however
 * much output came after it); an upgrade step adds how to roll its node back, which it printed
 * first; then each known build error the output shows, in words with its fix (the log tail stays
 * beside it).
 */
function failureSummary(jobId: string, code: number): string {
  const tail = tailLog(jobId, 400);
  const lines = tail.split("\n");
  const command = [...lines].reverse().find((l) => l.startsWith("+ ")) ?? lastLineStartingWith(jobId, "+ ");
  const summary = command ? `Exit code ${code} from: ${command.slice(2)}` : `Exit code ${code}`;
  // A rolling step prints it first and a failing gate last: the head and the tail hold it, so a
  // failed make's megabytes in between are never read for it.
  const rollback = [...headLog(jobId).split("\n"), ...lines].find((l) => l.startsWith(ROLLBACK_LINE_PREFIX));
  const first = rollback ? `${summary}. ${rollback.slice("[armdeck] ".length).replace(/^r/, "R")}` : summary;
  const known = explainBuildErrors(tail).map((e) => `Known problem: ${e.title}. ${e.what} Fix: ${e.fix}`);
  return [first, ...known].join("\n");
}
