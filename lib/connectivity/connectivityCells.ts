import type { ConnectivityCell } from "./connectivityContract.ts";
import type { CheckLayout, LayoutContainer } from "./checkLayout.ts";
import { isIpv4 } from "./checkLayout.ts";
import type { NodeOutput, RowOutput, ToolAnswer } from "./parseCheckOutput.ts";

// The matrix from the layout and what each node printed: a cell per (container, name) and per
// (container, IP), each green or red with the reason in the runbook's words. A node whose part
// has not reached a cell yet leaves it pending (reachable: null); a finished part that never
// reported it says why.

export interface NodePart {
  nodeId: string;
  /** The node's job ended (whatever its status), so a missing answer is a failure, not pending. */
  final: boolean;
  failure: string | null;
  output: NodeOutput;
}

const appName = (app: string) => app.split("/").filter(Boolean).pop() ?? app;
const who = (c: LayoutContainer) => `${appName(c.app)} on ${c.node}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The IPv4 addresses in getent's lines, or after nslookup's "Name:" (its first lines name the server). */
export function resolvedIps(text: string): string[] {
  const words = text.split(/\s+/);
  const nameAt = words.indexOf("Name:");
  const from = nameAt >= 0 ? words.slice(nameAt) : words;
  return [...new Set(from.filter(isIpv4))];
}

export function pingRttMs(text: string): number | undefined {
  const m = text.match(/time=([0-9]{1,6}(\.[0-9]{1,6})?) ?ms/);
  return m ? Number(m[1]) : undefined;
}

/** ping's statistics line ("1 packets transmitted, 0 received, 100% packet loss"), else its first words. */
function pingSummary(text: string): string {
  const end = text.indexOf("packet loss");
  const sent = text.lastIndexOf("packets transmitted", end);
  if (end < 0 || sent < 0) return text.slice(0, 200) || "no answer";
  const start = text.lastIndexOf(" ", text.lastIndexOf(" ", sent) - 1) + 1;
  return text.slice(start, end + "packet loss".length);
}

function missingAnswer(c: LayoutContainer, part: NodePart | undefined, row: RowOutput | undefined): string {
  if (!part) return `No part of the check ran on ${c.node}`;
  if (row?.dockerExit !== undefined && row.dockerExit !== 0) {
    const said = row.other.join(" ").trim();
    return `docker exec into ${c.container} failed on ${c.node} (exit ${row.dockerExit}${said ? `: ${said}` : ""}); is the container still running?`;
  }
  if (part.failure) return `The check on ${c.node} did not finish: ${part.failure}`;
  return `The check on ${c.node} ended without an answer for this cell`;
}

function dnsCell(c: LayoutContainer, fqdn: string, a: ToolAnswer, row: RowOutput, weaveDns: string | null, layout: CheckLayout): Partial<ConnectivityCell> {
  const ips = resolvedIps(a.text);
  // getent reads /etc/hosts first, where a container finds its own name: an answer, but not WeaveDNS's.
  const fromHostsFile = a.text.startsWith("via=getent") && fqdn === c.hostname;
  const owners = fromHostsFile ? [] : layout.containers.filter((o) => o.hostname === fqdn && o.ip !== null);
  const missing = owners.filter((o) => !ips.includes(o.ip!));
  if (a.code === 127 && /no-resolver-tool/.test(a.text)) {
    return { dns: [], reachable: false, error: `${who(c)} has neither getent nor nslookup to resolve ${fqdn}; Armdeck installs nothing into containers without asking: "apt-get install -y dnsutils" inside it would add nslookup` };
  }
  if (ips.length === 0) {
    const ns = row.nameservers.length ? row.nameservers.join(", ") : "none";
    let why: string;
    if (weaveDns && !row.nameservers.includes(weaveDns)) why = `the container's resolver (nameserver ${ns}) is not WeaveDNS (${weaveDns}); was it started through the Weave proxy?`;
    else if (!weaveDns) why = `its resolver is nameserver ${ns} and the Weave router on ${c.node} did not say where WeaveDNS listens; is the router running (weave status)?`;
    else why = `WeaveDNS (${weaveDns}) has no live entry for it; did the app's containers start through the Weave proxy with this hostname?`;
    return { dns: [], reachable: false, error: `${who(c)} cannot resolve ${fqdn}: ${why}` };
  }
  if (missing.length > 0) {
    const lost = missing.map((o) => `${o.ip} (${o.task} on ${o.node})`).join(", ");
    return {
      dns: ips,
      reachable: false,
      error: `${who(c)} resolves ${fqdn} to ${ips.join(", ")} only; ${plural(missing.length, "container")} of ${appName(owners[0]!.app)} ${missing.length === 1 ? "is" : "are"} missing: ${lost}. WeaveDNS on ${c.node} did not answer with ${missing.length === 1 ? "it" : "them"} (was ${missing.length === 1 ? "it" : "each"} started through the Weave proxy? is its node's router down or cut off from ${c.node}'s?)`,
    };
  }
  return { dns: ips, reachable: true };
}

function pingCell(c: LayoutContainer, ip: string, owner: LayoutContainer, a: ToolAnswer): Partial<ConnectivityCell> {
  const rttMs = pingRttMs(a.text);
  if (a.code === 0) return { reachable: true, ...(rttMs !== undefined ? { rttMs } : {}) };
  const where = owner.node === c.node ? `the Weave router on ${c.node}` : `the Weave routers on ${c.node} and ${owner.node}`;
  const ports = owner.node === c.node ? "" : " and that TCP 6783 and UDP 6783-6784 are open between them";
  return { reachable: false, error: `${who(c)} cannot reach ${ip} (${who(owner)}): ${pingSummary(a.text)}; check ${where} (weave status)${ports}` };
}

function noPing(c: LayoutContainer, triedInstall: boolean): string {
  if (triedInstall) return `${who(c)} still has no ping after "apt-get install -y iputils-ping" in ${c.container} (is it a Debian/Ubuntu image with a reachable mirror?)`;
  return `${who(c)} has no ping (the runbook's ubuntu:16.04 has none); Armdeck installs nothing into containers without asking: checking again with "install ping" runs "apt-get install -y iputils-ping" inside ${c.container}`;
}

export function connectivityCells(layout: CheckLayout, parts: readonly NodePart[]): ConnectivityCell[] {
  const partOf = new Map(parts.map((p) => [p.nodeId, p]));
  const cells: ConnectivityCell[] = [];
  layout.containers.forEach((c, rowIndex) => {
    const from = { app: c.app, task: c.task, node: c.node, ip: c.ip, container: c.container };
    const part = partOf.get(c.nodeId);
    const row = part?.output.rows.get(rowIndex);
    const settle = (kind: ConnectivityCell["kind"], to: ConnectivityCell["to"], found: (() => Partial<ConnectivityCell>) | null) => {
      if (found) cells.push({ kind, from, to, reachable: null, ...found() });
      else if (part && !part.final) cells.push({ kind, from, to, reachable: null });
      else cells.push({ kind, from, to, reachable: false, error: missingAnswer(c, part, row) });
    };
    layout.names.forEach((fqdn, i) => {
      const a = row?.dns.get(i);
      settle("dns", { name: fqdn }, a && row ? () => dnsCell(c, fqdn, a, row, part!.output.weaveDns, layout) : null);
    });
    layout.targets.forEach((t, i) => {
      const column = layout.names.length + i;
      const owner = layout.containers[t.container]!;
      const to = { ip: t.ip, ...(owner.hostname ? { name: owner.hostname } : {}) };
      const a = row?.ping.get(column);
      if (!a && row?.noPing && (part?.final || row.dockerExit !== undefined)) {
        cells.push({ kind: "ping", from, to, reachable: false, wouldInstall: layout.installPing ? undefined : "iputils-ping", error: noPing(c, layout.installPing) });
        return;
      }
      settle("ping", to, a ? () => pingCell(c, t.ip, owner, a) : null);
    });
  });
  return cells;
}
