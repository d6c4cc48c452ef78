import { PANELS_BY_SOURCE } from "../panels/useClusterUpdates";

// The Weave panels' names under /api/v1/clusters/<id>/, and the poll source that feeds them: a
// cluster:update for weave.status refetches both. Registered here, beside the panels, so the
// page's one socket (useClusterUpdates) serves them like every other panel.

export const WEAVE_PANELS = { routers: "weave", dns: "weave/dns" } as const;

PANELS_BY_SOURCE["weave.status"] ??= [WEAVE_PANELS.routers, WEAVE_PANELS.dns];
