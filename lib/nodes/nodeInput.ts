import { z } from "zod";

// Client-safe: the wizard validates with these same schemas before the server does it again.
// Addresses, users and names may later reach a shell (peers, --ip flags), so they are held to
// strict grammars here and still quoted wherever they are used.

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const DOTTED_NUMBERS = /^[0-9.]+$/;

export const addressSchema = z
  .string({ error: "Required" })
  .trim()
  .min(1, "Required")
  .max(253, "At most 253 characters")
  .refine(
    (v) =>
      z.ipv4().safeParse(v).success ||
      z.ipv6().safeParse(v.replace(/^\[(.*)\]$/, "$1")).success ||
      (HOSTNAME.test(v) && !DOTTED_NUMBERS.test(v)),
    "Enter a hostname, an IPv4 or an IPv6 address (no spaces, quotes or shell characters)",
  )
  .transform((v) => v.replace(/^\[(.*)\]$/, "$1"));

// A form sends the port as text: an empty field is "Required", not the 0 that Number("") makes.
export const portSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? "Required" : "Enter a port number") })
    .int("Enter a whole number")
    .min(1, "Port must be between 1 and 65535")
    .max(65535, "Port must be between 1 and 65535"),
);

export const sshUserSchema = z
  .string({ error: "Required" })
  .trim()
  .min(1, "Required")
  .max(32, "At most 32 characters")
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "A Unix user name: letters, digits, '_', '.', '-' (no spaces, quotes or shell characters)");

export const nodeNameSchema = z
  .string({ error: "Required" })
  .trim()
  .min(1, "Required")
  .max(63, "At most 63 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, '.', '_' and '-', starting with a letter or digit");

export const NODE_ROLES = ["master", "agent", "both"] as const;
export type NodeRole = (typeof NODE_ROLES)[number];
export const roleSchema = z.enum(NODE_ROLES, { error: "Choose master, agent or both" });

const MAX_KEY = 16 * 1024;

export const keyAuthSchema = z.object({
  kind: z.literal("key"),
  privateKey: z
    .string({ error: "Required" })
    .min(1, "Paste or upload a private key")
    .max(MAX_KEY, "A private key is at most 16 KiB")
    .refine((v) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(v) || /^PuTTY-User-Key-File-/m.test(v), "Not a private key: expected '-----BEGIN … PRIVATE KEY-----'"),
  passphrase: z.string().max(1024, "At most 1024 characters").optional(),
});

export const passwordAuthSchema = z.object({
  kind: z.literal("password"),
  password: z.string({ error: "Required" }).min(1, "Required").max(1024, "At most 1024 characters"),
});

export const authSchema = z.discriminatedUnion("kind", [keyAuthSchema, passwordAuthSchema], {
  error: "Choose key or password authentication",
});
export type AuthInput = z.infer<typeof authSchema>;

export const fingerprintSchema = z
  .string({ error: "Confirm the host key first" })
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "A SHA256 fingerprint as ssh-keygen -lf prints it (SHA256:…)");

export const connectionSchema = z.object({
  address: addressSchema,
  port: portSchema.default(22),
  username: sshUserSchema,
  auth: authSchema,
});
export type ConnectionInput = z.infer<typeof connectionSchema>;

/**
 * Probing reads only the host key; credentials, when given, are checked for form but not sent.
 * A name, when given, is checked to be free, so the wizard says so at step 1.
 */
export const probeSchema = connectionSchema.extend({ username: sshUserSchema.optional(), auth: authSchema.optional(), name: nodeNameSchema.optional() });
export type ProbeInput = z.infer<typeof probeSchema>;

export const factsRequestSchema = connectionSchema.extend({ hostKeyFingerprint: fingerprintSchema });

export const createNodeSchema = factsRequestSchema.extend({
  name: nodeNameSchema,
  role: roleSchema,
  /** Add a machine that is already a node (same host key, or same address and port) anyway. */
  allowDuplicate: z.boolean().optional(),
  /** The provisioned cluster the node joins; the first cluster when omitted. */
  clusterId: z.number({ error: "A cluster id" }).int("A cluster id").min(1, "A cluster id").max(2 ** 31).optional(),
});
export type CreateNodeInput = z.infer<typeof createNodeSchema>;

/** Connection fields that change which machine or login is used require a fresh confirmed key. */
export const updateNodeSchema = z
  .object({
    name: nodeNameSchema.optional(),
    role: roleSchema.optional(),
    address: addressSchema.optional(),
    port: portSchema.optional(),
    username: sshUserSchema.optional(),
    auth: authSchema.optional(),
    hostKeyFingerprint: fingerprintSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change")
  .refine((v) => (v.address === undefined && v.port === undefined) || v.hostKeyFingerprint !== undefined, {
    message: "A new address or port needs its host key confirmed (probe it first)",
    path: ["hostKeyFingerprint"],
  });
export type UpdateNodeInput = z.infer<typeof updateNodeSchema>;

export const repinSchema = z.object({ hostKeyFingerprint: fingerprintSchema });
