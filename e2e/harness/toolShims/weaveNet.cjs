"use strict";
// The Weave Net model the weave, docker and curl stand-ins of a test host share (no router runs).
// Each host keeps its router (weave.json), containers (docker-containers.json) and injected
// faults (weave-faults.json) in its private state dir, and publishes what its peers would learn
// by gossip (peer name, targets, IPAM range, its DNS entries) to one registry shared by every
// test host on this machine. A host sees the peers it is connected to (transitively, as the
// mesh routes through peers), so WeaveDNS is cluster-wide with each entry's Origin the
// registering peer (nameserver/nameserver.go:30-33@v2.8.1), and a disconnected or downed peer's
// entries drop out of the others' view (nameserver.go:16-17).

const fs = require("node:fs");
const path = require("node:path");
const lib = require("./lib.cjs");

const VERSION_FALLBACK = "2.8.1";
const ROUTER = lib.statePath("weave.json");
const CONTAINERS = lib.statePath("docker-containers.json");
const FAULTS = lib.statePath("weave-faults.json");
// The test process's own mesh (clusterHosts.ts): its hosts peer with each other only.
const MESH_DIR = lib.config.weaveMeshDir;
const PORT = 6783;
const DOMAIN = "weave.local.";
const RANGE_BASE = ipToInt("10.32.0.0");
const TOTAL_IPS = 1048576; // 10.32.0.0/12
const TOMBSTONE_KEEP_S = 30 * 60; // tombstoneTimeout, nameserver.go:21

function ipToInt(ip) {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}
function intToIp(n) {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

function router() {
  return lib.readJson(ROUTER, { running: false, generation: 0 });
}
function containers() {
  return lib.readJson(CONTAINERS, { containers: [] }).containers;
}
function saveContainers(list) {
  lib.writeJson(CONTAINERS, { containers: list });
  publish();
}

/**
 * Faults a test injects by writing weave-faults.json on the host:
 *   routerDown: true              the router has died (the weave container exited)
 *   connecting: ["192.0.2.2", …]  this peer's connection to those addresses never gets past `connecting`
 *   partialDns: {"ubuntu1": "10.32.0.1"}  this router answers that name with only that one IP
 */
function faults() {
  const f = lib.readJson(FAULTS, {});
  return { routerDown: f.routerDown === true, connecting: Array.isArray(f.connecting) ? f.connecting.map(String) : [], partialDns: f.partialDns && typeof f.partialDns === "object" ? f.partialDns : {} };
}

/** The router is up: launched, and not killed by an injected fault. */
function routerUp(r = router()) {
  const up = !!r.running && !faults().routerDown;
  // A router found down (or back) tells its peers at once, as the mesh notices a dead connection.
  if (r.running && lastPublishedUp !== up) {
    lastPublishedUp = up;
    publish();
  }
  return up;
}
let lastPublishedUp;

function peerName(r) {
  // Locally administered unicast MAC, stable for a host until `weave reset`.
  const h = lib.hex(`${lib.hostname()}|${lib.config.address}|${r.generation || 0}`, 12);
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, "0");
  return [first, h.slice(2, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10, 12)].join(":");
}

function myNs() {
  return fs.readlinkSync("/proc/self/ns/mnt");
}

function meshFile(address = lib.config.address) {
  return path.join(MESH_DIR, `${address}.json`);
}

// A registry entry counts only while its host's namespace still has a process in it; a host
// torn down without `weave reset` must not look like a live peer.
function namespaceAlive(ns) {
  if (ns === myNs()) return true;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/ns/mnt`) === ns) return true;
    } catch {
      // gone
    }
  }
  return false;
}

function meshEntries() {
  let files = [];
  try {
    files = fs.readdirSync(MESH_DIR).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const out = [];
  for (const f of files) {
    const e = lib.readJson(path.join(MESH_DIR, f), undefined);
    if (e && e.running && namespaceAlive(e.ns)) out.push(e);
  }
  return out;
}

function stripPort(target) {
  const m = /^\[?([^\]]+?)\]?(?::\d+)?$/.exec(target);
  return m ? m[1] : target;
}

function resolves(target, entry) {
  const t = stripPort(target);
  return t === entry.hostname || t === entry.address;
}

function inboundPort(address) {
  return 40000 + (parseInt(lib.hex(address, 4), 16) % 20000);
}

/** This host's DNS entries as its router gossips them: live ones, and tombstones for 30 min. */
function ownDnsEntries(r, list = containers()) {
  const name = peerName(r);
  const now = Math.floor(Date.now() / 1000);
  const out = [];
  for (const c of list) {
    if (!c.dns || !c.weave) continue;
    const tomb = c.state === "running" ? 0 : Math.floor(Date.parse(c.finishedAt || new Date().toISOString()) / 1000);
    if (tomb && now - tomb > TOMBSTONE_KEEP_S) continue;
    out.push({ Hostname: c.dns, Origin: name, ContainerID: c.Id, Address: c.weave.ip, Version: tomb ? 1 : 0, Tombstone: tomb });
  }
  return out;
}

function attachedIps(list = containers()) {
  return list.filter((c) => c.state === "running" && c.weave).map((c) => c.weave.ip);
}

/** What the registry holds for this host; rewritten after every change to router or containers. */
function publish() {
  const r = router();
  if (!r.running && !r.launchedAt) return;
  fs.mkdirSync(MESH_DIR, { recursive: true });
  const f = faults();
  const entry = {
    hostname: lib.hostname(),
    address: lib.config.address,
    name: peerName(r),
    targets: r.targets || [],
    ns: myNs(),
    running: !!r.running && !f.routerDown,
    connecting: f.connecting,
    ipamRange: r.ipamRange,
    dns: ownDnsEntries(r),
    attached: attachedIps(),
  };
  const tmp = `${meshFile()}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(entry));
  fs.renameSync(tmp, meshFile());
}

function unpublish() {
  fs.rmSync(meshFile(), { force: true });
}

/** Connections, peers and IPAM readiness as the mesh of registered hosts would have them. */
function mesh(r = router()) {
  const f = faults();
  const self = { hostname: lib.hostname(), address: lib.config.address, name: peerName(r), targets: r.targets || [], ns: myNs(), running: true, connecting: f.connecting, ipamRange: r.ipamRange, dns: ownDnsEntries(r), attached: attachedIps() };
  const others = meshEntries().filter((e) => e.address !== self.address);
  const nodes = [self, ...others];
  const stuck = (a, b) => (a.connecting || []).includes(b.address) || (b.connecting || []).includes(a.address);
  const wants = (a, b) => a.targets.some((t) => resolves(t, b)) || b.targets.some((t) => resolves(t, a));
  const linked = (a, b) => wants(a, b) && !stuck(a, b);
  const component = [self];
  for (let i = 0; i < component.length; i++) {
    for (const n of nodes) if (!component.includes(n) && linked(component[i], n)) component.push(n);
  }
  let edges = 0;
  for (let i = 0; i < component.length; i++) for (let j = i + 1; j < component.length; j++) if (linked(component[i], component[j])) edges++;
  const connections = [];
  const seen = new Set();
  for (const t of self.targets) {
    if (resolves(t, self)) continue;
    const peer = others.find((o) => resolves(t, o));
    if (peer) {
      if (seen.has(peer.address)) continue;
      seen.add(peer.address);
      connections.push({ outbound: true, address: `${peer.address}:${PORT}`, state: stuck(self, peer) ? "connecting" : "established", peer });
    } else {
      connections.push({ outbound: true, address: `${stripPort(t)}:${PORT}`, state: "failed", target: stripPort(t) });
    }
  }
  for (const o of others) {
    if (seen.has(o.address) || !o.targets.some((t) => resolves(t, self))) continue;
    seen.add(o.address);
    if (stuck(self, o)) continue; // it keeps trying to reach us; nothing has arrived
    connections.push({ outbound: false, address: `${o.address}:${inboundPort(o.address)}`, state: "established", peer: o });
  }
  const quorum = Math.floor(((r.targets || []).length + 1) / 2) + 1;
  return { self, component, edges, connections, quorum, ipamReady: component.length >= quorum, linked };
}

/** The ring as the peers would split it: the /12 in equal parts, in peer-name order. */
function ipamEntries(m) {
  const peers = [...m.component].sort((a, b) => (a.name < b.name ? -1 : 1));
  const share = Math.floor(TOTAL_IPS / peers.length);
  return peers.map((p, i) => ({ Token: intToIp(RANGE_BASE + i * share), Size: i === peers.length - 1 ? TOTAL_IPS - share * i : share, Peer: p.name, Nickname: p.hostname, IsKnownPeer: true, Version: 0 }));
}

/** The WeaveDNS table this router holds: every connected peer's entries, sorted as nameserver/entry.go:72-88 sorts. */
function dnsEntries(m = mesh()) {
  const all = m.component.flatMap((p) => p.dns || []);
  return all.sort((a, b) => {
    const keys = [[a.Hostname.toLowerCase(), b.Hostname.toLowerCase()], [a.Origin, b.Origin], [a.ContainerID, b.ContainerID], [ipToInt(a.Address), ipToInt(b.Address)]];
    for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
    return 0;
  });
}

/** A Weave IP from this peer's share of the ring, claimed once and kept (as IPAM persists it). */
function allocateIp(list) {
  const r = router();
  const m = mesh(r);
  if (!r.ipamRange) {
    const mine = ipamEntries(m).find((e) => e.Peer === m.self.name);
    r.ipamRange = { start: mine.Token, size: mine.Size };
    lib.writeJson(ROUTER, r);
  }
  const used = new Set(list.filter((c) => c.weave && c.state === "running").map((c) => c.weave.ip));
  const start = ipToInt(r.ipamRange.start);
  for (let n = start; n < start + r.ipamRange.size; n++) {
    if (n === RANGE_BASE || n === RANGE_BASE + TOTAL_IPS - 1) continue; // network and broadcast of the /12
    const ip = intToIp(n);
    if (!used.has(ip)) return { ip, cidr: `${ip}/12`, mac: macFor(ip) };
  }
  return undefined;
}

function macFor(seed) {
  const h = lib.hex(`mac|${seed}|${lib.config.address}`, 12);
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, "0");
  return [first, h.slice(2, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10, 12)].join(":");
}

/** Short or full name to the FQDN with the trailing dot, as the resolver would ask it. */
function fqdnOf(name, searchWeave) {
  const n = name.replace(/\.$/, "");
  if (n.endsWith(".weave.local")) return `${n}.`;
  return searchWeave && !n.includes(".") ? `${n}.${DOMAIN}` : `${n}.`;
}

/**
 * What this host's WeaveDNS answers for a name: every live IP (shuffled, as dns.go:212-217
 * shuffles), or the one IP a partialDns fault keeps; null when the router is down (no server).
 */
function resolve(fqdn) {
  if (!routerUp()) return null;
  const entries = dnsEntries().filter((e) => e.Tombstone === 0 && e.Hostname.toLowerCase() === fqdn.toLowerCase());
  let ips = [...new Set(entries.map((e) => e.Address))];
  const short = fqdn.replace(/\.weave\.local\.$/i, "");
  const keep = faults().partialDns[short] ?? faults().partialDns[fqdn.replace(/\.$/, "")];
  if (keep !== undefined) ips = ips.filter((ip) => ip === keep).slice(0, 1);
  for (let i = ips.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ips[i], ips[j]] = [ips[j], ips[i]];
  }
  return ips;
}

/** Whether a container on this host reaches a Weave IP: local, or on a peer the mesh routes to. */
function reachable(ip) {
  const local = containers().find((c) => c.state === "running" && c.weave && c.weave.ip === ip);
  if (local) return { ok: true, local: true };
  if (!routerUp()) return { ok: false };
  const m = mesh();
  return { ok: m.component.some((p) => p !== m.self && (p.attached || []).includes(ip)), local: false };
}

module.exports = {
  VERSION_FALLBACK,
  ROUTER,
  CONTAINERS,
  FAULTS,
  MESH_DIR,
  PORT,
  DOMAIN,
  TOTAL_IPS,
  router,
  routerUp,
  containers,
  saveContainers,
  faults,
  peerName,
  publish,
  unpublish,
  mesh,
  ipamEntries,
  dnsEntries,
  allocateIp,
  fqdnOf,
  resolve,
  reachable,
  resolves,
  inboundPort,
  stripPort,
};

// ---- The router's replies: /report (report-fields.md) and the /status templates (status-templates.md)

function fmtDate(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function upstreamServers() {
  try {
    return fs.readFileSync("/etc/resolv.conf", "utf8").split("\n").map((l) => /^\s*nameserver\s+(\S+)/.exec(l)).filter(Boolean).map((m) => m[1]);
  } catch {
    return [];
  }
}

function connectionInfo(c) {
  if (c.state === "established") return `fastdp ${c.peer.name}(${c.peer.hostname})`;
  if (c.state === "connecting") return "";
  return `dial tcp4 ${c.address}: connect: connection refused, retry: ${new Date(Date.now() + 30000).toISOString().replace("T", " ").replace("Z", "")} +0000 UTC`;
}

/** GET /report's WeaveStatus (prog/weaver/http.go:295-304): Go field names, null for empty slices. */
function report() {
  // What this host gossips is refreshed whenever it is asked (a cleared fault takes effect at once).
  publish();
  const r = router();
  const m = mesh(r);
  const nextCheck = new Date(Date.parse(r.launchedAt || new Date().toISOString()) + 6 * 3600 * 1000);
  const peers = m.component.map((p) => ({
    Name: p.name,
    NickName: p.hostname,
    UID: parseInt(lib.hex(`uid|${p.name}`, 12), 16),
    ShortID: parseInt(lib.hex(`sid|${p.name}`, 3), 16),
    Version: 4,
    Connections: orNull(
      m.component
        .filter((q) => q !== p && m.linked(p, q))
        .map((q) => {
          const out = p.targets.some((t) => resolves(t, q));
          return { Name: q.name, NickName: q.hostname, Address: out ? `${q.address}:${PORT}` : `${q.address}:${inboundPort(q.address)}`, Outbound: out, Established: true };
        }),
    ),
  }));
  const ring = m.ipamReady ? ipamEntries(m) : [];
  const entries = dnsEntries(m);
  const list = containers();
  return {
    Ready: true,
    Version: r.version || VERSION_FALLBACK,
    VersionCheck: { Enabled: true, Success: true, NewVersion: "", NextCheckAt: nextCheck.toISOString() },
    Router: {
      Protocol: "weave",
      ProtocolMinVersion: 1,
      ProtocolMaxVersion: 2,
      Encryption: !!r.password,
      PeerDiscovery: true,
      Name: m.self.name,
      NickName: m.self.hostname,
      Port: PORT,
      Peers: orNull(peers),
      UnicastRoutes: orNull(m.component.filter((p) => p !== m.self).map((p) => ({ Dest: p.name, Via: p.name }))),
      BroadcastRoutes: null,
      Connections: orNull(m.connections.map((c) => ({ Address: c.address, Outbound: c.outbound, State: c.state, Info: connectionInfo(c), Attrs: c.state === "established" ? { mtu: 1376, name: "fastdp" } : null }))),
      TerminationCount: 0,
      Targets: orNull(r.targets || []),
      OverlayDiagnostics: { fastdp: { Vports: null, Flows: null }, sleeve: null },
      TrustedSubnets: [],
      Interface: `datapath (via ODP)`,
      CaptureStats: { FlowMisses: 0 },
      MACs: orNull(list.filter((c) => c.state === "running" && c.weave).map((c) => ({ Mac: c.weave.mac, Name: m.self.name, NickName: m.self.hostname, LastSeen: new Date().toISOString() }))),
    },
    IPAM: {
      Paxos: m.ipamReady ? null : { Elector: true, KnownNodes: m.component.length, Quorum: m.quorum },
      Range: "10.32.0.0/12",
      RangeNumIPs: TOTAL_IPS,
      ActiveIPs: list.filter((c) => c.state === "running" && c.weave).length,
      DefaultSubnet: "10.32.0.0/12",
      Entries: orNull(ring),
      PendingClaims: null,
      PendingAllocates: null,
    },
    DNS: { Domain: DOMAIN, Upstream: orNull(upstreamServers()), Address: "172.17.0.1:53", TTL: 1, Entries: orNull(entries) },
    Proxy: { Addresses: ["unix:///var/run/weave/weave.sock"] },
    Plugin: { DriverName: "weave" },
  };
}

function orNull(list) {
  return list && list.length ? list : null;
}

/** json.MarshalIndent(status, "", "    "): 4-space JSON, no trailing newline. */
function reportText() {
  return JSON.stringify(report(), null, 4);
}

function label(name, value) {
  return `${name.padStart(15)}: ${value}`;
}

function counts(list, order) {
  const c = {};
  for (const x of list) c[x] = (c[x] || 0) + 1;
  return order.filter((k) => c[k]).map((k) => `${c[k]} ${k}`).join(", ");
}

function statusText() {
  const rep = report();
  const R = rep.Router;
  const conns = R.Connections || [];
  const connStates = counts(conns.map((c) => c.State), ["established", "pending", "retrying", "failed", "connecting"]);
  const peerConns = (R.Peers || []).flatMap((p) => p.Connections || []);
  const peerCounts = counts(peerConns.map((c) => (c.Established ? "established" : "pending")), ["established", "pending"]);
  const ipamStatus = rep.IPAM.Entries ? "ready" : `awaiting consensus (quorum: ${rep.IPAM.Paxos.Quorum}, known: ${rep.IPAM.Paxos.KnownNodes})`;
  const r = router();
  const nextCheck = new Date(Date.parse(r.launchedAt || new Date().toISOString()) + 6 * 3600 * 1000);
  const lines = [
    label("Version", `${rep.Version} (up to date; next check at ${fmtDate(nextCheck)})`),
    "",
    label("Service", "router"),
    label("Protocol", "weave 1..2"),
    label("Name", `${R.Name}(${R.NickName})`),
    label("Encryption", R.Encryption ? "enabled" : "disabled"),
    label("PeerDiscovery", "enabled"),
    label("Targets", String((R.Targets || []).length)),
    label("Connections", `${conns.length}${connStates ? ` (${connStates})` : ""}`),
    label("Peers", `${(R.Peers || []).length}${peerCounts ? ` (with ${peerCounts} connections)` : ""}`),
    label("TrustedSubnets", "none"),
    "",
    label("Service", "ipam"),
    label("Status", ipamStatus),
    label("Range", rep.IPAM.Range),
    label("DefaultSubnet", rep.IPAM.DefaultSubnet),
    "",
    label("Service", "dns"),
    label("Domain", rep.DNS.Domain),
    label("Upstream", rep.DNS.Upstream ? rep.DNS.Upstream.join(", ") : "none"),
    label("TTL", "1"),
    label("Entries", String((rep.DNS.Entries || []).filter((e) => e.Tombstone === 0).length)),
    "",
    label("Service", "proxy"),
    label("Address", rep.Proxy.Addresses.join(", ")),
    "",
    label("Service", "plugin (legacy)"),
    label("DriverName", rep.Plugin.DriverName),
  ];
  return lines.join("\n") + "\n";
}

/** The /status/<sub> templates; undefined for a sub-command the router does not have (404). */
function subStatus(sub) {
  const rep = report();
  const R = rep.Router;
  switch (sub) {
    case "targets":
      return (R.Targets || []).map((t) => t + "\n").join("");
    case "connections":
      return (R.Connections || [])
        .map((c) => {
          const attrs = c.Attrs ? Object.keys(c.Attrs).sort().filter((k) => k !== "name").map((k) => `${k}=${c.Attrs[k]}`).join("") : "";
          return `${c.Outbound ? "->" : "<-"} ${c.Address.padEnd(21)} ${c.State.padEnd(11)} ${c.Info} ${attrs}\n`;
        })
        .join("");
    case "peers":
      return (R.Peers || [])
        .map((p) => `${p.Name}(${p.NickName})\n` + (p.Connections || []).map((c) => `   ${c.Outbound ? "->" : "<-"} ${c.Address.padEnd(21)} ${`${c.Name}(${c.NickName})`.padEnd(37)} ${c.Established ? "established" : "pending"}\n`).join(""))
        .join("");
    case "dns":
      return (rep.DNS.Entries || [])
        .filter((e) => e.Tombstone === 0)
        .map((e) => `${e.Hostname.replace(/\.weave\.local\.$/, "").padEnd(12)} ${e.Address.padEnd(15)} ${e.ContainerID.slice(0, 12).padStart(12)} ${e.Origin}\n`)
        .join("");
    case "ipam": {
      const entries = rep.IPAM.Entries || [];
      const mine = entries.filter((e) => e.Peer === R.Name);
      const rest = entries.filter((e) => e.Peer !== R.Name);
      const line = (e, info) => `${`${e.Peer}(${e.Nickname})`.padEnd(37)} ${String(e.Size).padStart(8)} IPs (${((e.Size * 100) / rep.IPAM.RangeNumIPs).toFixed(1).padStart(4, "0")}% of total) ${info}\n`;
      return mine.map((e) => line(e, `(${rep.IPAM.ActiveIPs} active)`)).join("") + rest.map((e) => line(e, e.IsKnownPeer ? "" : "- unreachable!")).join("");
    }
    default:
      return undefined;
  }
}

/** `weave ps`: `<12-char id> <mac> <cidr>…` (echo_addresses in weave@v2.8.1). */
function psLines(ids) {
  const list = containers().filter((c) => c.state === "running");
  const chosen = ids.length ? ids.map((id) => list.find((c) => c.Id.startsWith(id) || c.Name === id)).filter(Boolean) : list;
  const lines = [];
  if (!ids.length) lines.push(`weave:expose ${macFor("expose")}`);
  for (const c of chosen) lines.push([c.Id.slice(0, 12), c.weave ? c.weave.mac : macFor(c.Id), ...(c.weave ? [c.weave.cidr] : [])].join(" "));
  return lines;
}

Object.assign(module.exports, { report, reportText, statusText, subStatus, psLines, macFor });
