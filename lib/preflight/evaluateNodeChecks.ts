import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { hostPort } from "../recipes/recipeContext.ts";
import { PREFLIGHT_THRESHOLDS as T, SUPPORTED_ARCHS, SUPPORTED_OS_IDS, type CheckResult, type CheckStatus, type PreflightCheck } from "./checkNames.ts";
import { evaluateToolchain } from "./evaluateToolchain.ts";
import type { NodeProbePlan } from "./preflightTargets.ts";
import { probeValue, type ProbeValues } from "./probeOutput.ts";

// Turns one node's probe output into findings, each with the fix in words. Clock skew and
// duplicates need every node and the database: evaluateClockSkew.ts, duplicateChecks.ts.

const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;
const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);

export function evaluateNodeChecks(settings: ClusterSettings, plan: NodeProbePlan, values: ProbeValues): CheckResult[] {
  const { node } = plan;
  const out: CheckResult[] = [];
  const add = (check: PreflightCheck, status: CheckStatus, detail: string) => out.push({ nodeId: node.id, node: node.name, check, status, detail });
  const get = (k: string) => probeValue(values, k);

  const arch = get("arch") ?? "";
  if ((SUPPORTED_ARCHS as readonly string[]).includes(arch)) add("arch", "ok", arch);
  else add("arch", "fail", `${arch || "unknown"}: Armdeck builds Mesos on aarch64 and x86_64 only; use a machine of either`);

  const osId = get("os_id") ?? "";
  const osName = get("os_pretty") || [osId, get("os_version")].filter(Boolean).join(" ") || "unknown";
  if ((SUPPORTED_OS_IDS as readonly string[]).includes(osId)) add("os", "ok", osName);
  else add("os", "fail", `${osName}: the runbook installs with apt-get; use Debian or Ubuntu`);

  const toolchain = evaluateToolchain(settings, node, values);
  add("toolchain", toolchain.status, toolchain.detail);

  const cpus = int(get("cpus"));
  const memMb = int(get("mem_kb")) === null ? null : Math.round(int(get("mem_kb"))! / 1024);
  const diskMb = int(get("disk_free_kb")) === null ? null : Math.round(int(get("disk_free_kb"))! / 1024);
  const diskPath = get("disk_path") ?? settings.sourceDir;

  if (diskMb === null) add("disk", "fail", `could not read the free space of ${diskPath} (df printed nothing usable)`);
  else if (diskMb < T.diskFailMb) add("disk", "fail", `${gb(diskMb)} free on ${diskPath}; building Mesos needs at least ${gb(T.diskFailMb)}: free space or move the source folder`);
  else if (diskMb < T.diskWarnMb) add("disk", "warn", `${gb(diskMb)} free on ${diskPath}; ${gb(T.diskWarnMb)} leaves room for the build and for task sandboxes`);
  else add("disk", "ok", `${gb(diskMb)} free on ${diskPath}`);

  if (memMb === null) add("memory", "fail", "could not read MemTotal from /proc/meminfo");
  else if (memMb < T.memoryFailMb) add("memory", "fail", `${gb(memMb)} of memory; compiling Mesos needs at least ${gb(T.memoryFailMb)}: use a larger machine`);
  else if (memMb < T.memoryWarnMb) add("memory", "warn", `${gb(memMb)} of memory; below ${gb(T.memoryWarnMb)} the build is slow and tasks get little`);
  else add("memory", "ok", `${gb(memMb)} of memory`);

  if (cpus === null) add("cpus", "warn", "could not count CPUs (nproc); the build runs make -j1");
  else if (memMb !== null && cpus * T.memoryMbPerMakeJob > memMb) {
    add("cpus", "warn", `make -j${cpus} needs about ${gb(cpus * T.memoryMbPerMakeJob)} but the node has ${gb(memMb)}: the build may be killed for memory; add memory or swap`);
  } else if (cpus < 2) add("cpus", "warn", `1 CPU: make -j1 builds Mesos in hours; 2 or more are better`);
  else add("cpus", "ok", `${cpus} CPUs: make -j${cpus}`);

  const sudo = get("sudo");
  if (sudo === "root" || sudo === "yes") add("sudo", "ok", sudo === "root" ? "logged in as root" : "sudo -n works without a terminal");
  else add("sudo", "fail", "sudo -n asks for a password: allow NOPASSWD sudo for this user, or log in as root");

  const docker = get("docker");
  const candidate = get("docker_candidate");
  if (docker) add("docker", "ok", `present at ${docker}`);
  else if (candidate && candidate !== "(none)") add("docker", "ok", `not installed; Prepare installs ${settings.dockerPackage} ${candidate} from apt`);
  else add("docker", "warn", `not installed and apt has no candidate for ${settings.dockerPackage}: run apt-get update or add its package source, or Prepare stops at prereq.docker`);

  evaluatePorts(plan, values, add);
  evaluateReach(plan, values, add);
  evaluateResolve(plan, values, add);
  return out;
}

type Add = (check: PreflightCheck, status: CheckStatus, detail: string) => void;

function evaluatePorts(plan: NodeProbePlan, values: ProbeValues, add: Add): void {
  if (probeValue(values, "ss") !== "yes") {
    for (const p of plan.ports) add(p.check, "warn", `cannot tell whether ${p.proto} ${p.port} is free: ss is missing (install iproute2)`);
    return;
  }
  const listeners = (values.get("listen") ?? []).map((l) => l.split(" ") as [string, string]);
  const up = new Set(values.get("service_up") ?? []);
  for (const p of plan.ports) {
    const holders = listeners.filter(([proto, local]) => proto === p.proto && holdsPort(local, p.port, plan.node.address)).map(([, local]) => local);
    if (holders.length === 0) add(p.check, "ok", `${p.proto} ${p.port} is free for ${p.purpose}`);
    else if (up.has(p.service)) add(p.check, "ok", `${p.proto} ${p.port} is held by this cluster's ${p.service}, which already runs`);
    else add(p.check, "fail", `${p.proto} ${p.port} (${p.purpose}) is already taken on ${holders.join(", ")}: stop what listens there (ss -lntup shows it)`);
  }
}

/** A listener takes the port from us when it is bound to every address or to the node's own. */
function holdsPort(local: string, port: number, address: string): boolean {
  const i = local.lastIndexOf(":");
  if (local.slice(i + 1) !== String(port)) return false;
  // ss prints an IPv4 address bound by an IPv6 socket as [::ffff:a.b.c.d].
  const bracketed = local.slice(0, i).replace(/^\[|\]$/g, "");
  // Drop an interface scope (fe80::1%eth0); an IPv4-mapped address is its IPv4 one.
  const scope = bracketed.indexOf("%");
  const host = (scope < 0 ? bracketed : bracketed.slice(0, scope)).replace(/^::ffff:(?=\d+\.)/, "");
  return host === "*" || host === "0.0.0.0" || host === "::" || host === address;
}

function evaluateReach(plan: NodeProbePlan, values: ProbeValues, add: Add): void {
  const hasNc = probeValue(values, "nc") === "yes";
  for (const r of plan.reach) {
    const target = `${r.target.name} ${hostPort(r.target.address, r.port)}`;
    const answer = probeValue(values, r.key);
    if (!hasNc) add(r.check, "warn", `cannot test ${target}: nc is missing (install netcat-openbsd)`);
    else if (answer === "ok") add(r.check, "ok", `${target} accepts TCP connections (nc -z)`);
    else add(r.check, "fail", `${target} cannot be reached (nc -z: ${answer?.replace(/^no: ?/, "") || "no answer"}): open TCP ${r.port} between the nodes in the firewall`);
  }
}

function evaluateResolve(plan: NodeProbePlan, values: ProbeValues, add: Add): void {
  if (plan.resolve.length === 0) return;
  const missing: string[] = [];
  const elsewhere: string[] = [];
  for (const r of plan.resolve) {
    const ips = (probeValue(values, r.key) ?? "").split(" ").filter(Boolean);
    if (ips.length === 0) missing.push(r.target.hostname);
    else if (!ips.includes(r.target.address)) elsewhere.push(`${r.target.hostname} → ${ips.join(" ")} (not ${r.target.address})`);
  }
  if (missing.length) add("resolve", "fail", `cannot resolve ${missing.join(", ")}: add them to DNS or to /etc/hosts on this node`);
  else if (elsewhere.length) add("resolve", "warn", `${elsewhere.join("; ")}: Mesos advertises these names, so peers may connect to the wrong address`);
  else add("resolve", "ok", `resolves ${plan.resolve.map((r) => r.target.hostname).join(", ")}`);
}

