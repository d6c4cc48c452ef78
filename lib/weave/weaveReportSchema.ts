import { z } from "zod";

// The Weave router's GET /report (Accept: application/json) as Weave Net 2.8.1 writes it
// (prog/weaver/http.go:295-304, ../shared/reference/weave/report-fields.md): Go field names,
// empty slices as null, Router flattening mesh.Status. Only what Armdeck reads is required;
// everything else may be missing (a router with IPAM or DNS off leaves those sections out).

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const weavePeerConnectionSchema = z.object({
  Name: z.string(),
  NickName: z.string().default(""),
  Address: z.string().default(""),
  Outbound: z.boolean().default(false),
  Established: z.boolean().default(false),
});

export const weavePeerSchema = z.object({
  Name: z.string(),
  NickName: z.string().default(""),
  Connections: list(weavePeerConnectionSchema),
});

/** mesh LocalConnectionStatus: State is established|pending|retrying|failed|connecting|waiting. */
export const weaveConnectionSchema = z.object({
  Address: z.string(),
  Outbound: z.boolean().default(false),
  State: z.string(),
  Info: z.string().default(""),
  Attrs: z.record(z.string(), z.unknown()).nullish(),
});
export type WeaveConnection = z.output<typeof weaveConnectionSchema>;

export const weaveRouterSchema = z.object({
  Name: z.string(),
  NickName: z.string().default(""),
  Encryption: z.boolean().default(false),
  Peers: list(weavePeerSchema),
  Connections: list(weaveConnectionSchema),
  Targets: list(z.string()),
});

/** IPAM ring entries use `Nickname` (lower-case n), unlike the rest of the report. */
export const weaveIpamSchema = z.object({
  Paxos: z.object({ Elector: z.boolean(), KnownNodes: z.number(), Quorum: z.number() }).nullish(),
  Range: z.string().default(""),
  RangeNumIPs: z.number().default(0),
  ActiveIPs: z.number().default(0),
  DefaultSubnet: z.string().default(""),
  Entries: list(z.object({ Token: z.string(), Size: z.number(), Peer: z.string(), Nickname: z.string().default(""), IsKnownPeer: z.boolean().default(true) })),
});

/** Hostname is an FQDN with its trailing dot; Tombstone 0 = live, else the Unix time it was deleted. */
export const weaveDnsEntrySchema = z.object({
  Hostname: z.string(),
  Origin: z.string(),
  ContainerID: z.string(),
  Address: z.string(),
  Version: z.number().default(0),
  Tombstone: z.number().default(0),
});
export type WeaveDnsEntry = z.output<typeof weaveDnsEntrySchema>;

export const weaveDnsSchema = z.object({
  Domain: z.string().default("weave.local."),
  Entries: list(weaveDnsEntrySchema),
});

export const weaveReportSchema = z.object({
  Ready: z.boolean().default(true),
  Version: z.string(),
  Router: weaveRouterSchema,
  IPAM: weaveIpamSchema.nullish(),
  DNS: weaveDnsSchema.nullish(),
});
export type WeaveReport = z.output<typeof weaveReportSchema>;
