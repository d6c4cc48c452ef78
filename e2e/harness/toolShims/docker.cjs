#!/usr/bin/node
"use strict";
// docker CLI stand-in, present on a test host only once apt-get installed docker.io. There is
// no daemon: pulls and containers are recorded in the host's private state and answered from
// there, with the wording docker 20.10 (Debian 12's docker.io) uses. Nothing really runs in a
// container: `docker run` records one (the Mesos agent stand-in runs its tasks' containers this
// way, named mesos-<container id>), and through the weave proxy's socket it is attached to Weave
// and registers its hostname in WeaveDNS (weaveNet.cjs). `docker exec` answers getent, nslookup,
// ping and cat "inside" it from that model (containerExec.cjs). The weave router shows as a
// container too while the weave stand-in is launched.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const lib = require("__ARMDECK_SHIM_LIB__");
const net = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "weaveNet.cjs"));
const containerExec = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "containerExec.cjs"));

const VERSION = "20.10.24+dfsg1";
const API = "1.41";
const IMAGES = lib.statePath("docker-images.json");
const WEAVE = lib.statePath("weave.json");
const DEFAULT_SOCKET = "/var/run/docker.sock";

function parseRef(ref) {
  let name = ref;
  let tag = "latest";
  let defaulted = true;
  const at = name.indexOf("@");
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    defaulted = false;
  }
  const path = name.includes("/") ? name.replace(/^docker\.io\//, "") : `library/${name}`;
  const short = path.startsWith("library/") ? path.slice(8) : path;
  return { key: `${short}:${tag}`, short, path, tag, defaulted };
}

function images() {
  return lib.readJson(IMAGES, {});
}

function imageJson(img) {
  const ref = parseRef(img.ref);
  return {
    Id: `sha256:${img.id}`,
    RepoTags: [ref.key],
    RepoDigests: [`${ref.short}@sha256:${img.digest}`],
    Parent: "",
    Comment: "",
    Created: img.created,
    Container: lib.hex(img.ref + "container", 64),
    DockerVersion: "20.10.7",
    Author: "",
    Config: {
      Hostname: "",
      Domainname: "",
      User: "",
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
      Cmd: ["/bin/bash"],
      Image: `sha256:${lib.hex(img.ref + "config", 64)}`,
      Volumes: null,
      WorkingDir: "",
      Entrypoint: null,
      OnBuild: null,
      Labels: null,
    },
    Architecture: lib.debArch(),
    Variant: lib.machine() === "aarch64" ? "v8" : undefined,
    Os: "linux",
    Size: img.size,
    VirtualSize: img.size,
    GraphDriver: { Data: {}, Name: "overlay2" },
    RootFS: { Type: "layers", Layers: img.layers.map((l) => `sha256:${lib.hex(l, 64)}`) },
    Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
  };
}

function weaveContainer() {
  const w = lib.readJson(WEAVE, {});
  if (!w.running) return undefined;
  const up = net.routerUp(w);
  return {
    Id: w.containerId,
    Name: "/weave",
    Image: `weaveworks/weave:${w.version}`,
    Created: w.launchedAt,
    State: { Status: up ? "running" : "exited", Running: up, Paused: false, Restarting: false, Pid: 0, ExitCode: up ? 0 : 2, StartedAt: w.launchedAt },
    Config: { Hostname: lib.hostname(), Image: `weaveworks/weave:${w.version}` },
    NetworkSettings: { IPAddress: "" },
  };
}

/** Go template subset: {{.A.B}}, {{json .A}}, {{.A}} with surrounding text. */
function format(template, obj) {
  return template.replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_, json, field) => {
    let v = obj;
    for (const part of field.split(".").filter(Boolean)) v = v == null ? undefined : v[part];
    if (json) return JSON.stringify(v ?? null);
    if (v === undefined) return "<no value>";
    if (v !== null && typeof v === "object") return Array.isArray(v) ? `[${v.join(" ")}]` : `map[${Object.entries(v).map(([k, x]) => `${k}:${x}`).join(" ")}]`;
    return String(v);
  });
}

function optionValue(args, names) {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1];
      if (args[i].startsWith(n + "=")) return args[i].slice(n.length + 1);
    }
  }
  return undefined;
}

function positional(args, withValue = ["-f", "--format", "--filter", "--platform"]) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    if (withValue.includes(args[i])) i++;
    else if (!args[i].startsWith("-")) out.push(args[i]);
  }
  return out;
}

function pull(args) {
  const [refText] = positional(args);
  if (!refText) {
    lib.warn('"docker pull" requires exactly 1 argument.', "See 'docker pull --help'.", "", "Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]", "", "Pull an image or a repository from a registry");
    return 1;
  }
  const ref = parseRef(refText);
  const all = images();
  if (ref.defaulted) lib.say("Using default tag: latest");
  lib.say(`${ref.tag}: Pulling from ${ref.path}`);
  const digest = lib.hex(`${ref.key}:${lib.debArch()}:digest`, 64);
  if (all[ref.key]) {
    lib.say(`Digest: sha256:${digest}`, `Status: Image is up to date for ${ref.key}`, `docker.io/${ref.path}:${ref.tag}`);
    return 0;
  }
  const layers = [0, 1, 2, 3].map((i) => lib.hex(`${ref.key}:${lib.debArch()}:layer${i}`, 12));
  const lines = [];
  for (const l of layers) lines.push(`${l}: Pulling fs layer`);
  for (const l of [...layers].reverse()) lines.push(`${l}: Verifying Checksum`, `${l}: Download complete`);
  for (const l of layers) lines.push(`${l}: Pull complete`);
  lib.trickle(lines, lib.delay("dockerPullMs", 400));
  lib.say(`Digest: sha256:${digest}`, `Status: Downloaded newer image for ${ref.key}`, `docker.io/${ref.path}:${ref.tag}`);
  all[ref.key] = {
    ref: ref.key,
    id: lib.hex(`${ref.key}:${lib.debArch()}:id`, 64),
    digest,
    layers,
    size: 100000000 + (parseInt(digest.slice(0, 6), 16) % 50000000),
    created: "2021-08-31T01:21:30.672229355Z",
    pulledAt: new Date().toISOString(),
  };
  lib.writeJson(IMAGES, all);
  return 0;
}

function inspect(args, kind) {
  const fmt = optionValue(args, ["-f", "--format"]);
  const names = positional(args);
  const all = images();
  const found = [];
  let missing = false;
  for (const n of names) {
    const c = weaveContainer();
    if (kind !== "image" && c && (n === "weave" || c.Id.startsWith(n))) {
      found.push(c);
      continue;
    }
    const own = kind !== "image" ? findContainer(n, net.containers().filter((x) => !x.removed)) : undefined;
    if (own) {
      found.push(containerJson(own));
      continue;
    }
    const img = all[parseRef(n).key] || Object.values(all).find((i) => n.replace(/^sha256:/, "").length >= 4 && i.id.startsWith(n.replace(/^sha256:/, "")));
    if (img && kind !== "container") found.push(imageJson(img));
    else {
      missing = true;
      lib.warn(`Error: No such ${kind === "image" ? "image" : kind === "container" ? "container" : "object"}: ${n}`);
    }
  }
  if (fmt) for (const f of found) lib.say(format(fmt, f));
  else lib.say(JSON.stringify(found, null, 4));
  return missing ? 1 : 0;
}

function imagesCmd(args) {
  const quiet = args.includes("-q") || args.includes("--quiet");
  const all = Object.values(images());
  if (quiet) {
    for (const i of all) lib.say(i.id.slice(0, 12));
    return 0;
  }
  lib.say("REPOSITORY   TAG       IMAGE ID       CREATED       SIZE");
  for (const i of all) {
    const ref = parseRef(i.ref);
    lib.say(`${ref.short.padEnd(12)} ${ref.tag.padEnd(9)} ${i.id.slice(0, 12)}   2 years ago   ${Math.round(i.size / 1e6)}MB`);
  }
  return 0;
}

function ps(args) {
  const quiet = args.includes("-q") || args.includes("--quiet");
  const all = args.includes("-a") || args.includes("--all");
  const noTrunc = args.includes("--no-trunc");
  const fmt = optionValue(args, ["--format"]);
  const w = weaveContainer();
  const rows = [];
  if (w && (all || w.State.Running)) rows.push({ ID: w.Id, Image: w.Image, Command: '"/home/weave/weaver …"', Status: w.State.Running ? "Up 2 minutes" : "Exited (2) 1 second ago", Names: "weave" });
  for (const c of containerRows(all)) rows.push({ ID: c.Id, Image: c.Image, Command: `"${[...c.Entrypoint, ...c.Cmd].join(" ").slice(0, 20)}"`, Status: c.state === "running" ? "Up 1 minute" : `Exited (${c.exitCode ?? 0}) 1 second ago`, Names: c.Name });
  const id = (r) => (noTrunc ? r.ID : r.ID.slice(0, 12));
  if (quiet) {
    for (const r of rows) lib.say(id(r));
    return 0;
  }
  if (fmt) {
    for (const r of rows) lib.say(format(fmt, { ...r, ID: id(r) }));
    return 0;
  }
  lib.say("CONTAINER ID   IMAGE                     COMMAND                  CREATED         STATUS         PORTS     NAMES");
  for (const r of rows) lib.say(`${id(r)}   ${r.Image.padEnd(25)} ${r.Command.padEnd(24)} 2 minutes ago   ${r.Status.padEnd(14)}           ${r.Names}`);
  return 0;
}

// ---- Containers (records only; see the header)

const WEAVE_SOCKET = "/var/run/weave/weave.sock";
const RUN_WITH_VALUE = new Set(["--name", "-h", "--hostname", "--net", "--network", "-e", "--env", "--entrypoint", "--cpu-shares", "-c", "-m", "--memory", "-v", "--volume", "-p", "--publish", "-l", "--label", "--dns", "--dns-search", "-w", "--workdir", "-u", "--user", "--add-host", "--cpus", "--log-driver", "--log-opt", "--restart", "--stop-signal", "--mount", "--ip"]);
const RUN_FLAGS = new Set(["-d", "--detach", "--rm", "-i", "--interactive", "-t", "--tty", "--privileged", "-it", "-ti", "-P", "--init"]);

function findContainer(ref, list = net.containers()) {
  const name = String(ref).replace(/^\//, "");
  return list.find((c) => c.Name === name) || (name.length >= 1 ? list.find((c) => c.Id.startsWith(name)) : undefined);
}

function containerJson(c) {
  const running = c.state === "running";
  return {
    Id: c.Id,
    Created: c.createdAt,
    Path: c.Entrypoint.length ? c.Entrypoint[0] : c.Cmd[0] || "",
    Args: [...c.Entrypoint.slice(1), ...(c.Entrypoint.length ? c.Cmd : c.Cmd.slice(1))],
    State: { Status: running ? "running" : "exited", Running: running, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: running ? c.pid : 0, ExitCode: running ? 0 : c.exitCode ?? 137, Error: "", StartedAt: c.startedAt, FinishedAt: c.finishedAt || "0001-01-01T00:00:00Z" },
    Image: `sha256:${lib.hex(c.Image + ":id", 64)}`,
    Name: `/${c.Name}`,
    RestartCount: 0,
    Driver: "overlay2",
    Platform: "linux",
    HostConfig: { NetworkMode: c.network, Dns: c.viaProxy ? ["172.17.0.1"] : [], DnsSearch: c.viaProxy ? ["."] : [], Privileged: false },
    Config: { Hostname: c.Hostname, Domainname: c.Domainname, User: "", Env: c.Env, Cmd: c.Cmd, Image: c.Image, Entrypoint: c.Entrypoint.length ? c.Entrypoint : null, Labels: c.Labels },
    NetworkSettings: {
      IPAddress: running && c.network === "bridge" ? c.bridgeIp : "",
      Networks: c.network === "bridge" ? { bridge: { IPAddress: running ? c.bridgeIp : "", Gateway: running ? "172.17.0.1" : "", IPPrefixLen: running ? 16 : 0, MacAddress: running ? c.bridgeMac : "" } } : {},
    },
  };
}

function parseRun(args) {
  const o = { name: undefined, hostname: undefined, network: "bridge", env: [], labels: {}, entrypoint: undefined, detach: false };
  let i = 0;
  for (; i < args.length; i++) {
    let a = args[i];
    let value;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (RUN_WITH_VALUE.has(a)) {
      if (value === undefined) value = args[++i];
      if (value === undefined) return { error: `flag needs an argument: ${a}` };
      if (a === "--name") o.name = value;
      else if (a === "-h" || a === "--hostname") o.hostname = value;
      else if (a === "--net" || a === "--network") o.network = value === "default" ? "bridge" : value;
      else if (a === "-e" || a === "--env") o.env.push(value);
      else if (a === "-l" || a === "--label") o.labels[value.split("=")[0]] = value.split("=").slice(1).join("=");
      else if (a === "--entrypoint") o.entrypoint = value;
    } else if (RUN_FLAGS.has(a)) {
      if (a === "-d" || a === "--detach") o.detach = true;
    } else if (a.startsWith("-")) {
      return { error: `unknown flag: ${a}` };
    } else break;
  }
  o.image = args[i];
  o.cmd = args.slice(i + 1);
  return o;
}

/**
 * docker run/create. Through the weave proxy (the agent's --docker_socket) the container is
 * attached with an IP from this peer's IPAM range and, like proxy/create_container_interceptor.go
 * and proxy.go:494-518@v2.8.1, registers Hostname.Domainname, or its name when it has no
 * hostname; names outside weave.local are not registered.
 */
function run(args, socket, start) {
  const o = parseRun(args);
  if (o.error) {
    lib.warn(`${o.error}`, "See 'docker run --help'.");
    return 125;
  }
  if (!o.image) {
    lib.warn('"docker run" requires at least 1 argument.', "See 'docker run --help'.");
    return 1;
  }
  const list = net.containers();
  if (o.name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(o.name)) {
    lib.warn(`docker: Error response from daemon: Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`, "See 'docker run --help'.");
    return 125;
  }
  if (o.name && findContainer(o.name, list.filter((c) => c.Name === o.name))) {
    const other = list.find((c) => c.Name === o.name);
    lib.warn(`docker: Error response from daemon: Conflict. The container name "/${o.name}" is already in use by container "${other.Id}". You have to remove (or rename) that container to be able to reuse that name.`, "See 'docker run --help'.");
    return 125;
  }
  if (!images()[parseRef(o.image).key]) {
    lib.warn(`Unable to find image '${o.image}' locally`);
    const code = pull([o.image]);
    if (code !== 0) return 125;
  }
  const viaProxy = socket === WEAVE_SOCKET && net.routerUp();
  const id = lib.randomHex(64);
  const name = o.name || `${["brave", "calm", "eager", "keen"][parseInt(id.slice(0, 2), 16) % 4]}_${["turing", "hopper", "lovelace", "curie"][parseInt(id.slice(2, 4), 16) % 4]}`;
  // Docker splits --hostname a.b.c into Hostname "a" and Domainname "b.c"; the proxy joins them again.
  let hostname = o.hostname;
  let domainname = "";
  if (hostname && hostname.includes(".")) {
    domainname = hostname.slice(hostname.indexOf(".") + 1);
    hostname = hostname.slice(0, hostname.indexOf("."));
  }
  if (!hostname && viaProxy && `${name}.weave.local`.length <= 64) {
    hostname = name;
    domainname = "weave.local";
  }
  const now = new Date().toISOString();
  const running = list.filter((c) => c.state === "running" && c.network === "bridge").length;
  const c = {
    Id: id,
    Name: name,
    Image: o.image,
    Hostname: hostname || id.slice(0, 12),
    Domainname: domainname,
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", ...o.env],
    Cmd: o.cmd,
    Entrypoint: o.entrypoint ? [o.entrypoint] : [],
    Labels: o.labels,
    network: o.network,
    viaProxy,
    createdAt: now,
    startedAt: start ? now : "0001-01-01T00:00:00Z",
    state: start ? "running" : "created",
    pid: 20000 + (parseInt(id.slice(0, 4), 16) % 10000),
    bridgeIp: `172.17.0.${2 + running}`,
    bridgeMac: `02:42:ac:11:00:${(2 + running).toString(16).padStart(2, "0")}`,
    installed: [],
  };
  if (viaProxy && start) attach(c, list);
  list.push(c);
  net.saveContainers(list);
  if (o.detach || !start) lib.say(id);
  return 0;
}

function attach(c, list) {
  c.weave = net.allocateIp(list);
  const fqdn = c.Domainname ? `${c.Hostname}.${c.Domainname}.` : undefined;
  if (c.weave && fqdn && fqdn.toLowerCase().endsWith(`.${net.DOMAIN}`)) c.dns = fqdn;
}

function stopContainers(args, signal) {
  const names = positional(args, ["-t", "--time", "-s", "--signal"]);
  const list = net.containers();
  let code = 0;
  for (const n of names) {
    const c = findContainer(n, list);
    if (!c) {
      lib.warn(`Error response from daemon: No such container: ${n}`);
      code = 1;
      continue;
    }
    if (c.state === "running") {
      c.state = "exited";
      c.exitCode = signal === "kill" ? 137 : 143;
      c.finishedAt = new Date().toISOString();
    } else if (signal === "kill") {
      lib.warn(`Error response from daemon: Cannot kill container: ${n}: Container ${c.Id} is not running`);
      code = 1;
      continue;
    }
    lib.say(n);
  }
  net.saveContainers(list);
  return code;
}

function rm(args) {
  const force = args.includes("-f") || args.includes("--force");
  const list = net.containers();
  let code = 0;
  for (const n of positional(args)) {
    const c = findContainer(n, list);
    if (!c || c.removed) {
      lib.warn(`Error: No such container: ${n}`);
      code = 1;
      continue;
    }
    if (c.state === "running" && !force) {
      lib.warn(`Error response from daemon: You cannot remove a running container ${c.Id}. Stop the container before attempting removal or force remove`);
      code = 1;
      continue;
    }
    if (c.state === "running") {
      c.state = "exited";
      c.finishedAt = new Date().toISOString();
    }
    // Removed, but its DNS tombstone stays in the router for a while (weaveNet.cjs).
    c.removed = true;
    lib.say(n);
  }
  net.saveContainers(list);
  return code;
}

function exec(args) {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (["-e", "--env", "-u", "--user", "-w", "--workdir"].includes(a)) i++;
    else if (a.startsWith("-")) continue;
    else break;
  }
  const ref = args[i];
  const cmd = args.slice(i + 1);
  if (!ref || cmd.length === 0) {
    lib.warn('"docker exec" requires at least 2 arguments.', "See 'docker exec --help'.", "", "Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", "", "Run a command in a running container");
    return 1;
  }
  const c = findContainer(ref, net.containers().filter((x) => !x.removed));
  if (!c) {
    lib.warn(`Error: No such container: ${ref}`);
    return 1;
  }
  if (c.state !== "running") {
    lib.warn(`Error response from daemon: Container ${c.Id} is not running`);
    return 1;
  }
  return containerExec.run(c, cmd, { dockerPath: process.argv[1] });
}

function containerRows(all) {
  return net.containers().filter((c) => !c.removed && (all || c.state === "running"));
}

function version(args) {
  const fmt = optionValue(args, ["-f", "--format"]);
  const goArch = lib.debArch();
  const data = {
    Client: { Version: VERSION, ApiVersion: API, GoVersion: "go1.19.8", GitCommit: "297e128", Os: "linux", Arch: goArch },
    Server: { Version: VERSION, ApiVersion: API, MinAPIVersion: "1.12", GoVersion: "go1.19.8", GitCommit: "5d6db84", Os: "linux", Arch: goArch },
  };
  if (fmt) {
    lib.say(format(fmt, data));
    return 0;
  }
  lib.say(
    "Client:",
    ` Version:           ${VERSION}`,
    ` API version:       ${API}`,
    " Go version:        go1.19.8",
    " Git commit:        297e128",
    " Built:             Thu May 18 08:38:34 2023",
    ` OS/Arch:           linux/${goArch}`,
    " Context:           default",
    " Experimental:      true",
    "",
    "Server:",
    " Engine:",
    `  Version:          ${VERSION}`,
    `  API version:      ${API} (minimum version 1.12)`,
    "  Go version:       go1.19.8",
    "  Git commit:       5d6db84",
    "  Built:            Thu May 18 08:38:34 2023",
    `  OS/Arch:          linux/${goArch}`,
    "  Experimental:     false",
    " containerd:",
    "  Version:          1.6.20~ds1",
    "  GitCommit:        1.6.20~ds1-1+b1",
    " runc:",
    "  Version:          1.1.5+ds1",
    "  GitCommit:        1.1.5+ds1-1+deb12u1",
    " docker-init:",
    "  Version:          0.19.0",
    "  GitCommit:        ",
  );
  return 0;
}

function info() {
  const imgs = Object.keys(images()).length;
  const running = weaveContainer() ? 1 : 0;
  lib.say(
    "Client:",
    " Context:    default",
    " Debug Mode: false",
    "",
    "Server:",
    ` Containers: ${running}`,
    `  Running: ${running}`,
    "  Paused: 0",
    "  Stopped: 0",
    ` Images: ${imgs}`,
    ` Server Version: ${VERSION}`,
    " Storage Driver: overlay2",
    "  Backing Filesystem: extfs",
    " Logging Driver: json-file",
    " Cgroup Driver: systemd",
    " Cgroup Version: 2",
    " Swarm: inactive",
    " Default Runtime: runc",
    ` Kernel Version: ${os.release()}`,
    " Operating System: Debian GNU/Linux 12 (bookworm)",
    " OSType: linux",
    ` Architecture: ${lib.machine()}`,
    ` CPUs: ${os.cpus().length}`,
    ` Total Memory: ${(os.totalmem() / 1073741824).toFixed(2)}GiB`,
    ` Name: ${lib.hostname()}`,
    ` ID: ${lib.hex(lib.hostname() + "docker-id", 8).toUpperCase()}:${lib.hex(lib.hostname() + "docker-id2", 4).toUpperCase()}`,
    " Docker Root Dir: /var/lib/docker",
    " Debug Mode: false",
    " Registry: https://index.docker.io/v1/",
    " Experimental: false",
    " Insecure Registries:",
    "  127.0.0.0/8",
    " Live Restore Enabled: false",
  );
  return 0;
}

function main(argv) {
  if (argv[0] === "__container-tool") return containerExec.runWrapped(argv[1], argv.slice(2));
  let host = process.env.DOCKER_HOST;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-H" || a === "--host") host = argv[++i];
    else if (a.startsWith("--host=")) host = a.slice(7);
    else if (a === "--config" || a === "-l" || a === "--log-level" || a === "--context" || a === "-c") i++;
    else if (a === "-v" || a === "--version") {
      lib.say(`Docker version ${VERSION}, build 297e128`);
      return 0;
    } else if (a.startsWith("-")) continue;
    else break;
  }
  const cmd = argv[i];
  const args = argv.slice(i + 1);
  if (!cmd) {
    lib.say("", "Usage:  docker [OPTIONS] COMMAND", "", "A self-sufficient runtime for containers");
    return 0;
  }
  const socket = host && host.startsWith("unix://") ? host.slice(7) : undefined;
  // The daemon behind the default socket counts as running once docker.io is installed; any
  // other socket (weave's proxy) must exist, as it does only while weave is launched.
  if (cmd !== "help" && socket && socket !== DEFAULT_SOCKET && !fs.existsSync(socket)) {
    lib.warn(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`);
    return 1;
  }
  switch (cmd) {
    case "pull":
      return pull(args);
    case "image":
      if (args[0] === "inspect") return inspect(args.slice(1), "image");
      if (args[0] === "ls" || args[0] === "list") return imagesCmd(args.slice(1));
      if (args[0] === "pull") return pull(args.slice(1));
      break;
    case "images":
      return imagesCmd(args);
    case "inspect":
      return inspect(args, optionValue(args, ["--type"]) || "any");
    case "container":
      if (args[0] === "inspect") return inspect(args.slice(1), "container");
      if (args[0] === "ls" || args[0] === "list") return ps(args.slice(1));
      if (args[0] === "exec") return exec(args.slice(1));
      break;
    case "ps":
      return ps(args);
    case "version":
      return version(args);
    case "info":
      return info();
    case "run":
      return run(args, socket || DEFAULT_SOCKET, true);
    case "create":
      return run(args, socket || DEFAULT_SOCKET, false);
    case "stop":
      return stopContainers(args, "stop");
    case "kill":
      return stopContainers(args, "kill");
    case "rm":
      return rm(args);
    case "exec":
      return exec(args);
    default:
      break;
  }
  lib.warn(`docker: '${[cmd, ...args].join(" ")}' is not a docker command.`, "See 'docker --help'");
  return 1;
}

process.exitCode = main(process.argv.slice(2));
