import { z } from "zod";

// The reply to ZooKeeper's `srvr` four-letter word (four-letter-words.md in the ZooKeeper
// reference): `Key: value` lines, the same in 3.4 and 3.8 apart from a double average latency and
// 3.8's proposal sizes on the leader. A server that is up but not in a quorum answers one line
// instead, and a 3.5+ server with srvr off the whitelist says so: both are answers, not garbage.

export const ZK_NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

const MODES = ["leader", "follower", "standalone", "observer", "read-only"] as const;
export type ZookeeperMode = (typeof MODES)[number];

const servingSchema = z.object({
  version: z.string().min(1),
  mode: z.enum(MODES),
  zxid: z.string().regex(/^0x[0-9a-f]{1,16}$/i).nullable(),
  nodeCount: z.number().int().nonnegative().nullable(),
  connections: z.number().int().nonnegative().nullable(),
});

export type SrvrReply =
  | ({ serving: true } & z.infer<typeof servingSchema>)
  | { serving: false; reason: "not_serving" | "not_whitelisted"; said: string };

export class SrvrParseError extends Error {}

const intOrNull = (v: string | undefined) => (v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : null);

export function parseSrvr(text: string): SrvrReply {
  const trimmed = text.trim();
  if (trimmed === ZK_NOT_SERVING) return { serving: false, reason: "not_serving", said: trimmed };
  if (trimmed.endsWith("is not executed because it is not in the whitelist.")) return { serving: false, reason: "not_whitelisted", said: trimmed };
  const fields = new Map<string, string>();
  for (const line of trimmed.split("\n")) {
    const cut = line.indexOf(": ");
    if (cut > 0) fields.set(line.slice(0, cut).trim(), line.slice(cut + 2).trim());
  }
  const parsed = servingSchema.safeParse({
    version: fields.get("Zookeeper version"),
    mode: fields.get("Mode"),
    zxid: fields.get("Zxid") ?? null,
    nodeCount: intOrNull(fields.get("Node count")),
    connections: intOrNull(fields.get("Connections")),
  });
  if (!parsed.success) throw new SrvrParseError(`not a srvr reply (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}): ${JSON.stringify(trimmed.slice(0, 120))}`);
  return { serving: true, ...parsed.data };
}
