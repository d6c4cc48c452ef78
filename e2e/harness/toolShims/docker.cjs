#!/usr/bin/node
"use strict";
// docker CLI stand-in, present on a test host only once apt-get installed docker.io. There is
// no daemon: pulls are recorded in the host's private state and answered from there, with the
// wording docker 20.10 (Debian 12's docker.io) uses. Containers cannot run; the only container
// it shows is the weave router while the weave stand-in is launched.

const fs = require("node:fs");
const os = require("node:os");
const lib = require("__ARMDECK_SHIM_LIB__");

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
  return {
    Id: w.containerId,
    Name: "/weave",
    Image: `weaveworks/weave:${w.version}`,
    Created: w.launchedAt,
    State: { Status: "running", Running: true, Paused: false, Restarting: false, Pid: 0, ExitCode: 0, StartedAt: w.launchedAt },
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
  const c = weaveContainer();
  if (quiet) {
    if (c) lib.say(c.Id.slice(0, 12));
    return 0;
  }
  lib.say("CONTAINER ID   IMAGE                     COMMAND                  CREATED         STATUS         PORTS     NAMES");
  if (c) lib.say(`${c.Id.slice(0, 12)}   ${c.Image.padEnd(25)} "/home/weave/weaver …"   2 minutes ago   Up 2 minutes             weave`);
  return 0;
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
      break;
    case "ps":
      return ps(args);
    case "version":
      return version(args);
    case "info":
      return info();
    case "run":
    case "create":
    case "start":
    case "exec":
      lib.warn("docker: Error response from daemon: Armdeck test hosts have no container runtime; containers cannot run here.", "See 'docker run --help'.");
      return 125;
    default:
      break;
  }
  lib.warn(`docker: '${[cmd, ...args].join(" ")}' is not a docker command.`, "See 'docker --help'");
  return 1;
}

process.exitCode = main(process.argv.slice(2));
