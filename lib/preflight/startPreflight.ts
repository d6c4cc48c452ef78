import type { AuditActor } from "../audit/recordAuditEvent.ts";
import { getClusterSettings } from "../cluster/clusterSettings.ts";
import { sortChecks, type CheckResult } from "./checkNames.ts";
import { duplicateChecks } from "./duplicateChecks.ts";
import { evaluateClockSkew } from "./evaluateClockSkew.ts";
import { evaluateNodeChecks } from "./evaluateNodeChecks.ts";
import { loadProbeNodes } from "./loadProbeNodes.ts";
import { preflightScript } from "./preflightScript.ts";
import { preflightTargets } from "./preflightTargets.ts";
import { parseProbeOutput, probeLinePrefix, probeNonce, probeValue } from "./probeOutput.ts";
import { startProbeRun, type ProbeResult } from "./probeRuns.ts";

/**
 * Starts preflight on a cluster's nodes (all, or the chosen ones plus the masters they must
 * reach): one read-only script per node, all at once; the findings once every node answered.
 */
export async function startPreflight(clusterId: number, actor: AuditActor, nodeIds?: string[]): Promise<{ id: string; done: Promise<CheckResult[]> }> {
  const settings = await getClusterSettings(clusterId);
  const { all, refused } = await loadProbeNodes(clusterId, nodeIds);
  const runOn = all.filter((n) => !nodeIds?.length || nodeIds.includes(n.id) || n.isMaster);
  const plans = preflightTargets(settings, runOn);
  const nonce = probeNonce();
  return startProbeRun({
    clusterId,
    kind: "preflight",
    title: "Preflight",
    scope: { nodeIds },
    settings,
    actor,
    jobs: plans.map((p) => ({ nodeId: p.node.id, nodeName: p.node.name, script: preflightScript(settings, p, nonce), clockPrefix: probeLinePrefix(nonce, "clock") })),
    evaluate: async (results: ProbeResult[]) => {
      const checks: CheckResult[] = [...refused];
      const clocks = [];
      for (const [i, r] of results.entries()) {
        if (!r.ok) {
          checks.push({ nodeId: r.nodeId, node: r.nodeName, check: "ssh", status: "fail", detail: `could not run the checks: ${r.error}` });
          continue;
        }
        const values = parseProbeOutput(r.probe.output, nonce);
        checks.push(...evaluateNodeChecks(settings, plans[i]!, values));
        const clock = Number.parseFloat(probeValue(values, "clock") ?? "");
        clocks.push({ nodeId: r.nodeId, node: r.nodeName, nodeSeconds: Number.isFinite(clock) ? clock : null, receivedAt: r.probe.clockReceivedAt ?? Date.now() });
      }
      checks.push(...evaluateClockSkew(clocks));
      checks.push(...(await duplicateChecks([...runOn.map((n) => n.id), ...refused.map((r) => r.nodeId)])));
      return sortChecks(checks);
    },
  });
}
