#!/usr/bin/node
"use strict";
// Stand-in for the `weave` script (Weave Net __WEAVE_VERSION__) that the curl shim writes where
// the app downloads it. No router runs: launch/stop/reset keep state in the host's private
// tree, and peers find each other through a registry shared by all test hosts on this machine,
// so `weave status` counts the connections a real mesh of these hosts would have. The status
// text follows the 2.8.1 template (prog/weaver/http.go) line for line.

const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");

const VERSION = "__WEAVE_VERSION__";
const STATE = lib.statePath("weave.json");
const SOCKET = "/var/run/weave/weave.sock";
const MESH_DIR = "/run/armdeck-weave-mesh";
const PORT = 6783;
const TOTAL_IPS = 1048576; // 10.32.0.0/12

function usage() {
  lib.warn(
    "Usage:",
    "",
    "weave --help | help",
    "      setup",
    "      version",
    "",
    "weave launch        <same arguments as 'weave launch-router'>",
    "      prime",
    "",
    "weave status        [targets | connections | peers | dns | ipam]",
    "      report        [-f <format>]",
    "      ps            [<container_id> ...]",
    "",
    "weave stop",
    "weave reset         [--force]",
    "",
    "where <peer>       = <ip_address_or_fqdn>[:<port>]",
  );
  return 1;
}

function state() {
  return lib.readJson(STATE, { running: false, generation: 0 });
}

function peerName(s) {
  // Locally administered unicast MAC, stable for a host until `weave reset`.
  const h = lib.hex(`${lib.hostname()}|${lib.config.address}|${s.generation || 0}`, 12);
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, "0");
  return [first, h.slice(2, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10, 12)].join(":");
}

function myNs() {
  return fs.readlinkSync("/proc/self/ns/mnt");
}

function meshFile() {
  return path.join(MESH_DIR, `${lib.config.address}.json`);
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

/** Connections, peers and IPAM readiness as the mesh of registered hosts would have them. */
function mesh(s) {
  const self = { hostname: lib.hostname(), address: lib.config.address, name: peerName(s), targets: s.targets || [], ns: myNs(), running: true };
  const others = meshEntries().filter((e) => e.address !== self.address);
  const nodes = [self, ...others];
  const linked = (a, b) => a.targets.some((t) => resolves(t, b)) || b.targets.some((t) => resolves(t, a));
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
      connections.push({ outbound: true, address: `${peer.address}:${PORT}`, state: "established", peer });
    } else {
      connections.push({ outbound: true, address: `${stripPort(t)}:${PORT}`, state: "failed", target: stripPort(t) });
    }
  }
  for (const o of others) {
    if (seen.has(o.address) || !o.targets.some((t) => resolves(t, self))) continue;
    seen.add(o.address);
    connections.push({ outbound: false, address: `${o.address}:${40000 + (parseInt(lib.hex(o.address, 4), 16) % 20000)}`, state: "established", peer: o });
  }
  const quorum = Math.floor(((s.targets || []).length + 1) / 2) + 1;
  return { self, component, edges, connections, quorum, ipamReady: component.length >= quorum };
}

function label(name, value) {
  return `${name.padStart(15)}: ${value}`;
}

function counts(list, order) {
  const c = {};
  for (const x of list) c[x] = (c[x] || 0) + 1;
  return order.filter((k) => c[k]).map((k) => `${c[k]} ${k}`).join(", ");
}

function upstream() {
  try {
    const ns = fs.readFileSync("/etc/resolv.conf", "utf8").split("\n").map((l) => /^\s*nameserver\s+(\S+)/.exec(l)).filter(Boolean).map((m) => m[1]);
    return ns.length ? ns.join(", ") : "none";
  } catch {
    return "none";
  }
}

function fmtDate(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function statusText(s) {
  const m = mesh(s);
  const connStates = counts(m.connections.map((c) => c.state), ["established", "pending", "retrying", "failed", "connecting"]);
  const nextCheck = new Date(Date.parse(s.launchedAt) + 6 * 3600 * 1000);
  const lines = [
    label("Version", `${VERSION} (up to date; next check at ${fmtDate(nextCheck)})`),
    "",
    label("Service", "router"),
    label("Protocol", "weave 1..2"),
    label("Name", `${m.self.name}(${m.self.hostname})`),
    label("Encryption", s.password ? "enabled" : "disabled"),
    label("PeerDiscovery", "enabled"),
    label("Targets", String((s.targets || []).length)),
    label("Connections", `${m.connections.length}${connStates ? ` (${connStates})` : ""}`),
    label("Peers", `${m.component.length}${m.edges ? ` (with ${2 * m.edges} established connections)` : ""}`),
    label("TrustedSubnets", "none"),
    "",
    label("Service", "ipam"),
    label("Status", m.ipamReady ? "ready" : `awaiting consensus (quorum: ${m.quorum}, known: ${m.component.length})`),
    label("Range", "10.32.0.0/12"),
    label("DefaultSubnet", "10.32.0.0/12"),
    "",
    label("Service", "dns"),
    label("Domain", "weave.local."),
    label("Upstream", upstream()),
    label("TTL", "1"),
    label("Entries", "0"),
    "",
    label("Service", "proxy"),
    label("Address", `unix://${SOCKET}`),
    "",
    label("Service", "plugin (legacy)"),
    label("DriverName", "weave"),
  ];
  return { text: lines.join("\n") + "\n", mesh: m };
}

function subStatus(sub, s) {
  const m = mesh(s);
  switch (sub) {
    case "targets":
      return (s.targets || []).map((t) => t + "\n").join("");
    case "connections":
      return m.connections
        .map((c) => {
          const info = c.state === "established" ? `fastdp ${c.peer.name}(${c.peer.hostname}) mtu=1376` : `dial tcp4 ${c.address}: connect: connection refused, retry: ${new Date(Date.now() + 30000).toISOString().replace("T", " ").replace("Z", "")} +0000 UTC`;
          return `${c.outbound ? "->" : "<-"} ${c.address.padEnd(21)} ${c.state.padEnd(11)} ${info} \n`;
        })
        .join("");
    case "peers": {
      let out = "";
      for (const p of m.component) {
        out += `${p.name}(${p.hostname})\n`;
        for (const q of m.component) {
          if (q === p) continue;
          const pq = p.targets.some((t) => resolves(t, q));
          const qp = q.targets.some((t) => resolves(t, p));
          if (!pq && !qp) continue;
          const addr = pq ? `${q.address}:${PORT}` : `${q.address}:${40000 + (parseInt(lib.hex(q.address, 4), 16) % 20000)}`;
          out += `   ${pq ? "->" : "<-"} ${addr.padEnd(21)} ${`${q.name}(${q.hostname})`.padEnd(37)} established\n`;
        }
      }
      return out;
    }
    case "dns":
      return "";
    case "ipam": {
      if (!m.ipamReady) return "";
      const share = Math.floor(TOTAL_IPS / m.component.length);
      return m.component
        .map((p, i) => {
          const ips = i === 0 ? TOTAL_IPS - share * (m.component.length - 1) : share;
          const pct = ((ips * 100) / TOTAL_IPS).toFixed(1).padStart(4, "0");
          return `${`${p.name}(${p.hostname})`.padEnd(37)} ${String(ips).padStart(8)} IPs (${pct}% of total) ${i === 0 ? "(0 active)" : ""}\n`;
        })
        .join("");
    }
    default:
      return undefined;
  }
}

function writeMesh(s) {
  fs.mkdirSync(MESH_DIR, { recursive: true });
  const entry = { hostname: lib.hostname(), address: lib.config.address, name: peerName(s), targets: s.targets || [], ns: myNs(), running: !!s.running };
  const tmp = `${meshFile()}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(entry));
  fs.renameSync(tmp, meshFile());
}

function removeMesh() {
  fs.rmSync(meshFile(), { force: true });
}

function haveImage(ref) {
  return Object.prototype.hasOwnProperty.call(lib.readJson(lib.statePath("docker-images.json"), {}), ref);
}

function dockerPull(ref) {
  if (haveImage(ref)) return true;
  lib.warn(`Unable to find image '${ref}' locally`);
  const r = childProcess.spawnSync("docker", ["pull", ref], { stdio: ["ignore", 2, 2] });
  return r.status === 0;
}

// A real unix socket file, as the proxy leaves while it runs; nothing listens once we exit.
function createSocket() {
  fs.mkdirSync(path.dirname(SOCKET), { recursive: true });
  fs.rmSync(SOCKET, { force: true });
  return new Promise((resolve) => {
    const server = net.createServer();
    server.on("error", () => {
      fs.writeFileSync(SOCKET, "");
      resolve();
    });
    server.listen(SOCKET, () => resolve());
  });
}

async function launch(args) {
  if (!lib.which("docker")) {
    lib.warn(`${process.argv[1]}: 1: docker: not found`, "ERROR: Unable to parse docker version");
    return 1;
  }
  const s = state();
  if (s.running) {
    lib.warn("Weave Net is already running");
    return 1;
  }
  const peers = [];
  let password;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--password" || a === "-password") password = args[++i];
    else if (a.startsWith("--password=")) password = a.slice(11);
    else if (["--name", "--nickname", "--ipalloc-range", "--ipalloc-init", "--ipalloc-default-subnet", "--dns-domain", "--trusted-subnets", "--conn-limit", "--log-level", "--host"].includes(a)) i++;
    else if (a === "--resume") {
      if (args.some((x) => !x.startsWith("-"))) {
        lib.warn("You must not specify an initial peer list in conjunction with --resume");
        return 1;
      }
    } else if (a.startsWith("-")) continue;
    else if (!peers.includes(a)) peers.push(a);
  }
  if (!dockerPull(`weaveworks/weaveexec:${VERSION}`) || !dockerPull(`weaveworks/weave:${VERSION}`) || !dockerPull("weaveworks/weavedb:latest")) {
    lib.warn("ERROR: failed to pull the Weave Net images");
    return 1;
  }
  const next = {
    ...s,
    running: true,
    // On a relaunch after `weave stop` the router keeps its persisted peer list.
    targets: s.launchedAt && !s.reset && peers.length === 0 ? s.targets || [] : peers,
    password: password || process.env.WEAVE_PASSWORD || undefined,
    containerId: lib.randomHex(64),
    launchedAt: new Date().toISOString(),
    version: VERSION,
    reset: false,
  };
  lib.writeJson(STATE, next);
  await createSocket();
  writeMesh(next);
  lib.sleepMs(lib.delay("weaveLaunchMs", 200));
  lib.say(next.containerId);
  return 0;
}

function status(args) {
  const s = state();
  if (!s.running) {
    lib.warn("weave container is not present. Have you launched it?");
    return 1;
  }
  writeMesh(s);
  if (args.length === 0) {
    lib.out("\n" + statusText(s).text + "\n");
    return 0;
  }
  const text = subStatus(args[0], s);
  if (text === undefined) {
    lib.warn(`Invalid 'weave status' sub-command: ${args[0]}`);
    return usage();
  }
  lib.out(text);
  return 0;
}

function stop() {
  const s = state();
  if (!s.running) {
    lib.warn("Weave is not running (ignore on Kubernetes).");
    return 0;
  }
  lib.writeJson(STATE, { ...s, running: false });
  fs.rmSync(SOCKET, { force: true });
  removeMesh();
  return 0;
}

function reset() {
  const s = state();
  lib.writeJson(STATE, { running: false, generation: (s.generation || 0) + 1, reset: true });
  fs.rmSync(SOCKET, { force: true });
  removeMesh();
  return 0;
}

async function main(argv) {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case "launch":
    case "launch-router":
      return launch(args);
    case "status":
      return status(args);
    case "stop":
      return stop();
    case "reset":
      return reset();
    case "version":
      lib.say(`weave script ${VERSION}`);
      if (haveImage(`weaveworks/weave:${VERSION}`)) lib.say(`weave ${VERSION}`);
      else lib.warn(`Unable to find weaveworks/weave:${VERSION} image.`);
      return 0;
    case "env":
      if (!state().running) {
        lib.warn("weave proxy is not running");
        return 1;
      }
      lib.say(`export DOCKER_HOST=unix://${SOCKET}`);
      return 0;
    case "connect": {
      const s = state();
      if (!s.running) {
        lib.warn("weave container is not present. Have you launched it?");
        return 1;
      }
      const replace = args.includes("--replace");
      const peers = args.filter((a) => !a.startsWith("-"));
      s.targets = replace ? peers : [...new Set([...(s.targets || []), ...peers])];
      lib.writeJson(STATE, s);
      writeMesh(s);
      return 0;
    }
    case "forget": {
      const s = state();
      s.targets = (s.targets || []).filter((t) => !args.includes(t));
      lib.writeJson(STATE, s);
      if (s.running) writeMesh(s);
      return 0;
    }
    case "ps":
      return 0;
    case "prime":
      return state().running ? 0 : (lib.warn("weave container is not present. Have you launched it?"), 1);
    case "--help":
    case "help":
      usage();
      return 0;
    case "run":
    case "start":
    case "restart":
    case "launch-plugin":
    case "stop-plugin":
    case "launch-proxy":
    case "stop-proxy":
    case "stop-router":
      lib.warn(`The 'weave ${cmd}' command has been removed as of Weave Net version 2.0`);
      return 1;
    default:
      return usage();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    lib.warn(String(e && e.stack ? e.stack : e));
    process.exit(1);
  },
);
