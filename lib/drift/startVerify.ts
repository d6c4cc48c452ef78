import type { AuditActor } from "../audit/recordAuditEvent.ts";
import { getClusterSettings } from "../cluster/clusterSettings.ts";
import { buildPlan } from "../plans/buildPlan.ts";
import { sortChecks, type CheckResult } from "../preflight/checkNames.ts";
import { loadProbeNodes } from "../preflight/loadProbeNodes.ts";
import { parseProbeOutput, probeNonce, probeValue } from "../preflight/probeOutput.ts";
import { startProbeRun } from "../preflight/probeRuns.ts";
import { recipeContext } from "../recipes/recipeContext.ts";
import { driftMessage } from "./driftWords.ts";
import { verifyScript } from "./verifyScript.ts";

/**
 * "Verify": re-runs the check of every step "Bring up cluster" would run, on every node, and runs
 * nothing else. A check that fails is drift: something the runbook left no longer holds.
 */
export async function startVerify(clusterId: number, actor: AuditActor, nodeIds?: string[]): Promise<{ id: string; done: Promise<CheckResult[]> }> {
  const settings = await getClusterSettings(clusterId);
  const { all, refused } = await loadProbeNodes(clusterId, nodeIds);
  const plan = buildPlan("bring-up", settings, all, { nodeIds });
  const perNode = new Map<string, { name: string; checks: Parameters<typeof verifyScript>[1] }>();
  for (const job of plan.jobs) {
    if (!job.step.check) continue;
    const entry = perNode.get(job.node.id) ?? { name: job.node.name, checks: [] };
    entry.checks.push({ step: job.step, ctx: recipeContext(settings, job.node, all) });
    perNode.set(job.node.id, entry);
  }
  const nodes = [...perNode.entries()];
  const nonce = probeNonce();
  return startProbeRun({
    clusterId,
    kind: "verify",
    title: "Verify",
    scope: { nodeIds },
    settings,
    actor,
    jobs: nodes.map(([nodeId, n]) => ({ nodeId, nodeName: n.name, script: verifyScript(n.name, n.checks, nonce) })),
    evaluate: async (results) => {
      const checks: CheckResult[] = [...refused];
      for (const r of results) {
        if (!r.ok) {
          checks.push({ nodeId: r.nodeId, node: r.nodeName, check: "ssh", status: "fail", detail: `could not run the checks: ${r.error}` });
          continue;
        }
        const values = parseProbeOutput(r.probe.output, nonce);
        perNode.get(r.nodeId)!.checks.forEach(({ step }, i) => {
          // "<exit code> <last output line>"
          const line = probeValue(values, `check:${i}`) ?? "";
          const cut = line.indexOf(" ");
          const code = cut < 0 ? line : line.slice(0, cut);
          const said = cut < 0 ? "" : line.slice(cut + 1);
          const base = { nodeId: r.nodeId, node: r.nodeName, check: step.id };
          if (!/^\d{1,3}$/.test(code)) checks.push({ ...base, status: "fail", detail: `${step.id} on ${r.nodeName}: its check did not report (the script stopped early)` });
          else if (code === "0") checks.push({ ...base, status: "ok", detail: `${step.title}: holds` });
          else checks.push({ ...base, status: "fail", detail: driftMessage(step.id, r.nodeName, said || `exit ${code}`) });
        });
      }
      return sortChecks(checks);
    },
  });
}
