import type { MemberAnswer } from "./ensembleProbe.ts";

// The ensemble said in words for the overview: how many of its members serve, who leads, and
// what a missing majority means for Mesos and Marathon.

export type EnsembleState = "up" | "degraded" | "down" | "unknown";

export interface EnsembleView {
  state: EnsembleState;
  serving: number;
  members: number;
  leader: string | null;
  summary: string;
  nodes: { node: string; address: string; mode: string | null; detail: string | null }[];
}

function memberDetail(a: MemberAnswer): string | null {
  if (a.error) return a.error;
  if (a.reply && !a.reply.serving) return a.reply.reason === "not_serving" ? "up but not serving (not in a quorum)" : a.reply.said;
  return null;
}

export function ensembleView(answers: MemberAnswer[]): EnsembleView {
  const serving = answers.filter((a) => a.reply?.serving);
  const leader = serving.find((a) => a.reply?.serving && (a.reply.mode === "leader" || a.reply.mode === "standalone"))?.node ?? null;
  const n = answers.length;
  const majority = Math.floor(n / 2) + 1;
  const missing = answers.filter((a) => !a.reply?.serving).map((a) => `${a.node} ${a.error ? `does not answer: ${a.error}` : `answers ${memberDetail(a)}`}`);
  let state: EnsembleState;
  let summary: string;
  if (n === 0) {
    state = "unknown";
    summary = "ZooKeeper: no members to ask";
  } else if (serving.length === n) {
    state = "up";
    summary = `ZooKeeper: ${n} of ${n} serving, ${n === 1 ? "standalone" : `leader on ${leader ?? "none"}`}`;
  } else if (serving.length >= majority) {
    state = "degraded";
    summary = `ZooKeeper: ${serving.length} of ${n} serving (${missing.join("; ")}); a majority is up, the ensemble still serves${leader ? `, leader on ${leader}` : ""}`;
  } else {
    state = "down";
    summary = `ZooKeeper: ${serving.length} of ${n} serving (${missing.join("; ")}): no majority, ZooKeeper refuses writes; Mesos masters and Marathon cannot elect`;
  }
  return {
    state,
    serving: serving.length,
    members: n,
    leader,
    summary,
    nodes: answers.map((a) => ({ node: a.node, address: a.address, mode: a.reply?.serving ? a.reply.mode : null, detail: memberDetail(a) })),
  };
}
