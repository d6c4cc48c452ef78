import type { ClusterWeaveReading, WeaveNodeRef } from "./readClusterWeave.ts";

// Which node a Weave peer is. Each node's own router names itself (Router.Name) in the report
// read on that node, which is exact; a peer known only from another node's report (its own
// router down) is matched by its nickname, which `weave launch` sets to the host's hostname.

export interface PeerNodes {
  byPeer: Map<string, WeaveNodeRef>;
  nickname: Map<string, string>;
  /** Node by any name a connection's address may use: its address, hostname or Armdeck name. */
  byHost: Map<string, WeaveNodeRef>;
}

export function peerNodes(reading: ClusterWeaveReading): PeerNodes {
  const byPeer = new Map<string, WeaveNodeRef>();
  const nickname = new Map<string, string>();
  const byHostname = new Map<string, WeaveNodeRef>();
  for (const r of reading.nodes) {
    for (const n of [r.hostname, r.node.name, r.node.address]) if (n) byHostname.set(n.toLowerCase(), r.node);
    if (r.router === "up") byPeer.set(r.report.Router.Name, r.node);
  }
  for (const r of reading.nodes) {
    if (r.router !== "up") continue;
    nickname.set(r.report.Router.Name, r.report.Router.NickName);
    for (const p of r.report.Router.Peers) {
      nickname.set(p.Name, p.NickName);
      const node = byHostname.get(p.NickName.toLowerCase());
      if (!byPeer.has(p.Name) && node) byPeer.set(p.Name, node);
    }
  }
  return { byPeer, nickname, byHost: byHostname };
}
