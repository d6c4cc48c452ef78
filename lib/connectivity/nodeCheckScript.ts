import { shQuote } from "../shell/quote.ts";

// The one script a node runs for a check (one SSH channel per node: the runner's detached job).
// Inside each of the group's containers on the node (`docker exec`) it resolves every name and
// pings every Weave IP, printing one line per cell. Rows and columns are plain indexes into the
// stored layout; names, container names and IPs are validated upstream and single-quoted here, so
// a hostile value is a string, never code. What a container prints is untrusted: the host squeezes
// it to a small character set and prefixes it with the row it came from, so a container can only
// ever speak for its own row and never forge another line. A container without ping is said to
// lack it (with what installing takes); ping is installed only when the operator asked for it.

export const LINE_PREFIX = "armdeck-check";

export interface NodeCheckPlan {
  containers: { row: number; name: string }[];
  /** The operator allowed installing ping (iputils-ping) into containers that lack it. */
  installPing: boolean;
  names: { column: number; fqdn: string }[];
  ips: { column: number; ip: string }[];
}

// Characters that survive from any tool's output: enough for IPs, names and ping's words.
const KEEP = "A-Za-z0-9 .:_/%=,()\\n-";
const PING = "ping -c 1 -W 1";
/** What "install ping" runs in a container without it: Debian/Ubuntu images (the runbook's ubuntu:16.04) have apt-get. */
export const INSTALL_PING = "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq iputils-ping >/dev/null && echo installed";

/** Runs inside the container, with $1 = 1 when it has ping. Only POSIX sh and what the image has. */
function containerScript(plan: NodeCheckPlan): string {
  return [
    "P=$1",
    't() { command -v "$1" >/dev/null 2>&1 && echo 1 || echo 0; }',
    `printf 'tools getent=%s nslookup=%s ping=%s\\n' "$(t getent)" "$(t nslookup)" "$P"`,
    `printf 'resolv %s\\n' "$(cat /etc/resolv.conf 2>/dev/null | sed -n 's/^nameserver[[:space:]]*//p' | tr '\\n' ' ')"`,
    // nslookup asks the server itself, as the runbook did; without it (ubuntu:16.04, audit §3.4)
    // glibc's getent, which reads /etc/hosts first (a container's own name is its own IP there).
    // Exit 127 is the shell's "not found", whatever `command -v` claimed.
    'r() { if command -v nslookup >/dev/null 2>&1; then x=$(nslookup "$1" 2>&1); c=$?; if [ "$c" != 127 ]; then echo via=nslookup; printf \'%s\\n\' "$x"; return "$c"; fi; fi; if command -v getent >/dev/null 2>&1; then echo via=getent; getent hosts "$1"; else echo no-resolver-tool; return 127; fi; }',
    `d() { x=$(r "$2" 2>&1); c=$?; printf 'dns %s %s %s\\n' "$1" "$c" "$(printf '%s' "$x" | tr '\\n' ' ')"; }`,
    `p() { x=$(${PING} "$2" 2>&1); c=$?; printf 'ping %s %s via=container %s\\n' "$1" "$c" "$(printf '%s' "$x" | tr '\\n' ' ')"; }`,
    ...plan.names.map((n) => `d ${n.column} ${shQuote(n.fqdn)}`),
    'if [ "$P" = 1 ]; then',
    ...plan.ips.map((t) => `p ${t.column} ${shQuote(t.ip)}`),
    "fi",
  ].join("\n");
}

export function nodeCheckScript(plan: NodeCheckPlan, title: string): string {
  const rows = plan.containers.map((c) => ({ row: Math.floor(c.row), name: shQuote(c.name) }));
  return [
    `# ${title.replace(/[\u0000-\u001f\u007f]+/g, " ")}`,
    "set -u",
    `inner=${shQuote(containerScript(plan))}`,
    'TO=""; if command -v timeout >/dev/null 2>&1; then TO="timeout 900"; fi',
    // Where WeaveDNS listens (the docker bridge IP), to tell "not WeaveDNS" from "no such entry".
    "dnsaddr=$(curl -fs --max-time 3 http://127.0.0.1:6784/dns-address 2>/dev/null | tr -cd '0-9.' | cut -c1-15)",
    // Routers without that endpoint: DNS.Address (`<ip>:53`) in /report, the only Address on port 53.
    `[ -n "$dnsaddr" ] || dnsaddr=$(curl -fs --max-time 3 -H 'Accept: application/json' http://127.0.0.1:6784/report 2>/dev/null | sed -n 's/.*"Address": *"\\([0-9.]*\\):53".*/\\1/p' | head -n 1 | cut -c1-15)`,
    `echo "${LINE_PREFIX} H dnsaddr \${dnsaddr:-none}"`,
    // Whether ping runs in the container: one ping of its own loopback; 127 is "not found".
    `hasping() { docker exec "$1" sh -c '${PING} 127.0.0.1 >/dev/null 2>&1; [ "$?" != 127 ]' >/dev/null 2>&1; }`,
    "one() {",
    '  P=0; hasping "$2" && P=1',
    // Installing only when the operator asked for it (installPing); never otherwise.
    ...(plan.installPing
      ? [
          '  if [ "$P" = 0 ]; then',
          `    echo "install iputils-ping"; $TO docker exec "$2" sh -c ${shQuote(INSTALL_PING)} 2>&1 | tail -n 3`,
          '    hasping "$2" && P=1',
          "  fi",
        ]
      : []),
    '  $TO docker exec "$2" sh -c "$inner" armdeck "$P"; c=$?',
    '  echo "docker-exit $c"',
    '  if [ "$c" = 0 ] && [ "$P" = 0 ]; then echo "noping"; fi',
    "}",
    `row() { one "$1" "$2" 2>&1 | tr -c '${KEEP}' ' ' | cut -c1-4000 | sed "s/^/${LINE_PREFIX} C$1 /"; }`,
    'tmp=$(mktemp -d) || exit 1',
    // Containers in parallel, each into its own file, printed whole in row order: lines never tear.
    ...rows.map((r) => `row ${r.row} ${r.name} > "$tmp/${r.row}" 2>&1 & p${r.row}=$!`),
    ...rows.map((r) => `wait "$p${r.row}"; cat "$tmp/${r.row}"`),
    'rm -rf "$tmp"',
    `echo "${LINE_PREFIX} H done"`,
  ].join("\n") + "\n";
}
