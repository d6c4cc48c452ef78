import { db } from "../db/client.ts";
import { toJobView } from "../jobs/jobViews.ts";
import { statusReportOf, type StatusReport } from "../jobs/statusReport.ts";
import { nodeFactsSchema } from "../nodes/nodeFacts.ts";
import type { OverviewContext } from "../panels/clusterPanels.ts";
import type { NodeServiceReport, ServiceReports } from "../panels/overviewView.ts";
import type { Cluster } from "./clusters.ts";

// What the panels cannot learn from Mesos or Marathon and Armdeck knows about its own clusters:
// how many agents a provisioned cluster should have, what its last Status run found for ZooKeeper
// and Weave (checked over SSH, invisible to Mesos), and each node's architecture from its facts.

// The Status plan's report components for the services the overview shows beside Mesos/Marathon.
const REPORTED = { zookeeper: "zookeeper-service", weave: "weave-router" } as const;

function serviceReports(report: StatusReport, checkedAt: string | null): ServiceReports {
  const pick = (component: string): NodeServiceReport[] =>
    report.nodes.flatMap((n) =>
      n.services
        .filter((s) => s.component === component)
        .map((s) => ({ node: n.nodeName, state: s.state ?? "unknown", detail: s.failure ?? s.answer, checkedAt })),
    );
  const out: ServiceReports = {};
  const zookeeper = pick(REPORTED.zookeeper);
  const weave = pick(REPORTED.weave);
  if (zookeeper.length) out.zookeeper = zookeeper;
  if (weave.length) out.weave = weave;
  return out;
}

/** ZooKeeper/Weave from the cluster's newest Status run that has finished, if any. */
async function latestStatusReports(clusterId: number): Promise<ServiceReports | undefined> {
  const run = await db.planRun.findFirst({
    where: { clusterId, plan: "status", finishedAt: { not: null } },
    orderBy: { createdAt: "desc" },
    include: { jobs: { orderBy: { seq: "asc" } } },
  });
  const report = run ? statusReportOf(run.jobs.map(toJobView)) : null;
  return report ? serviceReports(report, run?.finishedAt?.toISOString() ?? null) : undefined;
}

export async function overviewContext(cluster: Cluster): Promise<OverviewContext> {
  const provisioned = cluster.kind === "provisioned";
  return {
    endpoints: { mesosMasters: cluster.endpoints.mesosMasters, marathon: cluster.endpoints.marathon },
    expectedAgents: provisioned ? cluster.nodes.filter((n) => n.role === "agent" || n.role === "both").length : null,
    reports: provisioned ? await latestStatusReports(cluster.id) : undefined,
    archByHostname: await archByHostname(cluster),
  };
}

/** Architectures of a provisioned cluster's nodes, keyed by every name Mesos may call the agent. */
export async function archByHostname(cluster: Cluster): Promise<Map<string, string> | undefined> {
  if (cluster.kind !== "provisioned") return undefined;
  const rows = await db.node.findMany({ where: { clusterId: cluster.id }, select: { address: true, facts: true } });
  const arch = new Map<string, string>();
  for (const r of rows) {
    const facts = r.facts ? nodeFactsSchema.safeParse(JSON.parse(r.facts)) : null;
    if (!facts?.success || facts.data.arch === "unknown") continue;
    for (const name of [facts.data.hostname, r.address, facts.data.ip]) if (name) arch.set(name.toLowerCase(), facts.data.arch);
  }
  return arch;
}
