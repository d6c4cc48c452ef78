import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";

export type Placement = "master" | "agents" | "all";

export const COMPONENTS = [
  "prerequisites",
  "mesos",
  "zookeeper",
  "weave",
  "marathon",
  "zookeeper-service",
  "weave-router",
  "mesos-master",
  "mesos-agent",
  "marathon-service",
] as const;
export type ComponentId = (typeof COMPONENTS)[number];

export interface RecipeNode {
  id: string;
  name: string;
  /** The node's IP address (Mesos --ip, probes, peers, ZooKeeper URLs). */
  address: string;
  arch: string;
  cpus: number | null;
  /** os-release ID and VERSION_ID from the node's facts (the JDK choice and the build matrix read them). */
  osId?: string;
  osVersion?: string;
  systemd: boolean;
  isMaster: boolean;
  isAgent: boolean;
}

/**
 * What a step's script may use. Every string that came from a person is here only in quoted form
 * (`q`), so a recipe cannot put a raw value into a shell script by accident.
 */
export interface RecipeContext {
  settings: ClusterSettings;
  /** Shell-quoted settings: q.sourceDir is "'/opt/armdeck'". Numbers are validated integers. */
  q: Record<Exclude<keyof ClusterSettings, "zookeeperPort" | "mesosMasterPort" | "mesosAgentPort" | "marathonPort">, string>;
  node: RecipeNode & { qAddress: string };
  /** Every master, sorted by name (a stable order: it numbers the ZooKeeper ensemble). */
  masters: (RecipeNode & { qAddress: string })[];
  /** This node's ZooKeeper server id (myid): its 1-based place among the masters; null elsewhere. */
  zookeeperId: number | null;
  /** The other nodes' quoted addresses (Weave peers). */
  qPeers: string[];
  /** Derived quoted paths. */
  paths: { mesos: string; marathon: string; state: string };
}

export interface StepDef {
  id: string;
  component: ComponentId;
  title: string;
  where: Placement;
  /** Step ids that must succeed first: on the same node when it runs them, else wherever they run. */
  after: string[];
  /** Step ids that must succeed on every node that runs them (ZooKeeper on all masters before any Mesos master). */
  afterEverywhere?: string[];
  mutating: boolean;
  /** A status probe: its job ends as a report of what it found (serviceStatusLine.ts), not as pass/fail. */
  reports?: boolean;
  appliesTo?: (ctx: RecipeContext) => boolean;
  /** Exit 0 means already done: the step is skipped, so re-running a plan is safe and fast. */
  check?: (ctx: RecipeContext) => string;
  run: (ctx: RecipeContext) => string;
}
