// The poll source that reads Weave (lib/upstream/clusterSources.ts declares its rate and lane).
export const WEAVE_SOURCE = "weave.status";
