import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import type { RecipeNode } from "../recipes/recipeTypes.ts";
import type { PreflightCheck } from "./checkNames.ts";

// What each node's preflight script must look at, from the nodes' roles and the cluster's
// settings. Pure: the script renderer and the evaluator both read the same plan.

export interface ProbeNode extends RecipeNode {
  /** The name the node reported (uname -n): the one Mesos advertises, so every node must resolve it. */
  hostname: string;
}

export interface PortProbe {
  check: PreflightCheck;
  proto: "tcp" | "udp";
  port: number;
  /** The Armdeck service that listens there once the cluster runs (its pid file or unit says if it does). */
  service: string;
  purpose: string;
}

export interface ReachProbe {
  /** The key its line carries in the output: reach:<i>. */
  key: string;
  check: PreflightCheck;
  target: ProbeNode;
  port: number;
}

export interface ResolveProbe {
  key: string;
  target: ProbeNode;
}

export interface NodeProbePlan {
  node: ProbeNode;
  ports: PortProbe[];
  /** TCP ports this node listens on (when free) for the reach window, so peers can test the path. */
  listen: number[];
  reach: ReachProbe[];
  resolve: ResolveProbe[];
}

export function preflightTargets(settings: ClusterSettings, nodes: ProbeNode[]): NodeProbePlan[] {
  const masters = nodes.filter((n) => n.isMaster);
  return nodes.map((node, index) => {
    const ports: PortProbe[] = [];
    const listen: number[] = [];
    if (node.isMaster) {
      ports.push(
        { check: "port:2181", proto: "tcp", port: settings.zookeeperPort, service: "zookeeper", purpose: "ZooKeeper clients" },
        { check: "port:2888", proto: "tcp", port: 2888, service: "zookeeper", purpose: "ZooKeeper followers" },
        { check: "port:3888", proto: "tcp", port: 3888, service: "zookeeper", purpose: "ZooKeeper leader election" },
        { check: "port:5050", proto: "tcp", port: settings.mesosMasterPort, service: "mesos-master", purpose: "the Mesos master" },
        { check: "port:8080", proto: "tcp", port: settings.marathonPort, service: "marathon", purpose: "Marathon" },
      );
      listen.push(settings.mesosMasterPort, settings.zookeeperPort);
      if (masters.length > 1) listen.push(2888, 3888);
    }
    if (node.isAgent) ports.push({ check: "port:5051", proto: "tcp", port: settings.mesosAgentPort, service: "mesos-agent", purpose: "the Mesos agent" });
    ports.push(
      { check: "port:6783/tcp", proto: "tcp", port: 6783, service: "weave", purpose: "the Weave router's control" },
      { check: "port:6783/udp", proto: "udp", port: 6783, service: "weave", purpose: "Weave's sleeve data path" },
      { check: "port:6784/udp", proto: "udp", port: 6784, service: "weave", purpose: "Weave's fast data path" },
    );
    listen.push(6783);

    const reach: ReachProbe[] = [];
    const add = (check: PreflightCheck, target: ProbeNode, port: number) => reach.push({ key: `reach:${reach.length}`, check, target, port });
    // Agents register with the masters through ZooKeeper; in an ensemble the masters also talk to
    // each other: Mesos's replicated log on 5050, Marathon's ZooKeeper sessions on 2181, and
    // ZooKeeper's followers (2888) and leader election (3888).
    const ensemble = node.isMaster && masters.length > 1;
    if (node.isAgent || ensemble) {
      for (const m of masters.filter((m) => m.id !== node.id)) {
        add("reach:master:5050", m, settings.mesosMasterPort);
        add("reach:master:2181", m, settings.zookeeperPort);
        if (ensemble) {
          add("reach:master:2888", m, 2888);
          add("reach:master:3888", m, 3888);
        }
      }
    }
    // Weave peers with every node, so every pair must reach each other's router port.
    for (const peer of nodes.filter((p) => p.id !== node.id)) add("reach:peer:6783", peer, 6783);
    // Each node walks its targets in a different order (rotated by its place), so at any moment
    // each listener has about one caller: nc -l takes one connection at a time.
    const shift = reach.length ? index % reach.length : 0;
    reach.push(...reach.splice(0, shift));

    const resolve = nodes.filter((n) => n.hostname).map((target, i) => ({ key: `resolve:${i}`, target }));
    return { node, ports, listen: [...new Set(listen)], reach, resolve };
  });
}
