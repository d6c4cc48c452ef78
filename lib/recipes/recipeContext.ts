import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { shQuote } from "../shell/quote.ts";
import type { RecipeContext, RecipeNode } from "./recipeTypes.ts";

const NUMERIC = new Set(["zookeeperPort", "mesosMasterPort", "mesosAgentPort", "marathonPort"]);

export function quoteSettings(settings: ClusterSettings): RecipeContext["q"] {
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([k]) => !NUMERIC.has(k))
      .map(([k, v]) => [k, shQuote(String(v))]),
  ) as RecipeContext["q"];
}

/** The masters in ensemble order: by name, then id, so the ZooKeeper ids never depend on query order. */
export function mastersInOrder(all: RecipeNode[]): RecipeNode[] {
  return all.filter((n) => n.isMaster).sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
}

export function recipeContext(settings: ClusterSettings, node: RecipeNode, all: RecipeNode[]): RecipeContext {
  const q = quoteSettings(settings);
  const masters = mastersInOrder(all);
  const place = masters.findIndex((m) => m.id === node.id);
  return {
    settings,
    q,
    node: { ...node, qAddress: shQuote(node.address) },
    masters: masters.map((m) => ({ ...m, qAddress: shQuote(m.address) })),
    zookeeperId: place >= 0 ? place + 1 : null,
    qPeers: all.filter((n) => n.id !== node.id).map((n) => shQuote(n.address)),
    paths: {
      mesos: shQuote(mesosTree(settings)),
      marathon: shQuote(marathonTree(settings)),
      state: shQuote(`${settings.armdeckDir}/state`),
    },
  };
}

/** One source tree per version, so an upgrade builds the new one beside the running one. */
export const mesosTree = (s: Pick<ClusterSettings, "sourceDir" | "mesosVersion">) => `${s.sourceDir}/mesos-${s.mesosVersion}`;
export const marathonTree = (s: Pick<ClusterSettings, "sourceDir" | "marathonVersion">) => `${s.sourceDir}/marathon-${s.marathonVersion}`;
/** Where Marathon's launcher is: sbt stages it under target/, a release tarball ships it in bin/. */
export const marathonBin = (s: Pick<ClusterSettings, "sourceDir" | "marathonVersion" | "marathonSource">) =>
  `${marathonTree(s)}/${s.marathonSource === "tarball" ? "bin" : "target/universal/stage/bin"}/marathon`;

/** host:port for URLs: an IPv6 address goes in brackets. */
export function hostPort(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/** zk://h1:2181,h2:2181,h3:2181/<path>, unquoted: every member of the ensemble, in ensemble order. */
export function ensembleUrl(masters: Pick<RecipeNode, "address">[], port: number, path: "mesos" | "marathon"): string {
  return `zk://${masters.map((m) => hostPort(m.address, port)).join(",")}/${path}`;
}

/** Ports are validated integers; zk:// URLs are built from them and the masters' addresses, quoted whole. */
export function zkUrl(ctx: RecipeContext, path: "mesos" | "marathon"): string {
  return shQuote(ensembleUrl(ctx.masters, ctx.settings.zookeeperPort, path));
}
