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

export function recipeContext(settings: ClusterSettings, node: RecipeNode, master: RecipeNode, all: RecipeNode[]): RecipeContext {
  const q = quoteSettings(settings);
  return {
    settings,
    q,
    node: { ...node, qAddress: shQuote(node.address) },
    master: { ...master, qAddress: shQuote(master.address) },
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

/** host:port for URLs: an IPv6 address goes in brackets. */
export function hostPort(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Ports are validated integers; zk:// URLs are built from them and a quoted address. */
export function zkUrl(ctx: RecipeContext, path: "mesos" | "marathon"): string {
  return shQuote(`zk://${hostPort(ctx.master.address, ctx.settings.zookeeperPort)}/${path}`);
}
