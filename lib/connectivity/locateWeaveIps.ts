import { shQuote } from "../shell/quote.ts";
import { execCommand } from "../ssh/execCommand.ts";
import { wordsOf } from "../upstream/wordsOf.ts";
import type { GroupContainer } from "./groupContainers.ts";
import { sharedConnectionPool } from "../ssh/sharedPool.ts";
import { parseWeavePs, weavePsCommand } from "./weaveIps.ts";

// The Weave IP of each container, asked on its own node (`weave ps <names>`, one short command per
// node over the shared pinned connections): Mesos and Marathon only know Docker's bridge IP
// (audit §2.2), and the pings need every container's overlay IP before any node starts.

export interface LocatedIps {
  ips: Map<string, string>;
  notes: string[];
}

/** `usernames`: the login of each node; a non-root login asks through `sudo -n`, as the runner's steps do. */
export async function locateWeaveIps(containers: readonly GroupContainer[], usernames: ReadonlyMap<string, string>, timeoutMs: number): Promise<LocatedIps> {
  const byNode = new Map<string, GroupContainer[]>();
  for (const c of containers) byNode.set(c.nodeId, [...(byNode.get(c.nodeId) ?? []), c]);
  const ips = new Map<string, string>();
  const notes: string[] = [];
  const pool = sharedConnectionPool();
  await Promise.all(
    [...byNode.entries()].map(async ([nodeId, here]) => {
      const names = here.map((c) => c.container);
      try {
        const client = await pool.get(nodeId);
        const sudo = usernames.get(nodeId) === "root" ? "" : "sudo -n ";
        const result = await execCommand(client, `${sudo}sh -c ${shQuote(weavePsCommand(names, shQuote))}`, timeoutMs);
        const found = parseWeavePs(result.stdout, names);
        for (const [name, ip] of found) ips.set(`${nodeId} ${name}`, ip);
        const missing = names.filter((n) => !found.has(n));
        if (missing.length) {
          const said = result.stdout.trim().split("\n").slice(-1)[0]?.slice(0, 200) ?? "";
          notes.push(`Weave on ${here[0]!.node} gave no IP for ${missing.join(", ")}${said ? ` (weave ps said: ${said})` : ""}: those containers are checked from but not pinged`);
        }
      } catch (error) {
        notes.push(`Could not ask Weave on ${here[0]!.node} for its containers' IPs (${wordsOf(error)}): they are checked from but not pinged`);
      }
    }),
  );
  return { ips, notes };
}
