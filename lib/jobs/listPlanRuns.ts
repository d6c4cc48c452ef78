import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/client.ts";
import type { ServiceStateName } from "../recipes/serviceStatusLine.ts";
import { toPlanRunView, type PlanRunView } from "./jobViews.ts";
import type { PlanRunFilter } from "./planRunFilters.ts";
import { decodeRunsCursor, encodeRunsCursor } from "./runsCursor.ts";

export interface PlanRunSummary extends PlanRunView {
  /** Jobs per status. */
  counts: Record<string, number>;
  /** The nodes and components the run's jobs touched (what "all" meant when it ran). */
  nodes: string[];
  components: string[];
  durationMs: number | null;
  /** For a status run: services up, down and not installed so far. */
  serviceStates: Record<ServiceStateName, number> | null;
}

/** The runs history, newest first, filtered and paged on the server. */
export async function listPlanRuns(filter: Partial<PlanRunFilter> & { limit: number }): Promise<{ runs: PlanRunSummary[]; nextCursor: string | null }> {
  const where: Prisma.PlanRunWhereInput[] = [];
  if (filter.status) where.push({ status: filter.status });
  if (filter.kind) where.push({ plan: filter.kind });
  if (filter.cluster) where.push({ clusterId: filter.cluster });
  if (filter.node) where.push({ jobs: { some: { nodeId: filter.node } } });
  if (filter.cursor) {
    const c = decodeRunsCursor(filter.cursor);
    where.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await db.planRun.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    include: { jobs: { select: { status: true, nodeName: true, component: true, kind: true, serviceState: true }, orderBy: { seq: "asc" } } },
  });
  const page = rows.slice(0, filter.limit);
  return {
    runs: page.map((r) => {
      const reports = r.jobs.filter((j) => j.kind === "report");
      return {
        ...toPlanRunView(r),
        counts: tally(r.jobs.map((j) => j.status)),
        nodes: [...new Set(r.jobs.map((j) => j.nodeName))],
        components: [...new Set(r.jobs.map((j) => j.component))],
        durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
        serviceStates: reports.length
          ? { up: 0, down: 0, not_installed: 0, ...tally(reports.flatMap((j) => (j.serviceState ? [j.serviceState] : []))) }
          : null,
      };
    }),
    nextCursor: rows.length > filter.limit ? encodeRunsCursor(page[page.length - 1]!) : null,
  };
}

function tally(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
