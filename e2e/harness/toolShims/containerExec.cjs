"use strict";
// What `docker exec <container> <cmd>` runs "inside" a container of the docker stand-in. No
// container exists, so the tools a connectivity check uses are answered from the Weave model
// (weaveNet.cjs): the resolver is WeaveDNS only for a container started through the weave proxy
// (DNS 172.17.0.1, as proxy.go:585-605@v2.8.1 sets it), ping reaches what the overlay routes.
// The image decides which tools exist: ubuntu/debian have glibc's getent and no ping/nslookup
// until `apt-get install iputils-ping dnsutils` inside the container (the runbook does this);
// busybox/alpine have busybox's nslookup and ping and no getent. Outputs follow iputils
// (s20121221, ubuntu 16.04), BIND 9.10 nslookup, busybox 1.36 and glibc getent.
// `sh -c '<script>'` runs the host's real /bin/sh with a PATH holding only the container's
// tools, so scripts with loops and pipes work and a missing tool is `sh: 1: ping: not found`.

const fs = require("node:fs");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("./lib.cjs");
const net = require("./weaveNet.cjs");

const CONTAINER_ENV = "ARMDECK_CONTAINER_ID";
const HOST_UTILS = ["grep", "sed", "awk", "head", "tail", "cut", "tr", "wc", "sort", "uniq", "sleep", "timeout", "true", "false", "xargs", "seq", "date", "env", "ls", "test", "["];
const PACKAGES = { "iputils-ping": ["ping"], dnsutils: ["nslookup"], "bind9-host": [], "netbase": [] };
const BRIDGE_DNS = "172.17.0.1";

function flavour(c) {
  return /(^|\/)(busybox|alpine)(:|$)/.test(c.Image) ? "busybox" : "glibc";
}

function tools(c) {
  const base = flavour(c) === "busybox" ? ["sh", "cat", "hostname", "nslookup", "ping", "echo"] : ["sh", "bash", "cat", "hostname", "getent", "apt-get", "echo"];
  return [...base, ...(c.installed || [])];
}

function upstreamResolver() {
  try {
    const m = /^\s*nameserver\s+(\S+)/m.exec(fs.readFileSync("/etc/resolv.conf", "utf8"));
    return m ? m[1] : "127.0.0.53";
  } catch {
    return "127.0.0.53";
  }
}

function resolverIp(c) {
  return c.viaProxy ? BRIDGE_DNS : upstreamResolver();
}

function fqdnOfSelf(c) {
  return c.Domainname ? `${c.Hostname}.${c.Domainname}` : c.Hostname;
}

/** The address /etc/hosts gives the container's own name: the weave proxy rewrites it to the Weave IP. */
function hostsIp(c) {
  return c.viaProxy && c.weave ? c.weave.ip : c.bridgeIp;
}

/**
 * A name as this container's resolver answers it: {name, ips} | {name, ips: []} (NXDOMAIN) |
 * null (no server). glibc reads /etc/hosts first (`files dns`), so a container's own name gives
 * its own address only; nslookup asks the server and passes useHosts = false.
 */
function lookup(c, name, useHosts = true) {
  const bare = name.replace(/\.$/, "");
  if (useHosts && bare === "localhost") return { name: "localhost", ips: ["127.0.0.1"] };
  if (useHosts && (bare === c.Hostname || bare === fqdnOfSelf(c))) return { name: fqdnOfSelf(c), ips: [hostsIp(c)] };
  const fqdn = net.fqdnOf(bare, c.Domainname === "weave.local");
  const canonical = fqdn.replace(/\.$/, "");
  if (!c.viaProxy) return { name: canonical, ips: [] }; // the host's resolver has never heard of weave.local
  if (!fqdn.toLowerCase().endsWith(`.${net.DOMAIN}`)) return net.routerUp() ? { name: canonical, ips: [] } : null;
  const ips = net.resolve(fqdn);
  return ips === null ? null : { name: canonical, ips };
}

function reverse(c, ip) {
  if (!c.viaProxy || !net.routerUp()) return undefined;
  const e = net.dnsEntries().find((x) => x.Tombstone === 0 && x.Address === ip);
  return e ? e.Hostname.replace(/\.$/, "") : undefined;
}

function getent(c, args) {
  const [db, ...keys] = args;
  if (db !== "hosts" && db !== "ahosts") {
    lib.warn(`Unknown database: ${db}`, "Try `getent --help' or `getent --usage' for more information.");
    return 1;
  }
  if (keys.length === 0) {
    lib.say(`127.0.0.1       localhost`, `${hostsIp(c).padEnd(15)} ${fqdnOfSelf(c)}${c.Domainname ? ` ${c.Hostname}` : ""}`);
    return 0;
  }
  let code = 0;
  for (const key of keys) {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(key)) {
      const name = key === hostsIp(c) ? fqdnOfSelf(c) : reverse(c, key);
      if (name) lib.say(`${key.padEnd(15)} ${name}`);
      else code = 2;
      continue;
    }
    const r = lookup(c, key);
    if (!r || r.ips.length === 0) {
      code = 2;
      continue;
    }
    // glibc prints one line per address of the hostent (getent.c print_hosts).
    for (const ip of r.ips) lib.say(db === "hosts" ? `${ip.padEnd(15)} ${r.name}` : `${ip.padEnd(15)} STREAM ${r.name}`);
  }
  return code;
}

function nslookup(c, args) {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name) {
    lib.warn("Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]");
    return 1;
  }
  const busybox = flavour(c) === "busybox" || !(c.installed || []).includes("nslookup");
  const server = resolverIp(c);
  const r = lookup(c, name, false);
  if (r === null) {
    lib.say(";; connection timed out; no servers could be reached", "");
    return 1;
  }
  lib.say(`Server:\t\t${server}`, `Address:\t${server}${busybox ? ":" : "#"}53`, "");
  if (r.ips.length === 0) {
    lib.say(`** server can't find ${r.name}: NXDOMAIN`, "");
    return 1;
  }
  for (const ip of r.ips) lib.say(`Name:\t${r.name}`, `Address: ${ip}`);
  lib.say("");
  return 0;
}

function rtt(local) {
  return (local ? 0.03 + Math.random() * 0.06 : 0.25 + Math.random() * 0.45).toFixed(3);
}

/** Can this container reach `ip`: its own addresses, the bridge, or a Weave IP the overlay routes. */
function reaches(c, ip) {
  if (ip.startsWith("127.") || ip === c.bridgeIp || ip === BRIDGE_DNS) return { ok: true, local: true };
  if (c.weave && ip === c.weave.ip) return { ok: true, local: true };
  const onWeave = /^10\.(3[2-9]|4[0-7])\./.test(ip);
  if (onWeave && !c.weave) return { ok: false, unreachableNet: true };
  if (onWeave) return net.reachable(ip);
  const sameHost = net.containers().some((x) => x.state === "running" && x.bridgeIp === ip);
  return { ok: sameHost, local: sameHost };
}

function ping(c, args) {
  let count = 4; // no -c would ping forever; the stand-in stops after 4
  let quiet = false;
  let numeric = false;
  let target;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-c") count = Math.max(1, Number(args[++i]) || 1);
    else if (/^-c\d+$/.test(a)) count = Math.max(1, Number(a.slice(2)));
    else if (["-W", "-w", "-i", "-s", "-t", "-I"].includes(a)) i++;
    else if (a === "-q") quiet = true;
    else if (a === "-n") numeric = true;
    else if (/^-[qn]+$/.test(a)) {
      quiet = quiet || a.includes("q");
      numeric = numeric || a.includes("n");
    } else if (!a.startsWith("-")) target = a;
  }
  const busybox = flavour(c) === "busybox";
  if (!target) {
    lib.warn(busybox ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST" : "Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]");
    return 2;
  }
  let ip = target;
  let byName = false;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(target)) {
    const r = lookup(c, target);
    if (!r || r.ips.length === 0) {
      lib.warn(busybox ? `ping: bad address '${target}'` : `ping: unknown host ${target}`);
      return busybox ? 1 : 2;
    }
    ip = r.ips[0];
    byName = r.name;
  }
  const reach = reaches(c, ip);
  if (reach.unreachableNet) {
    lib.warn("connect: Network is unreachable");
    return 2;
  }
  const times = reach.ok ? Array.from({ length: count }, () => rtt(reach.local)) : [];
  if (busybox) {
    lib.say(`PING ${byName || ip} (${ip}): 56 data bytes`);
    if (!quiet) times.forEach((t, i) => lib.say(`64 bytes from ${ip}: seq=${i} ttl=64 time=${t} ms`));
    lib.say("", `--- ${byName || ip} ping statistics ---`, `${count} packets transmitted, ${times.length} packets received, ${times.length ? 0 : 100}% packet loss`);
    if (times.length) lib.say(`round-trip min/avg/max = ${stats(times).slice(0, 3).join("/")} ms`);
    return times.length ? 0 : 1;
  }
  lib.say(`PING ${byName || ip} (${ip}) 56(84) bytes of data.`);
  const from = byName && !numeric ? `${reverse(c, ip) || byName} (${ip})` : ip;
  if (!quiet) times.forEach((t, i) => lib.say(`64 bytes from ${from}: icmp_seq=${i + 1} ttl=64 time=${Number(t).toFixed(t < 1 ? 3 : 2)} ms`));
  const elapsed = times.length ? Math.max(0, (count - 1) * 1000) : count * 1000;
  lib.say("", `--- ${byName || ip} ping statistics ---`, `${count} packets transmitted, ${times.length} received, ${times.length ? 0 : 100}% packet loss, time ${elapsed}ms`);
  if (times.length) lib.say(`rtt min/avg/max/mdev = ${stats(times).join("/")} ms`);
  else lib.say("");
  return times.length ? 0 : 1;
}

function stats(times) {
  const n = times.map(Number);
  const avg = n.reduce((a, b) => a + b, 0) / n.length;
  const mdev = Math.sqrt(n.reduce((a, b) => a + (b - avg) ** 2, 0) / n.length);
  return [Math.min(...n), avg, Math.max(...n), mdev].map((x) => x.toFixed(3));
}

function cat(c, args) {
  let code = 0;
  for (const f of args) {
    if (f === "/etc/resolv.conf") {
      if (c.viaProxy) lib.out(`search .\nnameserver ${BRIDGE_DNS}\n`);
      else lib.out(fs.readFileSync("/etc/resolv.conf", "utf8"));
    } else if (f === "/etc/hostname") lib.say(c.Hostname);
    else if (f === "/etc/hosts") {
      lib.out(`127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${hostsIp(c)}\t${fqdnOfSelf(c)}${c.Domainname ? ` ${c.Hostname}` : ""}\n`);
    } else {
      lib.warn(`cat: ${f}: No such file or directory`);
      code = 1;
    }
  }
  return code;
}

function hostname(c, args) {
  if (args.includes("-f")) lib.say(fqdnOfSelf(c));
  else if (args.includes("-i")) lib.say(c.bridgeIp);
  else lib.say(c.Hostname);
  return 0;
}

/** apt-get inside the container: records the tools a package brings (no network is used). */
function aptGet(c, args) {
  const sub = args.find((a) => !a.startsWith("-"));
  if (sub === "update") {
    lib.say("Get:1 http://ports.ubuntu.com/ubuntu-ports xenial InRelease [247 kB]", "Reading package lists...");
    return 0;
  }
  if (sub !== "install") {
    lib.warn(`E: Invalid operation ${sub || ""}`);
    return 100;
  }
  const pkgs = args.slice(args.indexOf("install") + 1).filter((a) => !a.startsWith("-"));
  const unknown = pkgs.find((p) => !(p in PACKAGES));
  if (unknown) {
    lib.say("Reading package lists...", "Building dependency tree...", "Reading state information...");
    lib.warn(`E: Unable to locate package ${unknown}`);
    return 100;
  }
  const list = net.containers();
  const me = list.find((x) => x.Id === c.Id);
  me.installed = [...new Set([...(me.installed || []), ...pkgs.flatMap((p) => PACKAGES[p])])];
  net.saveContainers(list);
  lib.say("Reading package lists...", "Building dependency tree...", "Reading state information...", ...pkgs.map((p) => `Setting up ${p} ...`));
  return 0;
}

const IMPLEMENTED = { getent, nslookup, ping, cat, hostname, "apt-get": aptGet };

/** A wrapper dir per container flavour: the container's tools (answered here) and plain utilities. */
function toolDir(c, dockerPath) {
  const dir = lib.statePath(`container-bin/${flavour(c)}`);
  if (fs.existsSync(path.join(dir, ".ready"))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  for (const t of Object.keys(IMPLEMENTED)) {
    fs.writeFileSync(path.join(dir, t), `#!/bin/sh\nexec /usr/bin/node ${JSON.stringify(dockerPath)} __container-tool ${t} "$@"\n`, { mode: 0o755 });
  }
  for (const u of HOST_UTILS) {
    const real = ["/usr/bin", "/bin"].map((d) => path.join(d, u)).find((f) => fs.existsSync(f));
    if (real) fs.symlinkSync(real, path.join(dir, u));
  }
  fs.writeFileSync(path.join(dir, ".ready"), "");
  return dir;
}

function runTool(c, tool, args) {
  return IMPLEMENTED[tool](c, args);
}

/** docker exec: a tool of the image, a shell script over those tools, or runc's "not found". */
function run(c, cmd, { dockerPath }) {
  const [prog, ...args] = cmd;
  const name = path.basename(prog);
  if (!tools(c).includes(name)) {
    lib.warn(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown`);
    return 126;
  }
  if (name === "echo") {
    lib.say(args.join(" "));
    return 0;
  }
  if (name === "sh" || name === "bash") {
    const r = childProcess.spawnSync("/bin/sh", args, {
      stdio: "inherit",
      env: { PATH: toolDir(c, dockerPath), HOSTNAME: c.Hostname, HOME: "/root", [CONTAINER_ENV]: c.Id },
    });
    return r.status ?? 1;
  }
  return runTool(c, name, args);
}

/** A wrapper from toolDir called back into docker: the tool, if this container has it. */
function runWrapped(tool, args) {
  const c = net.containers().find((x) => x.Id === process.env[CONTAINER_ENV]);
  if (!c || !tools(c).includes(tool)) {
    lib.warn(`sh: 1: ${tool}: not found`);
    return 127;
  }
  return runTool(c, tool, args);
}

module.exports = { run, runWrapped, tools, flavour };
