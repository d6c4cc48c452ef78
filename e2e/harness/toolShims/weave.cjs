#!/usr/bin/node
"use strict";
// Stand-in for the `weave` script (Weave Net __WEAVE_VERSION__) that the curl shim writes where
// the app downloads it. No router runs: launch/stop/reset keep state in the host's private
// tree, and peers find each other through a registry shared by all test hosts on this machine
// (weaveNet.cjs, beside lib.cjs), so `weave status`, `weave report` and `weave ps` answer what a
// real mesh of these hosts would: peers, connections, the IPAM ring, the cluster-wide WeaveDNS
// of the containers the docker stand-in attached. The text follows the 2.8.1 templates
// (prog/weaver/http.go) line for line; the same replies serve curl http://127.0.0.1:6784/….

const fs = require("node:fs");
const netSocket = require("node:net");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");
const net = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "weaveNet.cjs"));

const VERSION = "__WEAVE_VERSION__";
const STATE = net.ROUTER;
const SOCKET = "/var/run/weave/weave.sock";

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
  return net.router();
}

function writeMesh() {
  net.publish();
}

function removeMesh() {
  net.unpublish();
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
    const server = netSocket.createServer();
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

/** The router must answer: launched, and not died since (an injected routerDown fault). */
function routerAnswers() {
  const s = state();
  if (!s.running) {
    lib.warn("weave container is not present. Have you launched it?");
    return false;
  }
  writeMesh(s);
  if (!net.routerUp(s)) {
    lib.warn("weave container is not running.");
    return false;
  }
  return true;
}

function status(args) {
  if (!routerAnswers()) return 1;
  if (args.length === 0) {
    lib.out("\n" + net.statusText() + "\n");
    return 0;
  }
  const text = net.subStatus(args[0]);
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
      if (!routerAnswers()) return 1;
      for (const l of net.psLines(args)) lib.say(l);
      return 0;
    case "report": {
      if (!routerAnswers()) return 1;
      if (args[0] === "-f" || args[0] === "--format") {
        lib.warn("The Armdeck stand-in answers `weave report` only as JSON (no -f templates).");
        return 1;
      }
      lib.out(net.reportText() + "\n");
      return 0;
    }
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
