#!/usr/bin/node
"use strict";
// Stand-in for target/universal/stage/bin/marathon (Marathon __MARATHON_VERSION__), written by
// the sbt shim. It checks MESOS_NATIVE_JAVA_LIBRARY like the JVM's loader does, holds a real
// ZooKeeper session with Marathon's leader latch, registers as framework "marathon" with the
// Mesos master stand-in, and serves Marathon's REST API and event stream from the stand-in's
// model (standin/shimHost/hostedMarathon.ts) in the master's process.

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

  // Marathon's model lives in the Mesos master stand-in's process (standin/shimHost/): this
  // process is its :8080 front. It answers /ping itself, forwards the rest over its link to the
  // master, and as a standby proxies to the leader like LeaderProxyFilter.
  let frameworkId = null;
  let leader = null;
  let masterAddr;
  let linked = false;

  const noLeader = (res, p) =>
    send(res, 503, `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 503 </title>\n</head>\n<body>\n<h2>HTTP ERROR: 503</h2>\n<p>Problem accessing ${p}. Reason:\n<pre>    Could not determine the current leader</pre></p>\n</body>\n</html>\n`, "text/html;charset=ISO-8859-1");

  const pipeTo = (req, res, target, p) => {
    const upstream = http.request({ ...target, method: req.method, headers: { ...req.headers, ...target.headers } }, (up) => {
      res.writeHead(up.statusCode || 502, { ...up.headers, ...(target.via ? { "X-Marathon-Via": target.via } : {}) });
      up.pipe(res);
    });
    upstream.on("error", () => (res.headersSent ? res.destroy() : noLeader(res, p)));
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = http.createServer(async (req, res) => {
    const p = new URL(req.url, "http://x").pathname.replace(/\/+$/, "") || "/";
    if (p === "/ping") {
      if ((req.headers.accept || "").includes("application/json")) return send(res, 200, '"pong"', "application/json");
      return send(res, 200, "pong", "text/plain");
    }
    // Like LeaderProxyFilter, wait a moment (10 × 250 ms) for a leader before answering 503.
    for (let i = 0; i < 10 && !(leader && (leader !== me || linked)); i++) await new Promise((r) => setTimeout(r, 250));
    if (leader && leader !== me) {
      const [lhost, lport] = [leader.replace(/:\d+$/, ""), Number(leader.split(":").pop())];
      return pipeTo(req, res, { host: lhost, port: lport, path: req.url, via: `1.1 ${me}`, headers: { host: leader } }, p);
    }
    if (!linked || !masterAddr) return noLeader(res, p);
    const [mhost, mport] = [masterAddr.replace(/:\d+$/, ""), Number(masterAddr.split(":").pop())];
    pipeTo(req, res, { host: mhost, port: mport, path: `/__standin/marathon${req.url}`, headers: { "x-standin-marathon-instance": me, "x-forwarded-for": req.socket.remoteAddress || "" } }, p);
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
  let linking = false;
  const register = async () => {
    await checkLeader();
    if (leader !== me || linked || linking) return;
    const addr = await findMaster().catch(() => undefined);
    if (!addr) return;
    linking = true;
    const body = JSON.stringify({ hostPort: me, master: opts.master, zk: zkText, version: VERSION, leader });
    try {
      const reply = await lib.openLink(`http://${addr}/master/mesos.internal.RegisterFrameworkMessage`, body, () => {
        linked = false;
        log("WARN", `Disconnected from Mesos master ${addr}`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      });
      masterAddr = addr;
      linked = true;
      if (frameworkId !== reply.framework_id) log("INFO", `Registered as ${reply.framework_id} to master '${reply.framework_id.replace(/-\d+$/, "")}'`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      else log("INFO", `Re-registered to ${reply.master}`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      frameworkId = reply.framework_id;
      warned = false;
    } catch (e) {
      if (!warned) log("WARN", `Failed to connect to master ${addr}: ${e.message}`, "mesosphere.marathon.MarathonScheduler:Thread-14");
      warned = true;
    } finally {
      linking = false;
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
