import { shQuote } from "../shell/quote.ts";
import { oneLine } from "../shell/oneLine.ts";
import type { Plan } from "./buildPlan.ts";
import { topologyLines } from "./planTopology.ts";

/**
 * The dry run as a shell runbook: per node, the exact scripts Armdeck would run, in order, each in
 * its own subshell. `sh armdeck-<plan>.sh <node>` runs one node's part by hand.
 */
export function renderRunbook(plan: Plan, generatedAt = new Date()): string {
  const keyToJob = new Map(plan.jobs.map((j) => [j.key, j]));
  const out: string[] = [
    "#!/bin/sh",
    `# Armdeck runbook: ${plan.title}, generated ${generatedAt.toISOString()}`,
    ...topologyLines(plan.topology).map((l) => `# ${oneLine(l)}`),
    `# Nodes: ${plan.nodes.map((n) => oneLine(`${n.name} (${n.address}, ${n.arch})`)).join(", ")}`,
    "# Usage: sh this-file NODE   — runs that node's steps in order; steps that wait on other nodes say so.",
    ...plan.warnings.map((w) => `# WARNING: ${oneLine(w)}`),
    ...(plan.outline ?? []).map((l) => `# ${oneLine(l)}`),
    "",
    'node="${1:-}"',
    "",
  ];
  const nodes = plan.nodes.filter((n) => plan.jobs.some((j) => j.node.id === n.id));
  for (const node of nodes) {
    out.push(`run_${fnName(node.name)}() {`);
    for (const job of plan.jobs.filter((j) => j.node.id === node.id)) {
      const waits = job.dependsOn.map((k) => keyToJob.get(k)!).filter((d) => d.node.id !== node.id);
      out.push(`  # [${job.seq + 1}] ${job.step.id}: ${job.step.title}`);
      if (waits.length) out.push(`  # first wait for: ${oneLine(waits.map((d) => `${d.step.id} on ${d.node.name}`).join(", "))}`);
      // Not indented: a here-document's end marker must start its line.
      out.push("  (", job.script.trimEnd(), "  ) || return 1", "");
    }
    out.push("}", "");
  }
  out.push('case "$node" in');
  for (const node of nodes) out.push(`  ${shQuote(node.name)}) run_${fnName(node.name)} ;;`);
  out.push(`  *) printf '%s\n' ${shQuote(`usage: sh THIS-FILE NODE   (one of: ${nodes.map((n) => n.name).join(" ")})`)} >&2; exit 2 ;;`, "esac", "");
  return out.join("\n");
}

function fnName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}
