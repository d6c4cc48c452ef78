import { z } from "zod";

// The matrix a check was planned with, stored beside its plan run (ConnectivityCheck.layout): which
// container runs where, which names are resolved and which IPs pinged. The node scripts refer to
// rows and columns by index only, so their output maps back to these without trusting any text.

export const layoutContainerSchema = z.object({
  app: z.string(),
  task: z.string(),
  nodeId: z.string(),
  node: z.string(),
  container: z.string(),
  ip: z.string().nullable(),
  /** The app's Weave hostname (`ubuntu1.weave.local`), when it has a valid one. */
  hostname: z.string().nullable(),
});
export type LayoutContainer = z.output<typeof layoutContainerSchema>;

export const checkLayoutSchema = z.object({
  groupId: z.string(),
  containers: z.array(layoutContainerSchema),
  /** Column order: names (FQDN, no trailing dot), then IPs with the container index that owns each. */
  names: z.array(z.string()),
  targets: z.array(z.object({ ip: z.string(), container: z.number().int() })),
  notes: z.array(z.string()),
  /** The operator allowed installing ping into containers without it. */
  installPing: z.boolean().default(false),
});
export type CheckLayout = z.output<typeof checkLayoutSchema>;

// Validators for every value that reaches a node's shell. They are quoted too; these make sure a
// value is what it claims to be, so a hostile Marathon state is data that gets left out, with a note.

const LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
const WEAVE_FQDN = new RegExp(`^(${LABEL}\\.){1,8}weave\\.local$`);
const CONTAINER_NAME = /^mesos-[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

/** `ubuntu1.weave.local` or `ubuntu1.weave.local.` → `ubuntu1.weave.local`; anything else → null. */
export function weaveFqdn(hostname: string): string | null {
  if (hostname.length > 253) return null;
  const name = (hostname.endsWith(".") ? hostname.slice(0, -1) : hostname).toLowerCase();
  return WEAVE_FQDN.test(name) ? name : null;
}

export function isDockerName(name: string): boolean {
  return CONTAINER_NAME.test(name);
}

export function isIpv4(ip: string): boolean {
  return IPV4.test(ip);
}
