import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { oneLine } from "../shell/oneLine.ts";
import { shQuote } from "../shell/quote.ts";
import { jdkPackageFor } from "../recipes/jdkPackage.ts";
import { PREFLIGHT_THRESHOLDS } from "./checkNames.ts";
import type { NodeProbePlan } from "./preflightTargets.ts";
import { probeLineFunction } from "./probeOutput.ts";

/**
 * The one read-only script a node runs for preflight. It installs, writes and starts nothing
 * lasting: its only side effect is a few listeners (`nc -l`) on ports nothing else holds, alive
 * for the reach window so the other nodes can test the path, then gone. Every value from a
 * person or a node is quoted; ports are validated integers.
 */
export function preflightScript(settings: ClusterSettings, plan: NodeProbePlan, nonce: string): string {
  const { node } = plan;
  const addr = shQuote(node.address);
  const window = PREFLIGHT_THRESHOLDS.reachWindowSeconds;
  const ports = ` ${[...new Set(plan.ports.map((p) => p.port))].join(" ")} `;
  const services = [...new Set(plan.ports.map((p) => p.service))];
  const lines = [
    "#!/bin/sh",
    `# Armdeck · Preflight · node ${oneLine(node.name)} (read-only)`,
    "LC_ALL=C; export LC_ALL",
    probeLineFunction(nonce),
    // First, so its arrival time at the dashboard is the moment it was read.
    'pf clock "$(date +%s.%N)"',
    "echo '[armdeck] preflight: listeners on the ports this role needs (ss -lntu)'",
    'if command -v ss >/dev/null 2>&1; then pf ss yes; else pf ss no; fi',
    `ss -Hlntu 2>/dev/null | awk -v ports=${shQuote(ports)} '{ n = split($5, a, ":"); if (index(ports, " " a[n] " ")) print $1 " " $5 }' | head -n 200 | while read -r l; do pf listen "$l"; done`,
    ...services.map((s) => serviceUp(settings, s, addr)),
    // Listeners next (after ss, which must not see them), so that they are up on every node by
    // the time the others, done with the facts below, start connecting. A port already taken
    // makes this nc exit at once: a listener never displaces anything. nc accepts from a backlog
    // of one, so a caller arriving with others may have its SYN dropped and resent by its kernel
    // a second later (hence -w 2 below); each listener lives long enough for that last resend.
    "if command -v nc >/dev/null 2>&1 && [ -r /proc/uptime ]; then",
    ...plan.listen.map((p) => `  timeout ${window + 1.5} nc -lk ${addr} ${p} >/dev/null 2>&1 </dev/null &`),
    "fi",
    // Time in centiseconds from /proc/uptime, read without a process.
    'now() { read -r up _ < /proc/uptime; t=${up%.*}${up#*.}; }',
    `if [ -r /proc/uptime ]; then now; deadline=$((t + ${window * 100 - 50})); fi`,
    "echo '[armdeck] preflight: architecture, OS, CPUs, memory, disk, sudo, Docker'",
    'pf arch "$(uname -m)"',
    'if [ -r /etc/os-release ]; then (. /etc/os-release; pf os_id "${ID:-}"; pf os_version "${VERSION_ID:-}"; pf os_pretty "${PRETTY_NAME:-}"); fi',
    'pf cpus "$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"',
    "pf mem_kb \"$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
    // The build tree does not exist yet: measure the nearest folder that does.
    `d=${shQuote(settings.sourceDir)}; while [ ! -d "$d" ]; do d=$(dirname -- "$d"); done`,
    'pf disk_path "$d"',
    "pf disk_free_kb \"$(df -Pk -- \"$d\" | awk 'NR==2 {print $4}')\"",
    'if [ "$(id -u)" = 0 ]; then pf sudo root; elif sudo -n true >/dev/null 2>&1; then pf sudo yes; else pf sudo no; fi',
    'docker=$(command -v docker 2>/dev/null); pf docker "$docker"',
    // The toolchain the build will use (docs/builds.md proves some combinations); before Prepare
    // there may be no gcc or JDK yet, and the evaluator falls back on what the OS release ships.
    'pf gcc "$(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion 2>/dev/null)"',
    'pf javac "$(javac -version 2>&1 | head -n 1)"',
    `if ! command -v javac >/dev/null 2>&1; then pf jdk_candidate "$(apt-cache policy ${shQuote(jdkPackageFor(settings, node).pkg)} 2>/dev/null | awk '/Candidate:/ {print $2}')"; fi`,
    // Only when Docker is missing: apt-cache costs half a second of CPU.
    `if [ -z "$docker" ]; then pf docker_candidate "$(apt-cache policy ${shQuote(settings.dockerPackage)} 2>/dev/null | awk '/Candidate:/ {print $2}')"; fi`,
    "echo '[armdeck] preflight: name resolution (getent ahosts)'",
    // getaddrinfo, as Mesos and Weave resolve: a name /etc/hosts answers never waits for DNS
    // (`getent hosts` asks DNS for an IPv6 address first). All at once: a slow resolver costs
    // its timeout once, not once per name.
    // Its own list of pids: a bare `wait` would also wait for the listeners.
    'rp=""',
    ...plan.resolve.map((r) => `pf ${r.key} "$(getent ahosts ${shQuote(r.target.hostname)} | awk '!seen[$1]++ { printf "%s ", $1 }')" & rp="$rp $!"`),
    'if [ -n "$rp" ]; then wait $rp; fi',
    `echo '[armdeck] preflight: reachability (nc -z, ${window} s window)'`,
    'if command -v nc >/dev/null 2>&1; then pf nc yes; else pf nc no; fi',
    "if command -v nc >/dev/null 2>&1 && [ -r /proc/uptime ]; then",
    // One target after another, in an order rotated per node (preflightTargets.ts): nc -l
    // accepts one connection at a time from a backlog of one, so peers must not arrive together.
    // Until the deadline a refused target is tried again (its listener may start a moment later).
    "  reach() {",
    "    while :; do",
    '      if said=$(nc -z -v -w 2 "$2" "$3" 2>&1); then pf "$1" ok; return 0; fi',
    '      now; [ "$t" -lt "$deadline" ] || break',
    "      sleep 0.1",
    "    done",
    // nc's own words from the last try (one line: pf keeps the first).
    '    pf "$1" "no: $said"',
    "  }",
    ...plan.reach.map((r) => `  reach ${r.key} ${shQuote(r.target.address)} ${r.port}`),
    "  wait",
    "fi",
    "echo '[armdeck] preflight: done'",
  ];
  return lines.join("\n") + "\n";
}

/** Whether Armdeck's own service runs here, so a port it holds is this cluster's, not a conflict. */
function serviceUp(settings: ClusterSettings, name: string, addr: string): string {
  // ZooKeeper keeps its own pid file (zkServer.sh): the four-letter word says it is there.
  if (name === "zookeeper") return `if [ "$(printf ruok | nc -w 2 ${addr} ${settings.zookeeperPort} 2>/dev/null)" = imok ]; then pf service_up zookeeper; fi`;
  if (name === "weave") return "if command -v weave >/dev/null 2>&1 && weave status >/dev/null 2>&1; then pf service_up weave; fi";
  const pidFile = shQuote(`${settings.armdeckDir}/services/${name}.pid`);
  return `if { [ -f ${pidFile} ] && kill -0 "$(cat ${pidFile})" 2>/dev/null; } || systemctl is-active --quiet armdeck-${name} 2>/dev/null; then pf service_up ${name}; fi`;
}
