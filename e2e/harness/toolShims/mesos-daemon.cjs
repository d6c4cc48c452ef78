#!/usr/bin/node
"use strict";
// Stand-in for the mesos-master / mesos-agent binaries the fake Mesos build produces (the
// make shim bakes the role and version in). Real enough where the app can notice: flag
// parsing and its error texts, glog lines on stderr, a real ZooKeeper session with the
// /mesos/json.info_ leader znode, listeners on --ip:--port. The elected master serves every
// endpoint from the stand-in's model (standin/shimHost/masterProcess.ts), where agents link
// themselves and Marathon's tasks are placed; an agent serves its own /health and /state.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const crypto = require("node:crypto");
const lib = require("__ARMDECK_SHIM_LIB__");
const { ZkSession } = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "zk.cjs"));

const ROLE = "__MESOS_ROLE__";
const VERSION = "__MESOS_VERSION__";
const BUILD_DATE = "__MESOS_BUILD_DATE__";
const BUILD_TIME = Math.floor(Date.parse(BUILD_DATE.replace(" ", "T") + "Z") / 1000) || 0;
const PROGRAM = ROLE === "master" ? "mesos-master" : "mesos-agent";

// Flags the 1.4 binaries accept, with their defaults (undefined = no default). Values are
// strings, as stout keeps them and as /master/state's "flags" prints them.
const MASTER_FLAGS = {
  acls: undefined, advertise_ip: undefined, advertise_port: undefined, agent_ping_timeout: "15secs",
  agent_removal_rate_limit: undefined, agent_reregister_timeout: "10mins", allocation_interval: "1secs",
  allocator: "HierarchicalDRF", authenticate_agents: "false", authenticate_frameworks: "false",
  authenticate_http_frameworks: "false", authenticate_http_readonly: "false", authenticate_http_readwrite: "false",
  authenticators: "crammd5", authorizers: "local", cluster: undefined, credentials: undefined, domain: undefined,
  external_log_file: undefined, fair_sharing_excluded_resource_names: undefined, filter_gpu_resources: "true",
  framework_sorter: "drf", help: "false", hooks: undefined, hostname: undefined, hostname_lookup: "true",
  http_authenticators: "basic", http_framework_authenticators: undefined, initialize_driver_logging: "true", ip: undefined,
  ip_discovery_command: undefined, log_auto_initialize: "true", log_dir: undefined, logbufsecs: "0",
  logging_level: "INFO", max_agent_ping_timeouts: "5", max_completed_frameworks: "50",
  max_completed_tasks_per_framework: "1000", max_unreachable_tasks_per_framework: "1000", modules: undefined,
  offer_timeout: undefined, port: "5050", quiet: "false", quorum: undefined, recovery_agent_removal_limit: "100%",
  registry: "replicated_log", registry_fetch_timeout: "1mins", registry_gc_interval: "15mins",
  registry_max_agent_age: "2weeks", registry_max_agent_count: "102400", registry_store_timeout: "20secs",
  registry_strict: "false", roles: undefined, root_submissions: "true", user_sorter: "drf", version: "false",
  webui_dir: "/usr/local/share/mesos/webui", weights: undefined, whitelist: undefined, work_dir: undefined, zk: undefined,
  zk_session_timeout: "10secs",
};
const AGENT_FLAGS = {
  advertise_ip: undefined, advertise_port: undefined, appc_simple_discovery_uri_prefix: "http://",
  appc_store_dir: "/tmp/mesos/store/appc", attributes: undefined, authenticate_http_readonly: "false",
  authenticate_http_readwrite: "false", authenticatee: "crammd5", authentication_backoff_factor: "1secs",
  authorizer: "local", cgroups_cpu_enable_pids_and_tids_count: "false", cgroups_enable_cfs: "false",
  cgroups_hierarchy: "/sys/fs/cgroup", cgroups_limit_swap: "false", cgroups_root: "mesos",
  container_disk_watch_interval: "15secs", container_logger: undefined, containerizers: "mesos", credential: undefined,
  default_role: "*", disk_watch_interval: "1mins", docker: "docker", docker_config: undefined,
  docker_kill_orphans: "true", docker_registry: "https://registry-1.docker.io", docker_remove_delay: "6hrs",
  docker_socket: "/var/run/docker.sock", docker_stop_timeout: "0ns", docker_store_dir: "/tmp/mesos/store/docker",
  docker_volume_checkpoint_dir: "/var/run/mesos/isolators/docker/volume", enforce_container_disk_quota: "false",
  executor_environment_variables: undefined, executor_registration_timeout: "1mins",
  executor_reregistration_timeout: "2secs", executor_shutdown_grace_period: "5secs", fetcher_cache_dir: "/tmp/mesos/fetch",
  fetcher_cache_size: "2GB", frameworks_home: "", gc_delay: "1weeks", gc_disk_headroom: "0.1", hadoop_home: "",
  help: "false", hooks: undefined, hostname: undefined, hostname_lookup: "true", http_authenticators: "basic",
  http_command_executor: "false", http_credentials: undefined, http_heartbeat_interval: "30secs",
  image_providers: undefined, image_provisioner_backend: undefined, initialize_driver_logging: "true", ip: undefined,
  ip_discovery_command: undefined, isolation: "posix/cpu,posix/mem", launcher: "posix",
  launcher_dir: "/usr/local/libexec/mesos", log_dir: undefined, logbufsecs: "0", logging_level: "INFO",
  master: undefined, max_completed_executors_per_framework: "150", modules: undefined,
  network_cni_config_dir: undefined, network_cni_plugins_dir: undefined, oversubscribed_resources_interval: "15secs",
  perf_duration: "10secs", perf_interval: "1mins", port: "5051", qos_correction_interval_min: "0ns", quiet: "false",
  recover: "reconnect", recovery_timeout: "15mins", registration_backoff_factor: "1secs", resources: undefined,
  revocable_cpu_low_priority: "true", runtime_dir: "/var/run/mesos", sandbox_directory: "/mnt/mesos/sandbox",
  strict: "true", switch_user: "true", systemd_enable_support: "true",
  systemd_runtime_directory: "/run/systemd/system", version: "false", work_dir: undefined, zk_session_timeout: "10secs",
};
const FLAGS = ROLE === "master" ? MASTER_FLAGS : AGENT_FLAGS;
const BOOLEAN_FLAGS = new Set(Object.entries(FLAGS).filter(([, v]) => v === "true" || v === "false").map(([k]) => k));

// Mesos writes doubles with a decimal point (1.0) and escapes "/"; JSON.stringify would not.
class D {
  constructor(n) {
    this.n = n;
  }
}
function toMesosJson(v) {
  if (v instanceof D) return Number.isInteger(v.n) ? `${v.n}.0` : String(v.n);
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v).replace(/\//g, "\\/");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "[" + v.map(toMesosJson).join(",") + "]";
  return "{" + Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => JSON.stringify(k) + ":" + toMesosJson(x)).join(",") + "}";
}

let logFile;
function log(level, file, line, message) {
  const text = lib.glog(level, file, line, message) + "\n";
  lib.err(text);
  if (logFile) fs.appendFileSync(logFile, text);
}

function usage(message) {
  const lines = [];
  if (message) lines.push(message, "");
  lines.push(`Usage: ${PROGRAM} [options]`, "");
  for (const [name, def] of Object.entries(FLAGS)) {
    const flag = BOOLEAN_FLAGS.has(name) ? `--[no-]${name}` : `--${name}=VALUE`;
    lines.push(`  ${flag.padEnd(40)}${def === undefined ? "" : `(default: ${def})`}`);
  }
  return lines.join("\n");
}

function parseFlags(argv) {
  const flags = {};
  for (const [name, def] of Object.entries(FLAGS)) if (def !== undefined) flags[name] = def;
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("MESOS_")) continue;
    const name = k.slice(6).toLowerCase();
    if (name in FLAGS) flags[name] = v;
  }
  for (const arg of argv) {
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    let name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name.startsWith("no-") && value === undefined) {
      const base = name.slice(3);
      if (!(base in FLAGS)) return { error: `Failed to load unknown flag '${base}' via '${name}'` };
      if (!BOOLEAN_FLAGS.has(base)) return { error: `Failed to load non-boolean flag '${base}' via '${name}'` };
      flags[base] = "false";
      continue;
    }
    name = name.replace(/-/g, "_");
    if (!(name in FLAGS)) return { error: `Failed to load unknown flag '${name}'` };
    if (value === undefined) {
      if (!BOOLEAN_FLAGS.has(name)) return { error: `Failed to load flag '${name}': Missing value` };
      value = "true";
    }
    flags[name] = value;
  }
  return { flags };
}

function exitWith(message) {
  log("E", "main.cpp", ROLE === "master" ? 350 : 412, `EXIT with status 1: ${message}`);
  process.exit(1);
}

const startTime = Date.now() / 1000;
const { flags, error } = parseFlags(process.argv.slice(2));
if (error) {
  lib.err(usage(error) + "\n");
  process.exit(1);
}
if (flags.help === "true") {
  lib.out(usage() + "\n");
  process.exit(0);
}
if (flags.version === "true") {
  lib.out(`mesos ${VERSION}\n`);
  process.exit(0);
}
if (flags.log_dir) {
  fs.mkdirSync(flags.log_dir, { recursive: true });
  logFile = path.join(flags.log_dir, `${PROGRAM}.INFO`);
}

const ip = flags.ip || lib.config.address;
const port = Number(flags.port);
const hostname = flags.hostname || os.hostname();
const startedAt = new D(Math.round(startTime * 1e6) / 1e6);

log("I", "main.cpp", ROLE === "master" ? 263 : 338, `Build: ${BUILD_DATE} by root`);
log("I", "main.cpp", ROLE === "master" ? 264 : 339, `Version: ${VERSION}`);
log("I", "main.cpp", ROLE === "master" ? 267 : 346, `Git tag: ${VERSION}`);

// A fault a test injects on one host (mesos-faults.json in its state dir, README "Mesos faults"):
// this version of the agent dies at start, as a bad build or an incompatible flag would make it.
function injectedStartFailure() {
  try {
    const faults = JSON.parse(fs.readFileSync(lib.statePath("mesos-faults.json"), "utf8"));
    return ROLE === "agent" && Array.isArray(faults.agentExitsAtStart) && faults.agentExitsAtStart.includes(VERSION);
  } catch {
    return false;
  }
}
if (injectedStartFailure()) {
  log("F", "main.cpp", 470, `Failed to create a containerizer: injected test fault: mesos-agent ${VERSION} exits at start`);
  process.exit(1);
}

function listen(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.on("error", (e) => {
      log("F", "process.cpp", 1140, `Failed to initialize: Failed to bind on ${ip}:${port}: ${e.code === "EADDRINUSE" ? "Address already in use: Address already in use [98]" : e.message}`);
      process.exit(1);
    });
    server.listen(port, ip, () => resolve(server));
  });
}

function send(res, status, body, type = "application/json") {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function jsonReply(req, res, value) {
  const jsonp = new URL(req.url, "http://x").searchParams.get("jsonp");
  const body = toMesosJson(value);
  if (jsonp) send(res, 200, `${jsonp}(${body});`, "text/javascript");
  else send(res, 200, body);
}

function flagsJson() {
  const out = {};
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) out[k] = String(v);
  return out;
}

function flagsLine() {
  return Object.entries(flags).filter(([, v]) => v !== undefined).map(([k, v]) => `--${k}="${v}"`).join(" ");
}

// Without --resources an agent offers what the machine has: the host's CPUs and memory (the
// cluster host's config may say another size), less 1 GB of memory for the system.
function parseResources(text) {
  const cpus = lib.config.cpus || os.cpus().length;
  const memMb = lib.config.memMb ? lib.config.memMb : Math.max(256, Math.floor(os.totalmem() / 1048576) - 1024);
  let diskMb = 10240;
  try {
    const st = fs.statfsSync(flags.work_dir || "/");
    diskMb = Math.max(1024, Math.floor((st.blocks * st.bsize) / 1048576) - 5120);
  } catch {
    // keep the default
  }
  const res = { disk: new D(diskMb), mem: new D(memMb), gpus: new D(0), cpus: new D(cpus), ports: "[31000-32000]" };
  for (const part of (text || "").split(";").filter(Boolean)) {
    const m = /^\s*(\w+)(?:\([^)]*\))?\s*:\s*(.+?)\s*$/.exec(part);
    if (!m) continue;
    if (m[1] === "ports") res.ports = m[2].replace(/\s*,\s*/g, ", ");
    else if (m[1] in res) res[m[1]] = new D(Number(m[2]));
  }
  return res;
}

/** --attributes=rack:r1;arch:aarch64 (Mesos' text; a value that is a number is a scalar). */
function parseAttributes(text) {
  const out = {};
  for (const part of (text || "").split(";").filter(Boolean)) {
    const i = part.indexOf(":");
    if (i <= 0) exitWith(`Failed to parse attribute '${part}'`);
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    out[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

function versionJson() {
  return { build_date: BUILD_DATE, build_time: new D(BUILD_TIME), build_user: "root", git_tag: VERSION, version: VERSION };
}

function zkUrl(url, what) {
  const parsed = lib.parseZkUrl(url);
  if (!parsed) exitWith(`Error parsing ZooKeeper URL: Expecting 'zk://' at the beginning of the URL (${what})`);
  return parsed;
}

async function connectZk(url, onLost) {
  const session = new ZkSession(url.servers, {
    sessionTimeoutMs: 10000,
    onLost,
    log: (m) => log("W", "group.cpp", 772, m),
  });
  const where = url.servers.map((s) => `${s.host}:${s.port}`).join(",");
  try {
    await session.connect(10000);
  } catch (e) {
    log("E", "zookeeper.cpp", 193, `Failed to connect to ZooKeeper at ${where}: ${e.message}`);
    exitWith(`Failed to connect to ZooKeeper at ${where}`);
  }
  return session;
}

// ---------------------------------------------------------------------------------------------
// Master

async function runMaster() {
  if (flags.registry === "replicated_log" && !flags.work_dir) exitWith("--work_dir needed for replicated log based registry");
  if (flags.registry !== "replicated_log" && flags.registry !== "in_memory") exitWith(`'${flags.registry}' is not a supported option for registry persistence`);
  const zk = flags.zk ? zkUrl(flags.zk, "--zk") : undefined;
  if (zk && flags.registry === "replicated_log" && !flags.quorum) exitWith("Need to specify --quorum for replicated log based registry when using ZooKeeper");
  if (flags.work_dir) fs.mkdirSync(path.join(flags.work_dir, "replicated_log"), { recursive: true });
  log("I", "main.cpp", 371, `Using '${flags.allocator}' allocator`);
  if (flags.work_dir) log("I", "replica.cpp", 779, "Replica recovered with log positions 0 -> 0 with 1 holes and 0 unlearned");

  const id = crypto.randomUUID();
  const pid = `master@${ip}:${port}`;
  // The stand-in's typed model (standin/shimHost/masterProcess.ts) serves the master's endpoints
  // once this process is elected; before that only /health answers and the rest is 503.
  let model;
  // The leading master's MasterInfo while this one stands by (from its /mesos/json.info_ znode).
  let leaderInfo;

  const handler = async (req, res) => {
    const p = new URL(req.url, "http://x").pathname.replace(/\/+$/, "") || "/";
    if (p === "/version") return jsonReply(req, res, versionJson());
    if (model) return model.handle(req, res);
    if (p === "/health" || p === "/master/health") return send(res, 200, "", "text/plain");
    // A standby redirects the leader-only endpoints to the leader (http.cpp:2249-2301@1.4.0): 307,
    // a scheme-less Location with the original path and query (none for /redirect), no body.
    if (leaderInfo && (REDIRECTED.has(p) || p === "/redirect" || p === "/master/redirect")) {
      const base = `//${leaderInfo.hostname || leaderInfo.address.ip}:${leaderInfo.port}`;
      res.writeHead(307, { Location: p.endsWith("/redirect") ? base : base + req.url, "Content-Length": 0 });
      return res.end();
    }
    return send(res, 503, "No leader elected", "text/plain; charset=utf-8");
  };

  let session;
  if (zk) {
    log("I", "contender.cpp", 152, "Joining the ZK group");
    session = await connectZk(zk, (reason) => {
      log("E", "master.cpp", 2095, `Master lost leadership (${reason})... committing suicide!`);
      process.exit(1);
    });
    log("I", "group.cpp", 340, `Group process (zookeeper-group(1)@${ip}:${port}) connected to ZooKeeper`);
    log("I", "group.cpp", 830, "Syncing group operations: queue size (joins, cancels, datas) = (0, 1, 0)");
    log("I", "group.cpp", 418, `Trying to create path '${zk.path}' in ZooKeeper`);
  }
  const server = await listen(handler);
  log("I", "main.cpp", 472, "Starting Mesos master");
  log("I", "master.cpp", 437, `Master ${id} (${hostname}) started on ${ip}:${port}`);
  log("I", "master.cpp", 439, `Flags at startup: ${flagsLine()}`);
  log("I", "master.cpp", 550, "Master allowing unauthenticated frameworks to register");
  log("I", "master.cpp", 564, "Master allowing unauthenticated agents to register");
  if (session) {
    await session.mkdirp(zk.path);
    const info = { address: { hostname, ip, port }, hostname, id, ip: ipToInt(ip), pid, port, version: VERSION };
    const created = await session.create(`${zk.path.replace(/\/$/, "")}/json.info_`, JSON.stringify(info), 3);
    log("I", "contender.cpp", 268, `New candidate (id='${Number(created.slice(-10))}') has entered the contest for leadership`);
    const leader = await findLeader(session, zk.path);
    log("I", "detector.cpp", 152, `Detected a new leader: (id='${Number(leader.znode.slice(-10))}')`);
    log("I", "group.cpp", 699, `Trying to get '${zk.path.replace(/\/$/, "")}/${leader.znode}' in ZooKeeper`);
    log("I", "zookeeper.cpp", 262, `A new leading master (UPID=${leader.info.pid}) is detected`);
    if (leader.info.pid !== pid) {
      log("I", "master.cpp", 2086, `The newly elected leader is ${leader.info.pid} with id ${leader.info.id}`);
      leaderInfo = leader.info;
      // A standby: state requests redirect; keep waiting for leadership like the real one.
      const poll = setInterval(async () => {
        const l = await findLeader(session, zk.path).catch(() => undefined);
        if (l && l.info.pid !== leaderInfo?.pid) log("I", "zookeeper.cpp", 262, `A new leading master (UPID=${l.info.pid}) is detected`);
        leaderInfo = l && l.info.pid !== pid ? l.info : undefined;
        if (l && l.info.pid === pid) {
          clearInterval(poll);
          elect();
        }
      }, 1000);
    } else elect();
  } else elect();

  function elect() {
    const { startMasterProcess } = lib.requireStandin("standin/shimHost/masterProcess.ts");
    model = startMasterProcess({
      id,
      hostname,
      ip,
      port,
      version: VERSION,
      flags: flagsJson(),
      events: {
        registered: (agentId, a, again) => {
          const at = `slave(1)@${a.ip}:${a.port}`;
          if (again) return log("I", "master.cpp", 6103, `Re-registered agent ${agentId} at ${at} (${a.hostname})`);
          log("I", "master.cpp", 5849, `Registering agent at ${at} (${a.hostname}) with id ${agentId}`);
          log("I", "master.cpp", 5948, `Registered agent ${agentId} at ${at} (${a.hostname}) with ${formatResources(a.resources)}`);
        },
        disconnected: (agentId, a) => log("I", "master.cpp", 1237, `Agent ${agentId} at slave(1)@${a.ip}:${a.port} (${a.hostname}) disconnected`),
        removed: (agentId, a) => log("W", "master.cpp", 7089, `Marking agent ${agentId} at slave(1)@${a.ip}:${a.port} (${a.hostname}) unreachable: health check timed out`),
        frameworkLinked: (link, frameworkId) => log("I", "master.cpp", 2875, `Subscribing framework marathon (${frameworkId}) at scheduler@${link.hostPort} with checkpointing enabled and capabilities [ PARTITION_AWARE ]`),
      },
    });
    log("I", "master.cpp", 2017, "Elected as the leading master!");
    log("I", "master.cpp", 1594, "Recovering from registrar");
    log("I", "registrar.cpp", 424, "Successfully recovered registrar");
    log("I", "master.cpp", 1693, "Recovered 0 agents from the registry (129B); allowing 10mins for agents to re-register");
  }

  const shutdown = () => {
    if (model) model.stop();
    if (session) session.close();
    server.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

// The master routes that begin with `if (!master->elected()) return redirect(request);` (mesos/README.md).
const REDIRECTED = new Set(
  ["state", "state.json", "state-summary", "slaves", "frameworks", "tasks", "tasks.json", "api/v1"].flatMap((r) => [`/${r}`, `/master/${r}`]),
);

function ipToInt(addr) {
  // MasterInfo.ip is the address in network byte order read as a little-endian uint32.
  const b = addr.split(".").map(Number);
  if (b.length !== 4 || b.some((x) => !(x >= 0 && x <= 255))) return 0;
  return ((b[3] << 24) >>> 0) + (b[2] << 16) + (b[1] << 8) + b[0];
}

async function findLeader(session, zkPath) {
  const base = zkPath.replace(/\/$/, "");
  const children = (await session.getChildren(base || "/")).filter((c) => c.startsWith("json.info_")).sort();
  if (!children.length) return undefined;
  const data = await session.getData(`${base}/${children[0]}`);
  return { znode: children[0], info: JSON.parse(String(data)) };
}

function formatResources(r) {
  if (!r) return "";
  return Object.entries(r)
    .filter(([k]) => k !== "gpus")
    .map(([k, v]) => `${k}(*):${typeof v === "object" && v !== null ? v.n ?? v : v}`)
    .join("; ");
}

// ---------------------------------------------------------------------------------------------
// Agent

async function runAgent() {
  if (!flags.master) {
    lib.err(usage("Missing required option `--master` or `--master_detector`") + "\n");
    process.exit(1);
  }
  if (!flags.work_dir) {
    lib.err(usage("Flag 'work_dir' is required, but it was not provided") + "\n");
    process.exit(1);
  }
  fs.mkdirSync(path.join(flags.work_dir, "meta"), { recursive: true });
  const resources = parseResources(flags.resources);
  const containerizers = flags.containerizers.split(",").map((s) => s.trim());
  log("I", "resolver.cpp", 69, "Creating default secret resolver");
  log("I", "containerizer.cpp", 246, `Using isolation: ${flags.isolation},filesystem/posix,network/cni`);
  if (containerizers.includes("docker")) {
    const docker = lib.which(flags.docker);
    if (!docker) {
      exitWith(`Failed to create a containerizer: Could not create DockerContainerizer: Failed to create docker: Failed to get docker version: Failed to execute '${flags.docker} -H unix://${flags.docker_socket} --version': exited with status 127`);
    }
    if (!fs.existsSync(flags.docker_socket)) {
      log("I", "slave.cpp", 6101, "Finished recovery");
      exitWith(`Failed to perform recovery: Collect failed: Failed to run '${flags.docker} -H unix://${flags.docker_socket} ps -a': exited with status 1; stderr='Cannot connect to the Docker daemon at unix://${flags.docker_socket}. Is the docker daemon running?\n'`);
    }
  }
  const zk = flags.master.startsWith("zk://") ? zkUrl(flags.master, "--master") : undefined;
  let session;
  if (zk) session = await connectZk(zk, (reason) => log("W", "slave.cpp", 1045, `Lost ZooKeeper session (${reason}); waiting for a new master`));

  let agentId;
  let masterPid;
  const attributes = parseAttributes(flags.attributes);
  const me = { hostname: flags.hostname || os.hostname(), ip, port, pid: `slave(1)@${ip}:${port}`, resources, version: VERSION, attributes };
  const server = await listen((req, res) => {
    const p = new URL(req.url, "http://x").pathname.replace(/\/+$/, "") || "/";
    switch (p) {
      case "/health":
      case "/slave(1)/health":
        return send(res, 200, "", "text/plain");
      case "/state":
      case "/state.json":
      case "/slave(1)/state":
      case "/slave(1)/state.json":
        return jsonReply(req, res, {
          version: VERSION,
          git_tag: VERSION,
          build_date: BUILD_DATE,
          build_time: new D(BUILD_TIME),
          build_user: "root",
          start_time: startedAt,
          id: agentId || "",
          pid: me.pid,
          hostname: me.hostname,
          capabilities: ["MULTI_ROLE", "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT"],
          resources,
          attributes,
          master_hostname: masterPid ? masterPid.replace(/^master@/, "").replace(/:\d+$/, "") : undefined,
          log_dir: flags.log_dir,
          flags: flagsJson(),
          frameworks: [],
          completed_frameworks: [],
        });
      case "/metrics/snapshot":
        return jsonReply(req, res, { "slave/registered": new D(agentId ? 1 : 0), "slave/uptime_secs": new D(Date.now() / 1000 - startTime) });
      case "/version":
        return jsonReply(req, res, versionJson());
      default:
        return send(res, 404, "", "text/plain");
    }
  });
  log("I", "slave.cpp", 254, `Mesos agent started on (1)@${ip}:${port}`);
  log("I", "slave.cpp", 255, `Flags at startup: ${flagsLine()}`);
  log("I", "slave.cpp", 565, `Agent resources: ${formatResources(resources)}`);
  log("I", "slave.cpp", 573, `Agent attributes: [ ${Object.entries(attributes).map(([k, v]) => `${k}=${v}`).join(", ")} ]`);
  log("I", "slave.cpp", 578, `Agent hostname: ${me.hostname}`);
  log("I", "state.cpp", 62, `Recovering state from '${path.join(flags.work_dir, "meta")}'`);
  log("I", "slave.cpp", 6101, "Finished recovery");

  const masterAddress = async () => {
    if (!zk) {
      const m = /^(?:master@)?([^:]+):(\d+)$/.exec(flags.master);
      return m ? `${m[1]}:${m[2]}` : undefined;
    }
    const leader = await findLeader(session, zk.path).catch(() => undefined);
    return leader ? `${leader.info.address.ip}:${leader.info.address.port}` : undefined;
  };

  // The agent links itself to the leading master and stays linked; when the link breaks (the
  // master went away) it looks for a master again, as the real agent's detector does.
  let announced;
  let linked = false;
  const register = async () => {
    if (linked) return;
    const addr = await masterAddress();
    if (!addr) return;
    if (announced !== addr) {
      log("I", "slave.cpp", 1003, `New master detected at master@${addr}`);
      log("I", "slave.cpp", 1038, "No credentials provided. Attempting to register without authentication");
      log("I", "slave.cpp", 1049, "Detecting new master");
      announced = addr;
    }
    const body = JSON.stringify({ ...me, resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, v instanceof D ? v.n : v])) });
    linked = true;
    const reply = await lib
      .openLink(`http://${addr}/master/mesos.internal.RegisterSlaveMessage`, body, () => {
        linked = false;
        announced = undefined;
        log("I", "slave.cpp", 4712, `Master master@${addr} exited`);
      })
      .catch(() => undefined);
    if (!reply) {
      linked = false;
      return;
    }
    if (agentId === reply.slave_id) log("I", "slave.cpp", 1393, `Re-registered with master ${reply.master}`);
    else log("I", "slave.cpp", 1306, `Registered with master ${reply.master}; given agent ID ${reply.slave_id}`);
    agentId = reply.slave_id;
    masterPid = reply.master;
  };
  register();
  const timer = setInterval(register, 1000);
  // The Docker containerizer: the agent's running tasks become containers of the docker stand-in.
  const containers = containerizers.includes("docker")
    ? lib.requireStandin("standin/shimHost/agentContainers.ts").startAgentContainers({
        masterAddress: async () => (masterPid ? masterPid.replace(/^master@/, "") : undefined),
        agentId: () => agentId,
        docker: flags.docker,
        dockerSocket: flags.docker_socket,
        log: (m) => log("W", "docker.cpp", 1234, m),
      })
    : undefined;
  const shutdown = () => {
    clearInterval(timer);
    if (containers) containers.stop();
    if (session) session.close();
    server.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}


(ROLE === "master" ? runMaster() : runAgent()).catch((e) => {
  log("F", "main.cpp", 500, String(e && e.stack ? e.stack : e));
  process.exit(1);
});
