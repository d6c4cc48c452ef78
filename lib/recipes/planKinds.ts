// Client-safe: the plans an operator can run, and which components each covers.
export const PLANS = {
  "bring-up": { title: "Bring up cluster", description: "Prepare, build and start everything, in dependency order" },
  prepare: { title: "Prepare", description: "Packages, JDK, Docker, sbt and the base image" },
  build: { title: "Build", description: "Mesos from source (with the aarch64 fix where needed), ZooKeeper, Weave, Marathon" },
  start: { title: "Start", description: "ZooKeeper, Weave routers, Mesos master and agents, Marathon" },
  stop: { title: "Stop", description: "Every service, in reverse order" },
  restart: { title: "Restart", description: "Stop, then start" },
  status: { title: "Status", description: "Probe every service: ruok, /health, /ping, weave status" },
  upgrade: { title: "Rolling upgrade", description: "Build the new Mesos/Marathon beside the old, then restart one node at a time behind health gates" },
} as const;
export type PlanKind = keyof typeof PLANS;
export const PLAN_KINDS = Object.keys(PLANS) as PlanKind[];

/** Runs that are read-only probes, not plans of steps (lib/preflight, lib/drift, lib/connectivity); /runs lists them too. */
export const PROBE_RUNS = {
  preflight: { title: "Preflight", description: "Read-only checks of every node before anything changes it" },
  verify: { title: "Verify", description: "Every step's check on every node: what no longer holds" },
  connectivity: { title: "Connectivity check", description: "Inside a group's containers: every app name resolved, every Weave IP pinged" },
} as const;
export type RunKind = PlanKind | keyof typeof PROBE_RUNS;
export const RUN_TITLES: Record<RunKind, string> = {
  ...(Object.fromEntries(PLAN_KINDS.map((k) => [k, PLANS[k].title])) as Record<PlanKind, string>),
  preflight: PROBE_RUNS.preflight.title,
  verify: PROBE_RUNS.verify.title,
  connectivity: PROBE_RUNS.connectivity.title,
};
export const RUN_KINDS = Object.keys(RUN_TITLES) as RunKind[];
