#!/usr/bin/node
"use strict";
// curl stand-in for the downloads the runbook makes (a Mesos release tarball from the Apache
// archive, the weave script from GitHub releases, and, on the tarball route, Marathon's release
// from Mesosphere's downloads), which cannot reach the internet
// here, and for the Weave router's local HTTP API (http://127.0.0.1:6784, the host's own
// router: no router listens, and loopback is shared by the test hosts), answered from the
// Weave model (weaveNet.cjs). Every other URL, notably the app's http://127.… status probes,
// goes to the real /usr/bin/curl with the arguments untouched.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");
const ROUTER_API_RE = /^(?:http:\/\/)?(?:127\.0\.0\.1|localhost):6784(\/[^?#]*)?(\?[^#]*)?$/;

const MESOS_VERSIONS = lib.config.mesosVersions;
const MARATHON_TAGS = lib.config.marathonTags || [];
// Marathon 1.5 and earlier were published as /marathon/v<version>/marathon-<version>.tgz; from 1.6
// on the releases live under /marathon/builds/<version>-<commit>/, so that path is a 404 for them.
const MARATHON_RE = /^https?:\/\/downloads\.mesosphere\.(?:com|io)\/marathon\/v([0-9][^/]*)\/marathon-([^/]+)\.tgz$/;
const WEAVE_VERSIONS = ["2.5.0", "2.5.1", "2.5.2", "2.6.0", "2.6.2", "2.6.4", "2.6.5", "2.7.0", "2.8.0", "2.8.1"];
const LATEST_WEAVE = "2.8.1";
const MESOS_RE = /^https?:\/\/(?:archive\.apache\.org\/dist|downloads\.apache\.org|dlcdn\.apache\.org|www\.apache\.org\/dist|dist\.apache\.org\/repos\/dist\/release)\/mesos\/([^/]+)\/mesos-([^/]+)\.tar\.gz$/;
const WEAVE_RE = /^(?:https?:\/\/)?(?:github\.com\/weaveworks\/weave\/releases\/(?:download\/v?([^/]+)|latest\/download)\/weave|git\.io\/weave)$/;
const SHORT_WITH_VALUE = new Set(["o", "H", "d", "X", "u", "A", "e", "m", "w", "T", "r", "C", "x", "U", "b", "c", "F", "K", "y", "Y", "z", "E", "K"]);

function parse(argv) {
  const o = { output: undefined, remoteName: false, fail: false, silent: false, showError: false, location: false, url: undefined, urls: 0, headers: [], method: "GET" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--output") o.output = argv[++i];
    else if (a.startsWith("--output=")) o.output = a.slice(9);
    else if (a === "--remote-name") o.remoteName = true;
    else if (a === "--fail") o.fail = true;
    else if (a === "--silent") o.silent = true;
    else if (a === "--show-error") o.showError = true;
    else if (a === "--location") o.location = true;
    else if (a === "--url") (o.url = argv[++i]), o.urls++;
    else if (a === "--header") o.headers.push(argv[++i] || "");
    else if (a === "--request") o.method = argv[++i] || "GET";
    else if (a.startsWith("--")) {
      if ([ "--data", "--request", "--user", "--user-agent", "--max-time", "--connect-timeout", "--retry", "--retry-delay", "--cacert", "--write-out", "--proto", "--proto-redir", "--data-raw", "--data-binary", "--resolve", "--interface"].includes(a)) i++;
    } else if (a.startsWith("-") && a.length > 1) {
      const flags = a.slice(1);
      for (let j = 0; j < flags.length; j++) {
        const f = flags[j];
        if (f === "f") o.fail = true;
        else if (f === "s") o.silent = true;
        else if (f === "S") o.showError = true;
        else if (f === "L") o.location = true;
        else if (f === "O") o.remoteName = true;
        else if (SHORT_WITH_VALUE.has(f)) {
          const value = j < flags.length - 1 ? flags.slice(j + 1) : argv[++i];
          if (f === "o") o.output = value;
          if (f === "H") o.headers.push(value || "");
          if (f === "X") o.method = value || "GET";
          break;
        }
      }
    } else {
      o.url = a;
      o.urls++;
    }
  }
  return o;
}

function progress(o, bytes) {
  if (o.silent) return;
  const kb = bytes >= 1024 ? `${Math.round(bytes / 1024)}k` : String(bytes);
  lib.err("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n");
  lib.err("                                 Dload  Upload   Total   Spent    Left  Speed\n");
  lib.err(`100 ${String(bytes).padStart(5)}  100 ${String(bytes).padStart(5)}    0     0  ${kb.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${kb.padStart(5)}\n`);
}

function deliver(o, content, url) {
  const name = o.output || (o.remoteName ? path.basename(new URL(url.includes("://") ? url : `https://${url}`).pathname) : undefined);
  if (!name || name === "-") {
    progress(o, content.length);
    lib.write(1, content);
    return 0;
  }
  try {
    fs.writeFileSync(name, content);
  } catch (e) {
    if (!o.silent || o.showError) {
      lib.err(`Warning: Failed to open the file ${name}: ${e.code === "ENOENT" ? "No such file or directory" : e.message}\n`);
      lib.err("curl: (23) Failure writing output to destination\n");
    }
    return 23;
  }
  progress(o, content.length);
  return 0;
}

function notFound(o, url) {
  if (o.fail) {
    if (!o.silent || o.showError) lib.err("curl: (22) The requested URL returned error: 404\n");
    return 22;
  }
  return deliver(o, Buffer.from(`<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`), url);
}

function mesosTarball(version) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-mesos-dist-"));
  try {
    const tree = `mesos-${version}`;
    const archive = childProcess.spawnSync("/bin/sh", ["-c", `/usr/bin/git --git-dir='${path.join(lib.config.assetsDir, "mesos.git")}' archive --format=tar --prefix='${tree}/' '${version}' | tar xf - -C '${tmp}'`]);
    if (archive.status !== 0) throw new Error(String(archive.stderr));
    // A release tarball is `make dist` output: configure is generated, bootstrap is not shipped.
    fs.copyFileSync(path.join(lib.config.assetsDir, "configure"), path.join(tmp, tree, "configure"));
    fs.chmodSync(path.join(tmp, tree, "configure"), 0o755);
    fs.rmSync(path.join(tmp, tree, "bootstrap"), { force: true });
    const out = path.join(tmp, `${tree}.tar.gz`);
    const tar = childProcess.spawnSync("/bin/tar", ["czf", out, "-C", tmp, tree]);
    if (tar.status !== 0) throw new Error(String(tar.stderr));
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** What Marathon's release tarball holds: marathon-<version>/{bin/marathon, lib/<jar>, README.md}, what sbt would stage. */
function marathonTarball(version) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-marathon-dist-"));
  try {
    const tree = path.join(tmp, `marathon-${version}`);
    const gitDir = path.join(lib.config.assetsDir, "marathon.git");
    const buildref = childProcess.spawnSync("/usr/bin/git", ["--git-dir", gitDir, "rev-parse", "--short=8", `v${version}^{commit}`], { encoding: "utf8" }).stdout.trim() || "unknown";
    lib.installTemplate("marathon", path.join(tree, "bin", "marathon"), { __MARATHON_VERSION__: version, __MARATHON_BUILDREF__: buildref });
    fs.mkdirSync(path.join(tree, "lib"), { recursive: true });
    fs.writeFileSync(path.join(tree, "lib", `mesosphere.marathon.marathon-${version}.jar`), `ARMDECK FAKE marathon ${version} jar\n`);
    const readme = childProcess.spawnSync("/usr/bin/git", ["--git-dir", gitDir, "show", `v${version}:README.md`], { encoding: "utf8" });
    fs.writeFileSync(path.join(tree, "README.md"), readme.stdout);
    const out = path.join(tmp, `marathon-${version}.tgz`);
    const tar = childProcess.spawnSync("/bin/tar", ["czf", out, "-C", tmp, `marathon-${version}`]);
    if (tar.status !== 0) throw new Error(String(tar.stderr));
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function weaveScript(version) {
  const tmp = path.join(os.tmpdir(), `armdeck-weave-${process.pid}`);
  lib.installTemplate("weave", tmp, { __WEAVE_VERSION__: version });
  const content = fs.readFileSync(tmp);
  fs.rmSync(tmp, { force: true });
  return content;
}

/** The router's control API (report-fields.md): /status[/sub] text, /report JSON, /domain. */
function routerApi(o, route, query) {
  const net = require(path.join(path.dirname("__ARMDECK_SHIM_LIB__"), "weaveNet.cjs"));
  if (!net.routerUp()) {
    if (!o.silent || o.showError) lib.err("curl: (7) Failed to connect to 127.0.0.1 port 6784 after 0 ms: Connection refused\n");
    return 7;
  }
  const accept = o.headers.map((h) => /^accept:\s*(.*)$/i.exec(h)).find(Boolean);
  const reply = (status, body) => {
    if (o.fail && status >= 400) {
      if (!o.silent || o.showError) lib.err(`curl: (22) The requested URL returned error: ${status}\n`);
      return 22;
    }
    return deliver({ ...o, silent: true }, Buffer.from(body), "http://127.0.0.1:6784/");
  };
  if (o.method !== "GET") return reply(405, "405 method not allowed\n");
  if (route === "/report" && accept && accept[1].trim() === "application/json") return reply(200, net.reportText());
  if (route === "/report") return reply(400, query.includes("format=") ? "error: format templates are not served by the Armdeck stand-in\n" : "error: must supply one format parameter\n");
  if (route === "/status") return reply(200, net.statusText());
  const sub = /^\/status\/([a-z]+)$/.exec(route);
  if (sub && net.subStatus(sub[1]) !== undefined) return reply(200, net.subStatus(sub[1]));
  if (route === "/domain") return reply(200, net.DOMAIN);
  return reply(404, "404 page not found\n");
}

function main(argv) {
  const o = parse(argv);
  const url = o.url || "";
  const api = o.urls === 1 ? ROUTER_API_RE.exec(url) : null;
  if (api) return routerApi(o, api[1] || "/", api[2] || "");
  const mesos = MESOS_RE.exec(url);
  const weave = WEAVE_RE.exec(url);
  const marathon = MARATHON_RE.exec(url);
  if (o.urls !== 1 || (!mesos && !weave && !marathon)) {
    const r = childProcess.spawnSync("/usr/bin/curl", argv, { stdio: "inherit" });
    return r.status ?? 2;
  }
  lib.sleepMs(lib.delay("curlMs", 100));
  if (mesos) {
    if (mesos[1] !== mesos[2] || !MESOS_VERSIONS.includes(mesos[1])) return notFound(o, url);
    return deliver(o, mesosTarball(mesos[1]), url);
  }
  if (marathon) {
    const [, folder, file] = marathon;
    if (folder !== file || !folder.startsWith("1.5.") || !MARATHON_TAGS.includes(`v${folder}`)) return notFound(o, url);
    return deliver(o, marathonTarball(folder), url);
  }
  // GitHub answers release downloads with a redirect; without -L curl saves the redirect page.
  if (!o.location) {
    return deliver(o, Buffer.from(`<html><body>You are being <a href="https://objects.githubusercontent.com/github-production-release-asset-2e65be/weave">redirected</a>.</body></html>`), url);
  }
  const version = weave[1] || LATEST_WEAVE;
  if (!WEAVE_VERSIONS.includes(version)) return notFound(o, url);
  return deliver(o, weaveScript(version), url);
}

process.exitCode = main(process.argv.slice(2));
