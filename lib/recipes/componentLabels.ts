import type { ComponentId } from "./recipeTypes.ts";

// Client-safe: what each component is called on screen and in confirmation messages.
export const COMPONENT_LABELS: Record<ComponentId, string> = {
  prerequisites: "Prerequisites",
  mesos: "Mesos build",
  zookeeper: "ZooKeeper config",
  weave: "Weave install",
  marathon: "Marathon build",
  "zookeeper-service": "ZooKeeper service",
  "weave-router": "Weave router",
  "mesos-master": "Mesos master",
  "mesos-agent": "Mesos agents",
  "marathon-service": "Marathon service",
};
