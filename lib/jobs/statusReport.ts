import type { ServiceStateName } from "../recipes/serviceStatusLine.ts";
import type { JobView } from "./jobViews.ts";

/** A status run as a report: per node, per service, what the probe found in its own words. */
export interface StatusReport {
  summary: Record<ServiceStateName, number>;
  nodes: {
    nodeId: string;
    nodeName: string;
    services: {
      jobId: string;
      component: string;
      title: string;
      /** null while the probe runs, or when it could not run (see `failure`). */
      state: ServiceStateName | null;
      target: string | null;
      answer: string | null;
      failure: string | null;
    }[];
  }[];
}

/** Null for runs without report jobs. */
export function statusReportOf(jobs: readonly JobView[]): StatusReport | null {
  const reports = jobs.filter((j) => j.kind === "report");
  if (reports.length === 0) return null;
  const summary: Record<ServiceStateName, number> = { up: 0, down: 0, not_installed: 0 };
  const nodes = new Map<string, StatusReport["nodes"][number]>();
  for (const j of reports) {
    if (j.serviceState) summary[j.serviceState]++;
    const node = nodes.get(j.nodeId) ?? { nodeId: j.nodeId, nodeName: j.nodeName, services: [] };
    node.services.push({
      jobId: j.id,
      component: j.component,
      title: j.title.replace(/^Status of /, ""),
      state: j.serviceState,
      target: j.report?.target ?? null,
      answer: j.report?.answer ?? null,
      failure: j.failure,
    });
    nodes.set(j.nodeId, node);
  }
  return { summary, nodes: [...nodes.values()] };
}
