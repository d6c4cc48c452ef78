#!/usr/bin/node
"use strict";
// Stand-in for target/universal/stage/bin/marathon (Marathon __MARATHON_VERSION__), written by
// the sbt shim. It checks MESOS_NATIVE_JAVA_LIBRARY like the JVM's loader does, holds a real
// ZooKeeper session with Marathon's leader latch, registers as framework "marathon" with the
// Mesos master stand-in, and serves /ping, /v2/info and /v2/leader. It runs no apps.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const crypto = require("node:crypto");
const lib = require("__ARMDECK_SHIM_LIB__");
const { ZkSession } = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "zk.cjs"));

const VERSION = "__MARATHON_VERSION__";
const BUILDREF = "__MARATHON_BUILDREF__";

// Scallop options Marathon 1.5 takes that the stand-in understands (value-less ones are flags).
const OPTIONS = {
  master: true, zk: true, http_port: true, https_port: true, hostname: true, http_address: true, https_address: true,
  framework_name: true, mesos_role: true, mesos_user: true, webui_url: true, event_subscriber: true, http_credentials: true,
  failover_timeout: true, task_launch_timeout: true, zk_timeout: true, zk_session_timeout: true, zk_connection_timeout: true,
  local_port_min: true, local_port_max: true, mesos_authentication_principal: true, mesos_leader_ui_url: true,
  plugin_dir: true, plugin_conf: true, enable_features: true, logging_level: true, max_instances_per_offer: true,
  checkpoint: false, disable_checkpoint: false, ha: false, disable_ha: false, disable_http: false, help: false, version: false,
};

function stamp() {
  const d = new Date();
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())},${p(d.getMilliseconds(), 3)}`;
}

function log(level, message, where) {
  lib.out(`[${stamp()}] ${level.padEnd(5)} ${message} (${where})\n`);
}

function scallopError(message) {
  lib.err(`[scallop] Error: ${message}\n`);
  process.exit(1);
}

function parse(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) scallopError(`Excess arguments provided: '${argv.slice(i).join(" ")}'`);
    const eq = a.indexOf("=");
    const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)).replace(/-/g, "_");
    if (!(name in OPTIONS)) scallopError(`Unknown option '${name}'`);
    if (!OPTIONS[name]) {
      opts[name] = true;
      continue;
    }
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) scallopError(`Option '${name}' needs one argument`);
    opts[name] = value;
  }
  return opts;
}

function checkNativeLibrary() {
  const lib0 = process.env.MESOS_NATIVE_JAVA_LIBRARY || process.env.MESOS_NATIVE_LIBRARY;
  const javaLibraryPath = "/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib";
  const fail = (from, error) => {
    lib.err(`Failed to load native Mesos library from ${from}\n`);
    lib.err(`Exception in thread "main" java.lang.UnsatisfiedLinkError: ${error}\n`);
    lib.err("\tat java.lang.ClassLoader.loadLibrary(ClassLoader.java:1857)\n\tat java.lang.Runtime.load0(Runtime.java:809)\n\tat java.lang.System.load(System.java:1086)\n\tat org.apache.mesos.MesosNativeLibrary.load(MesosNativeLibrary.java:159)\n\tat org.apache.mesos.MesosNativeLibrary.load(MesosNativeLibrary.java:188)\n");
    process.exit(1);
  };
  if (!lib0) fail(javaLibraryPath, `no mesos in java.library.path`);
  let st;
  try {
    st = fs.statSync(lib0);
  } catch {
    fail(lib0, `Can't load library: ${lib0}`);
  }
  if (st.isDirectory()) fail(lib0, `${lib0}: cannot read file data: Is a directory`);
  const head = fs.readFileSync(lib0).subarray(0, 64);
  if (head.toString("latin1").startsWith("ARMDECK FAKE libmesos")) return lib0;
  if (head[0] === 0x7f && head.toString("latin1", 1, 4) === "ELF") {
    lib.err(`Exception in thread "main" java.lang.UnsatisfiedLinkError: 'void org.apache.mesos.MesosSchedulerDriver.initialize()'\n`);
    process.exit(1);
  }
  fail(lib0, `${lib0}: ${lib0}: invalid ELF header (Possible cause: endianness mismatch)`);
}

function send(res, status, body, type) {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}


async function main() {
  const argv = process.argv.slice(2);
  const opts = parse(argv);
  if (opts.help) {
    lib.out(`Marathon ${VERSION}\nUsage: marathon [options]\n  --master  <arg>   The URL of the Mesos master\n  --zk  <arg>       ZooKeeper URL for storing state\n`);
    return;
  }
  if (opts.version) {
    lib.out(`${VERSION}\n`);
    return;
  }
  if (!opts.master) scallopError("Required option 'master' not found");
  const zkText = opts.zk || "zk://localhost:2181/marathon";
  const zk = lib.parseZkUrl(zkText);
  if (!zk) scallopError(`Option 'zk' validation failed: zk URL must be of the form zk://host:port/path`);
  const httpPort = Number(opts.http_port || 8080);
  const hostname = opts.hostname || os.hostname();
  const httpAddress = opts.http_address || (/^\d+\.\d+\.\d+\.\d+$/.test(hostname) ? hostname : lib.config.address);

  log("INFO", `Starting Marathon ${VERSION}/${BUILDREF} with ${argv.join(" ")}`, "mesosphere.marathon.Main$:main");
  checkNativeLibrary();

  const session = new ZkSession(zk.servers, {
    sessionTimeoutMs: Number(opts.zk_session_timeout || 10000),
    onLost: (reason) => {
      log("ERROR", `Lost ZooKeeper session (${reason}); abdicating and exiting`, "mesosphere.marathon.core.election.impl.CuratorElectionService:main-EventThread");
      process.exit(1);
    },
    log: (m) => log("WARN", m, "org.apache.zookeeper.ClientCnxn:main-SendThread"),
  });
  try {
    await session.connect(Number(opts.zk_connection_timeout || 10000));
  } catch (e) {
    log("ERROR", `Failed to connect to ZooKeeper at ${zk.servers.map((s) => `${s.host}:${s.port}`).join(",")}: ${e.message}`, "mesosphere.marathon.storage.StorageConfig$:main");
    process.exit(1);
  }
  log("INFO", `Session establishment complete on server ${session.server.host}:${session.server.port}, sessionid = 0x${session.sessionId.toString(16)}`, "org.apache.zookeeper.ClientCnxn:main-SendThread");
  const base = zk.path.replace(/\/$/, "");
  await session.mkdirp(`${base}/state`);
  await session.mkdirp(`${base}/leader-curator`);
  const me = `${hostname}:${httpPort}`;
  await session.create(`${base}/leader-curator/_c_${crypto.randomUUID()}-latch-`, me, 3);

  let frameworkId = null;
  let leader = null;
  let masterUrl;
  const info = () => ({
    name: "marathon",
    version: VERSION,
    buildref: BUILDREF,
    elected: leader === me,
    leader,
    frameworkId,
    marathon_config: {
      master: opts.master,
      failover_timeout: 604800,
      framework_name: opts.framework_name || "marathon",
      ha: !opts.disable_ha,
      checkpoint: !opts.disable_checkpoint,
      local_port_min: 10000,
      local_port_max: 20000,
      executor: "//cmd",
      hostname,
      webui_url: opts.webui_url || null,
      mesos_role: opts.mesos_role || null,
      task_launch_timeout: 300000,
      task_reservation_timeout: 20000,
      reconciliation_initial_delay: 15000,
      reconciliation_interval: 600000,
      mesos_user: opts.mesos_user || "root",
      leader_proxy_connection_timeout_ms: 5000,
      leader_proxy_read_timeout_ms: 10000,
      features: opts.enable_features ? opts.enable_features.split(",") : [],
      mesos_leader_ui_url: masterUrl ? `http://${masterUrl}/` : null,
    },
    zookeeper_config: { zk: zkText, zk_timeout: 10000, zk_connection_timeout: 10000, zk_session_timeout: 10000, zk_max_versions: 50 },
    http_config: { http_port: httpPort, https_port: Number(opts.https_port || 8443) },
  });

  const server = http.createServer((req, res) => {
    const p = new URL(req.url, "http://x").pathname.replace(/\/+$/, "") || "/";
    if (p === "/ping") {
      if ((req.headers.accept || "").includes("application/json")) return send(res, 200, '"pong"', "application/json");
      return send(res, 200, "pong", "text/plain");
    }
    if (p === "/v2/info") return send(res, 200, JSON.stringify(info()), "application/json");
    if (p === "/v2/leader") {
      if (!leader) return send(res, 404, JSON.stringify({ message: "There is no leader" }), "application/json");
      return send(res, 200, JSON.stringify({ leader }), "application/json");
    }
    return send(res, 404, JSON.stringify({ message: `The Armdeck Marathon stand-in does not serve ${p}` }), "application/json");
  });
  server.on("error", (e) => {
    log("ERROR", `Failed to bind ${httpAddress}:${httpPort}: ${e.code === "EADDRINUSE" ? "Address already in use" : e.message}`, "mesosphere.chaos.http.HttpService:main");
    process.exit(1);
  });
  await new Promise((resolve) => server.listen(httpPort, httpAddress, resolve));
  log("INFO", `Started ServerConnector@${crypto.randomBytes(4).toString("hex")}{HTTP/1.1,[http/1.1]}{${httpAddress}:${httpPort}}`, "org.eclipse.jetty.server.AbstractConnector:main");

  const checkLeader = async () => {
    const latches = (await session.getChildren(`${base}/leader-curator`).catch(() => [])).filter((c) => c.includes("-latch-"));
    latches.sort((a, b) => a.slice(-10).localeCompare(b.slice(-10)));
    if (!latches.length) return;
    const data = String(await session.getData(`${base}/leader-curator/${latches[0]}`).catch(() => ""));
    if (data && data !== leader) {
      leader = data;
      if (data === me) log("INFO", "Elected (LeadershipState: Leader)", "mesosphere.marathon.core.election.impl.CuratorElectionService:pool-1-thread-1");
      else log("INFO", `Leader is ${data}`, "mesosphere.marathon.core.election.impl.CuratorElectionService:pool-1-thread-1");
    }
  };

  const masterZk = opts.master.startsWith("zk://") ? lib.parseZkUrl(opts.master) : undefined;
  let masterSession;
  if (masterZk) {
    masterSession = new ZkSession(masterZk.servers, { sessionTimeoutMs: 10000 });
    await masterSession.connect(10000).catch(() => (masterSession = undefined));
  }
  const findMaster = async () => {
    if (!masterZk) return opts.master.replace(/^http:\/\//, "").replace(/\/$/, "");
    if (!masterSession) return undefined;
    const mbase = masterZk.path.replace(/\/$/, "");
    const kids = (await masterSession.getChildren(mbase || "/").catch(() => [])).filter((c) => c.startsWith("json.info_")).sort();
    if (!kids.length) return undefined;
    const m = JSON.parse(String(await masterSession.getData(`${mbase}/${kids[0]}`)));
    return `${m.address.ip}:${m.address.port}`;
  };
  let warned = false;
  const register = async () => {
    await checkLeader();
    if (leader !== me) return;
    const addr = await findMaster().catch(() => undefined);
    if (!addr) return;
    masterUrl = addr;
    const body = JSON.stringify({
      name: opts.framework_name || "marathon",
      hostname,
      pid: `scheduler-${BUILDREF}@${httpAddress}:${httpPort}`,
      webui_url: opts.webui_url || `http://${hostname}:${httpPort}`,
      user: opts.mesos_user || "root",
      failover_timeout: 604800,
      capabilities: ["PARTITION_AWARE"],
      role: opts.mesos_role || "*",
      id: frameworkId || undefined,
    });
    try {
      const reply = await lib.postJson(`http://${addr}/master/mesos.internal.RegisterFrameworkMessage`, body);
      if (!frameworkId) log("INFO", `Registered as ${reply.framework_id} to master '${reply.framework_id.replace(/-\d+$/, "")}'`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      frameworkId = reply.framework_id;
      warned = false;
    } catch (e) {
      if (!warned) log("WARN", `Failed to connect to master ${addr}: ${e.message}`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      warned = true;
    }
  };
  await register();
  const timer = setInterval(register, 1000);
  const shutdown = () => {
    clearInterval(timer);
    session.close();
    if (masterSession) masterSession.close();
    server.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((e) => {
  log("ERROR", String(e && e.stack ? e.stack : e), "mesosphere.marathon.Main$:main");
  process.exit(1);
});
