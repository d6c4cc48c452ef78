// The Weave panels' names under /api/v1/clusters/<id>/; a cluster:update for weave.status
// refetches both (PANELS_BY_SOURCE in ../panels/useClusterUpdates.ts).

export const WEAVE_PANELS = { routers: "weave", dns: "weave/dns" } as const;
