import type { WeaveConnection } from "./weaveReportSchema.ts";
import type { ClusterWeaveReading, NodeWeaveReading } from "./readClusterWeave.ts";
import { peerNodes, type PeerNodes } from "./weaveNodeMap.ts";

// GET /clusters/{id}/weave: each node's router as its own report tells it (version, peers,
// connections with their state, its IPAM share), and what is wrong in words with what to check.

const PORTS_HINT = "check that TCP 6783 and UDP 6783 and 6784 are open between the two hosts (firewalls, security groups) and that both routers run";

export interface RouterConnectionView {
  address: string;
  outbound: boolean;
  state: string;
  info: string;
  /** The node at the other end, when the connection names its peer. */
  node: string | null;
}

export interface RouterView {
  node: { id: string; name: string };
  hostname: string | null;
  state: "up" | "down" | "unreadable" | "unreachable";
  readAt: string;
  error: string | null;
  version: string | null;
  peer: { name: string; nickname: string } | null;
  encryption: boolean | null;
  peers: { name: string; nickname: string; node: string | null; establishedConnections: number }[];
  connections: RouterConnectionView[];
  ipam: { status: string; range: string; rangeIps: number; ownedIps: number; activeIps: number } | null;
  dnsEntries: number | null;
  problems: string[];
}

export interface WeaveRoutersView {
  readable: true;
  routers: RouterView[];
  problems: string[];
}

function otherEnd(c: WeaveConnection, map: PeerNodes): string | null {
  const peer = /([0-9a-f]{2}(?::[0-9a-f]{2}){5})\(/.exec(c.Info)?.[1];
  const named = peer ? (map.byPeer.get(peer)?.name ?? map.nickname.get(peer)) : undefined;
  return named ?? map.byHost.get(c.Address.replace(/:\d+$/, "").toLowerCase())?.name ?? null;
}

function ipamStatus(r: Extract<NodeWeaveReading, { router: "up" }>): string {
  const ipam = r.report.IPAM;
  if (!ipam) return "off";
  if (ipam.Entries.length) return "ready";
  if (ipam.Paxos?.Elector) return `awaiting consensus (quorum: ${ipam.Paxos.Quorum}, known: ${ipam.Paxos.KnownNodes})`;
  return ipam.Paxos ? "priming" : "idle";
}

function routerView(r: NodeWeaveReading, map: PeerNodes, clusterSize: number): RouterView {
  const base = { node: { id: r.node.id, name: r.node.name }, hostname: r.hostname, readAt: r.readAt };
  if (r.router !== "up") {
    const what = r.router === "unreachable" ? r.error : `The Weave router on ${r.node.name} is ${r.router === "down" ? "down" : "not answering as Weave does"}: ${r.error}. Check it with \`weave status\` on the node and start it again (the runbook's Weave router start); until then containers elsewhere cannot reach containers on ${r.node.name}, and its DNS entries drop out of WeaveDNS.`;
    return { ...base, state: r.router, error: r.error, version: null, peer: null, encryption: null, peers: [], connections: [], ipam: null, dnsEntries: null, problems: [what] };
  }
  const R = r.report.Router;
  const connections = R.Connections.map((c) => ({ address: c.Address, outbound: c.Outbound, state: c.State, info: c.Info, node: otherEnd(c, map) }));
  const problems: string[] = [];
  for (const c of connections) {
    if (c.state === "established") continue;
    const to = c.node ? `${c.node} (${c.address})` : c.address;
    problems.push(`${r.node.name}'s connection ${c.outbound ? "to" : "from"} ${to} is ${c.state}${c.info ? `: ${c.info}` : ""}. Not established: ${PORTS_HINT}.`);
  }
  if (R.Peers.length < clusterSize) {
    const seen = new Set(R.Peers.map((p) => map.byPeer.get(p.Name)?.name));
    const missing = [...map.byPeer.values()].map((n) => n.name).filter((n) => !seen.has(n));
    problems.push(`${r.node.name}'s router sees ${R.Peers.length} of ${clusterSize} peers${missing.length ? ` (not ${[...new Set(missing)].join(", ")})` : ""}: the mesh is split; ${PORTS_HINT}.`);
  }
  const ipam = r.report.IPAM;
  const owned = ipam ? ipam.Entries.filter((e) => e.Peer === R.Name).reduce((a, e) => a + e.Size, 0) : 0;
  const status = ipamStatus(r);
  if (status.startsWith("awaiting consensus")) problems.push(`${r.node.name}'s IPAM is ${status}: it cannot hand out container IPs until it reaches a quorum of its peers; ${PORTS_HINT}.`);
  return {
    ...base,
    state: "up",
    error: null,
    version: r.report.Version,
    peer: { name: R.Name, nickname: R.NickName },
    encryption: R.Encryption,
    peers: R.Peers.map((p) => ({ name: p.Name, nickname: p.NickName, node: map.byPeer.get(p.Name)?.name ?? null, establishedConnections: p.Connections.filter((c) => c.Established).length })),
    connections,
    ipam: ipam ? { status, range: ipam.Range, rangeIps: ipam.RangeNumIPs, ownedIps: owned, activeIps: ipam.ActiveIPs } : null,
    dnsEntries: r.report.DNS ? r.report.DNS.Entries.filter((e) => e.Tombstone === 0).length : null,
    problems,
  };
}

export function weaveRoutersView(reading: ClusterWeaveReading): WeaveRoutersView {
  const map = peerNodes(reading);
  const routers = reading.nodes.map((r) => routerView(r, map, reading.nodes.length));
  const problems = routers.flatMap((r) => r.problems);
  return { readable: true, routers, problems };
}
