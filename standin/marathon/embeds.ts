// `embed` query parsing (InfoEmbedResolver.scala@v1.5.1, audit §1.10): on /v2/apps the prefixes
// apps., app. and group.apps. are interchangeable; on /v2/groups only group.apps.* reaches the
// app resolver. No embed on /v2/groups means group.groups + group.apps + group.pods without counts;
// any embed drops those defaults.

import type { AppEmbeds, GroupEmbeds } from "./writers";

function appEmbedsFrom(values: string[]): AppEmbeds {
  const has = (k: string) => values.includes(k);
  return {
    counts: has("counts"),
    tasks: has("tasks") || has("failures"),
    deployments: has("deployments"),
    lastTaskFailure: has("lastTaskFailure") || has("failures"),
    taskStats: has("taskStats"),
    readiness: has("readiness"),
  };
}

export function appsEmbed(q: URLSearchParams): AppEmbeds {
  const values = q.getAll("embed").map((e) => e.replace(/^(group\.apps|apps|app)\./, ""));
  const e = appEmbedsFrom(values);
  // /v2/apps always carries the counts and deployments.
  return { ...e, counts: true, deployments: true };
}

export function appEmbedAll(): AppEmbeds {
  return { counts: true, tasks: true, deployments: true, lastTaskFailure: true, taskStats: false, readiness: true };
}

export function groupsEmbed(q: URLSearchParams): GroupEmbeds {
  const all = q.getAll("embed");
  if (all.length === 0) return { groups: true, apps: true, pods: true, app: appEmbedsFrom([]) };
  const appValues = all.filter((e) => e.startsWith("group.apps.")).map((e) => e.slice("group.apps.".length));
  return { groups: all.includes("group.groups"), apps: all.includes("group.apps"), pods: all.includes("group.pods"), app: appEmbedsFrom(appValues) };
}
