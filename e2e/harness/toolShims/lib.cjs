"use strict";
// Shared helpers for the tool shims and stand-ins of cluster test hosts (see ../clusterHosts.ts).
// Runs on the test host (inside its mount namespace) under /usr/bin/node; node builtins only.

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const childProcess = require("node:child_process");
const http = require("node:http");

const config = JSON.parse(fs.readFileSync(path.join(__dirname, "config.json"), "utf8"));

// Private to the host (bind-mounted), so every node keeps its own packages, images, weave state.
const STATE_DIR = "/var/lib/armdeck-shims";
const PKG_BIN_DIR = path.join(STATE_DIR, "bin");

function statePath(name) {
  return path.join(STATE_DIR, name);
}

function readJson(file, fallback) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return fallback;
  }
}

// Rename is atomic, so a reader never sees half a file even if two shims run at once.
function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n");
  fs.renameSync(tmp, file);
}

function sleepMs(ms) {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function delay(name, fallback) {
  const d = config.delays && config.delays[name];
  return typeof d === "number" ? d : fallback;
}

// Synchronous writes keep stdout and stderr in the order a real tool would produce them. A
// reader that went away (`| head`) ends us quietly, as SIGPIPE ends a real tool.
function write(fd, data) {
  let buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
  while (buf.length > 0) {
    try {
      buf = buf.subarray(fs.writeSync(fd, buf));
    } catch (e) {
      if (e.code === "EPIPE") process.exit(141);
      if (e.code !== "EAGAIN") throw e;
      sleepMs(5);
    }
  }
}
function out(text) {
  write(1, text);
}
function err(text) {
  write(2, text);
}
function say(...lines) {
  for (const l of lines) out(l + "\n");
}
function warn(...lines) {
  for (const l of lines) err(l + "\n");
}

/** Prints lines spread over totalMs, as a long-running tool would. */
function trickle(lines, totalMs, stream = 1) {
  const per = lines.length ? totalMs / lines.length : 0;
  let owed = 0;
  for (const l of lines) {
    write(stream, l + "\n");
    owed += per;
    if (owed >= 20) {
      sleepMs(owed);
      owed = 0;
    }
  }
  sleepMs(owed);
}

function hex(seed, length) {
  let outHex = "";
  for (let i = 0; outHex.length < length; i++) outHex += crypto.createHash("sha256").update(`${seed}:${i}`).digest("hex");
  return outHex.slice(0, length);
}

function randomHex(length) {
  return crypto.randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length);
}

// Packages the shims have "installed" on this host.
const DPKG_DB = statePath("dpkg.json");

function recordedPackages() {
  return readJson(DPKG_DB, { packages: {} }).packages;
}

function recordPackages(entries) {
  const db = readJson(DPKG_DB, { packages: {} });
  for (const [name, version] of entries) db.packages[name] = { version, installedAt: new Date().toISOString() };
  writeJson(DPKG_DB, db);
}

/** This machine's own dpkg knows it as installed: the shared base system every node starts with. */
function reallyInstalled(pkg) {
  const r = childProcess.spawnSync("/usr/bin/dpkg-query", ["-W", "--showformat=${Status}\\t${Version}", pkg], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  const [status, version] = r.stdout.split("\t");
  return status === "install ok installed" ? version : undefined;
}

function installedVersion(pkg) {
  const rec = recordedPackages()[pkg];
  if (rec) return rec.version;
  return reallyInstalled(pkg);
}

function isInstalled(pkg) {
  return installedVersion(pkg) !== undefined;
}

/** Like `command -v`: the first executable named `name` on this process's PATH. */
function which(name) {
  for (const dir of (process.env.PATH || "").split(":")) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

const DEBIAN_ARCH = { aarch64: "arm64", x86_64: "amd64" };
const GO_ARCH = DEBIAN_ARCH;

function machine() {
  return config.arch;
}

function debArch() {
  return DEBIAN_ARCH[config.arch] || config.arch;
}

function hostname() {
  return require("node:os").hostname();
}

/** Copies a shim-side template to `dest`, baking in where this host's lib lives. */
function installTemplate(templateName, dest, replacements = {}) {
  let text = fs.readFileSync(path.join(__dirname, "templates", templateName), "utf8");
  const all = { __ARMDECK_SHIM_LIB__: path.join(__dirname, "lib.cjs"), ...replacements };
  for (const [k, v] of Object.entries(all)) text = text.split(k).join(v);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, text);
  fs.chmodSync(dest, 0o755);
}

/** glog's line prefix: I1126 23:45:01.123456 12345 file.cpp:123] */
function glog(level, file, line, message) {
  const d = new Date();
  const p2 = (n) => String(n).padStart(2, "0");
  const micros = String(d.getMilliseconds() * 1000 + Math.floor(Math.random() * 1000)).padStart(6, "0");
  return `${level}${p2(d.getMonth() + 1)}${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${micros} ${String(process.pid).padStart(5)} ${file}:${line}] ${message}`;
}

/** Exclusive lock file holding our pid; a lock whose holder is dead is taken over. */
function tryLock(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return { ok: true, release: () => fs.rmSync(file, { force: true }) };
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      let alive = false;
      try {
        alive = Number.isInteger(holder) && holder > 0 && !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${holder}/stat`, "utf8"));
      } catch {
        alive = false;
      }
      if (alive) return { ok: false, holder };
      fs.rmSync(file, { force: true });
    }
  }
  return { ok: false, holder: undefined };
}

/** Parses zk://[auth@]host:port[,host:port]/path the way Mesos does. */
function parseZkUrl(url) {
  const m = /^zk:\/\/(?:[^@/]*@)?([^/]+)(\/.*)?$/.exec(url || "");
  if (!m) return undefined;
  const servers = m[1].split(",").map((s) => {
    const i = s.lastIndexOf(":");
    return i > 0 ? { host: s.slice(0, i), port: Number(s.slice(i + 1)) } : { host: s, port: 2181 };
  });
  if (servers.some((s) => !s.host || !Number.isInteger(s.port))) return undefined;
  return { servers, path: m[2] || "/" };
}

/**
 * Opens a link to the master stand-in (standin/shimHost/masterProcess.ts): POSTs `body`, resolves
 * with the reply's first JSON line, and calls onClose once when the link later breaks.
 */
function openLink(url, body, onClose) {
  return new Promise((resolve, reject) => {
    let linked = false;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      if (linked) onClose();
      else reject(new Error("the link closed before the master answered"));
    };
    const req = http.request(url, { method: "POST", headers: { "Content-Type": "application/json" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        closed = true;
        reject(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        if (linked) return;
        text += c;
        const nl = text.indexOf("\n");
        if (nl < 0) return;
        try {
          const line = JSON.parse(text.slice(0, nl));
          linked = true;
          req.setTimeout(0);
          resolve(line);
        } catch (e) {
          req.destroy(e);
        }
      });
      res.on("close", close);
    });
    // Until the master answers; a link that is up has no idle timeout (it is quiet by design).
    req.setTimeout(3000, () => req.destroy(new Error("timeout")));
    req.on("error", (e) => {
      if (!linked && !closed) {
        closed = true;
        reject(e);
      } else close();
    });
    req.end(body);
  });
}

/**
 * Loads a module of the stand-in (standin/, TypeScript) from the checkout the test hosts were
 * started from, with the checkout's own tsx: the shims stay thin and the model stays one.
 */
function requireStandin(relPath) {
  const tsx = require(require.resolve("tsx/cjs/api", { paths: [config.repoDir] }));
  return tsx.require(path.join(config.repoDir, relPath), __filename);
}

module.exports = {
  config,
  openLink,
  requireStandin,
  write,
  STATE_DIR,
  PKG_BIN_DIR,
  statePath,
  readJson,
  writeJson,
  sleepMs,
  delay,
  out,
  err,
  say,
  warn,
  trickle,
  hex,
  randomHex,
  recordedPackages,
  recordPackages,
  reallyInstalled,
  installedVersion,
  isInstalled,
  which,
  machine,
  debArch,
  GO_ARCH,
  hostname,
  installTemplate,
  glog,
  tryLock,
  parseZkUrl,
};
