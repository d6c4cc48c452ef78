import { z } from "zod";

// Client-safe: the shape of what Armdeck learns about a node, and how it reads the script's output.
export const nodeFactsSchema = z.object({
  arch: z.string(),
  os: z.string(),
  osId: z.string(),
  osVersion: z.string(),
  kernel: z.string(),
  hostname: z.string(),
  /** The node's IP address as its SSH server saw Armdeck's connection arrive (Mesos --ip needs an IP). */
  ip: z.string().nullable().default(null),
  cpus: z.number().int().nullable(),
  memoryMb: z.number().int().nullable(),
  diskPath: z.string(),
  diskFreeMb: z.number().int().nullable(),
  sudo: z.enum(["root", "passwordless", "needs-password"]),
  systemd: z.boolean(),
  tools: z.object({
    docker: z.string().nullable(),
    java: z.string().nullable(),
    git: z.string().nullable(),
    automake: z.string().nullable(),
    make: z.string().nullable(),
  }),
  gatheredAt: z.string(),
});
export type NodeFacts = z.infer<typeof nodeFactsSchema>;

export const FACT_TOOLS = ["docker", "java", "git", "automake", "make"] as const;

function int(v: string | undefined): number | null {
  return v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null;
}

/** Parses the key=value lines FACTS_SCRIPT prints; unknown lines are ignored. */
export function parseFacts(output: string, gatheredAt = new Date()): NodeFacts {
  const kv = new Map<string, string>();
  for (const line of output.split("\n")) {
    const m = line.match(/^([a-z_]+)=(.*)$/);
    if (m) kv.set(m[1]!, m[2]!.trim());
  }
  // A node reports these itself; nothing it says may carry control characters into our pages or scripts.
  const get = (k: string) => (kv.get(k) ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 256);
  const memKb = int(kv.get("mem_kb"));
  const diskKb = int(kv.get("disk_free_kb"));
  const sudo = get("sudo");
  return {
    arch: /^[A-Za-z0-9_.-]{1,32}$/.test(get("arch")) ? get("arch") : "unknown",
    os: get("os_pretty") || [get("os_name"), get("os_version")].filter(Boolean).join(" ") || "unknown",
    osId: get("os_id"),
    osVersion: get("os_version"),
    kernel: get("kernel"),
    hostname: get("hostname"),
    ip: isIpAddress(get("ssh_ip")) ? get("ssh_ip") : null,
    cpus: int(kv.get("cpus")),
    memoryMb: memKb === null ? null : Math.round(memKb / 1024),
    diskPath: get("disk_path"),
    diskFreeMb: diskKb === null ? null : Math.round(diskKb / 1024),
    sudo: sudo === "root" ? "root" : sudo === "yes" ? "passwordless" : "needs-password",
    systemd: get("systemd") === "yes",
    tools: Object.fromEntries(FACT_TOOLS.map((t) => [t, get(`tool_${t}`) || null])) as NodeFacts["tools"],
    gatheredAt: gatheredAt.toISOString(),
  };
}

export function isIpAddress(value: string): boolean {
  return z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success;
}

/** aarch64 is the architecture the runbook's build fixes are for. */
export function isArm64(arch: string): boolean {
  return arch === "aarch64" || arch === "arm64";
}
