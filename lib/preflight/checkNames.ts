// Client-safe: the fixed list of preflight checks, what each finding looks like, and the
// thresholds the checks apply (docs/preflight.md repeats them for operators).

export const PREFLIGHT_CHECKS = [
  "arch",
  "os",
  // OS × compiler × JDK against what docs/builds.md proved for the chosen Mesos version.
  "toolchain",
  "disk",
  "memory",
  "cpus",
  "clock",
  "port:2181",
  "port:2888",
  "port:3888",
  "port:5050",
  "port:5051",
  "port:8080",
  "port:6783/tcp",
  "port:6783/udp",
  "port:6784/udp",
  "reach:master:5050",
  "reach:master:2181",
  "reach:master:2888",
  "reach:master:3888",
  "reach:peer:6783",
  "resolve",
  "sudo",
  "docker",
  "duplicate",
  // Not a probe: the node could not be asked at all (SSH refused, host key changed, no facts).
  "ssh",
] as const;
export type PreflightCheck = (typeof PREFLIGHT_CHECKS)[number];

export const CHECK_STATUSES = ["ok", "warn", "fail"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One finding: for preflight `check` is a PreflightCheck, for verify a recipe step id. */
export interface CheckResult {
  nodeId: string;
  node: string;
  check: string;
  status: CheckStatus;
  /** What was found and, when it is not ok, the fix, in words. */
  detail: string;
}

export const PREFLIGHT_THRESHOLDS = {
  /** Free space where Mesos is built (the source folder): the build tree of 1.4 is about 4 GB. */
  diskFailMb: 4 * 1024,
  diskWarnMb: 10 * 1024,
  memoryFailMb: 2 * 1024,
  memoryWarnMb: 4 * 1024,
  /** `make -j<cpus>` compiles C++ needing about 1 GB per job: fewer GB than CPUs swaps or is OOM-killed. */
  memoryMbPerMakeJob: 1024,
  /** Clock skew between nodes: ZooKeeper sessions and Mesos's timeouts tolerate little. */
  clockWarnSeconds: 2,
  clockFailSeconds: 30,
  /** How long masters (and agents on 6783) listen for peers to test reachability. */
  reachWindowSeconds: 3,
} as const;

/** Architectures the runbook and its fixes are for; OS families it installs packages on. */
export const SUPPORTED_ARCHS = ["aarch64", "arm64", "x86_64", "amd64"] as const;
export const SUPPORTED_OS_IDS = ["debian", "ubuntu"] as const;

const ORDER = new Map<string, number>(PREFLIGHT_CHECKS.map((c, i) => [c, i]));

/** Stable order for tables: by node, then by the documented list (unknown names last, by name). */
export function sortChecks<T extends { node: string; check: string }>(checks: T[]): T[] {
  const rank = (c: string) => ORDER.get(c) ?? PREFLIGHT_CHECKS.length;
  return [...checks].sort((a, b) => a.node.localeCompare(b.node) || rank(a.check) - rank(b.check) || a.check.localeCompare(b.check));
}

export function worstStatus(checks: { status: CheckStatus }[]): CheckStatus {
  if (checks.some((c) => c.status === "fail")) return "fail";
  if (checks.some((c) => c.status === "warn")) return "warn";
  return "ok";
}
