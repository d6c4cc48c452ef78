import { hostPort } from "../recipeContext.ts";
import type { RecipeContext } from "../recipeTypes.ts";

// The zoo.cfg lines Armdeck owns, apart from the version-specific ones the configure step adds on
// the node once it knows the bundled version. Both 3.4 and 3.5+ read the static `server.N` form;
// 3.5+'s dynamic form (`…:3888;2181`) is only needed with reconfigEnabled, which stays off (its
// default), so 3.5+ neither moves these lines into a zoo.cfg.dynamic file nor rewrites zoo.cfg.

export const QUORUM_PORT = 2888;
export const ELECTION_PORT = 3888;

/** dataDir, clientPort, clientPortAddress and, for an ensemble, one server.N line per master. */
export function zooCfgLines(c: RecipeContext): string[] {
  const lines = [`dataDir=${c.settings.armdeckDir}/zookeeper`, `clientPort=${c.settings.zookeeperPort}`, `clientPortAddress=${c.node.address}`];
  if (c.masters.length > 1) {
    // 3.5+ binds the quorum and election ports to the address in the server's own line, so each
    // line holds the address the other masters reach that node at. IPv6 goes in brackets.
    c.masters.forEach((m, i) => lines.push(`server.${i + 1}=${hostPort(m.address, QUORUM_PORT)}:${ELECTION_PORT}`));
  }
  return lines;
}

/** The myid file's content: only an ensemble member has one (a standalone server ignores it). */
export function myidOf(c: RecipeContext): string | null {
  return c.masters.length > 1 && c.zookeeperId !== null ? String(c.zookeeperId) : null;
}
