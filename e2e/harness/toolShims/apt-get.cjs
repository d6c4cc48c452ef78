#!/usr/bin/node
"use strict";
// apt-get stand-in: installs nothing on this machine, records packages in the host's private
// dpkg database so dpkg-query, docker, sbt... see them. Mirrors the apt behaviour recipes
// trip over: -y needed without a tty, sbt only after its repository and key, the dpkg lock.

const fs = require("node:fs");
const path = require("node:path");
const lib = require("__ARMDECK_SHIM_LIB__");

const APT_STATE = lib.statePath("apt.json");
const LOCK = lib.statePath("dpkg-lock-frontend");
const SBT_KEY = "99E82A75642AC823";
// Tools that are not on this machine and become commands only once their package is installed.
const PACKAGE_TOOLS = { "docker.io": ["docker"], "docker-ce": ["docker"], "docker-ce-cli": ["docker"], sbt: ["sbt"] };
const VERSIONS = {
  "docker.io": "20.10.24+dfsg1-1+b3",
  sbt: "1.9.7",
  "openjdk-8-jdk": "8u382-ga-1~deb12u1",
  "libcurl4-nss-dev": "7.88.1-10+deb12u5",
  "libsasl2-dev": "2.1.28+dfsg-10",
  "libsasl2-modules": "2.1.28+dfsg-10",
  "libapr1-dev": "1.7.2-3",
  "libsvn-dev": "1.14.2-4+deb12u1",
  libtool: "2.4.7-5",
};

function usage() {
  lib.say(
    "apt 2.6.1 (" + lib.debArch() + ")",
    "Usage: apt-get [options] command",
    "       apt-get [options] install|remove pkg1 [pkg2 ...]",
    "       apt-get [options] source pkg1 [pkg2 ...]",
    "",
    "apt-get is a command line interface for retrieval of packages",
    "and information about them from authenticated sources and",
    "for installation, upgrade and removal of packages together",
    "with their dependencies.",
  );
}

function parse(argv) {
  const opts = { yes: false, quiet: 0, noRecommends: false, command: undefined, packages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-y" || a === "--yes" || a === "--assume-yes") opts.yes = true;
    else if (/^-q+$/.test(a)) opts.quiet += a.length - 1;
    else if (a === "--quiet") opts.quiet += 1;
    else if (a === "--no-install-recommends") opts.noRecommends = true;
    else if (a === "-o" || a === "-c" || a === "-t") i++;
    else if (a.startsWith("-")) {
      // other flags (--fix-missing, -f, --allow-downgrades...) change nothing here
    } else if (!opts.command) opts.command = a;
    else opts.packages.push(a);
  }
  // apt-get(8): quiet level 2 implies -y.
  if (opts.quiet >= 2) opts.yes = true;
  return opts;
}

function sourcesLists() {
  const dir = "/etc/apt/sources.list.d";
  let files = [];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(".list") || f.endsWith(".sources"));
  } catch {
    files = [];
  }
  const repos = [];
  for (const f of files.sort()) {
    const file = path.join(dir, f);
    for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
      const line = raw.trim();
      const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
      if (!m) continue;
      const signedBy = /signed-by=(\S+)/.exec(m[1] || "");
      repos.push({ file, url: m[2], suite: m[3], components: (m[4] || "").trim(), signedBy: signedBy ? signedBy[1] : undefined, mtimeMs: fs.statSync(file).mtimeMs });
    }
  }
  return repos;
}

function isSbtRepo(repo) {
  return /sbt/i.test(repo.url);
}

function releaseName(repo) {
  // A flat repository ("deb URL /") has no dists/ path.
  return repo.suite === "/" ? `${repo.url} InRelease` : `${repo.url} ${repo.suite} InRelease`;
}

function keyTrusted(repo, state) {
  if (repo.signedBy) return fs.existsSync(repo.signedBy);
  if (!isSbtRepo(repo)) return true;
  return (state.keys || []).some((k) => k.toUpperCase().endsWith(SBT_KEY));
}

function update(opts) {
  const state = lib.readJson(APT_STATE, { keys: [], updated: {} });
  const base = [
    ["Hit", "http://deb.debian.org/debian bookworm InRelease"],
    ["Get", "http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]"],
    ["Get", "http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]"],
    ["Get", `http://deb.debian.org/debian-security bookworm-security/main ${lib.debArch()} Packages [254 kB]`],
  ];
  const lines = [];
  const errors = [];
  let n = 0;
  for (const [kind, what] of base) lines.push(`${kind}:${++n} ${what}`);
  const updated = {};
  for (const repo of sourcesLists()) {
    const name = releaseName(repo);
    if (keyTrusted(repo, state)) {
      lines.push(`Get:${++n} ${name} [4,341 B]`);
      if (isSbtRepo(repo)) lines.push(`Get:${++n} ${repo.url} ${repo.suite === "/" ? "" : repo.suite + " "}Packages [3,712 B]`.replace("  ", " "));
      updated[repo.file] = repo.mtimeMs;
    } else {
      lines.push(`Err:${++n} ${name}`, `  The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${SBT_KEY}`);
      errors.push(repo);
    }
  }
  if (opts.quiet < 2) lib.trickle(lines, lib.delay("aptUpdateMs", 300));
  if (opts.quiet < 2) lib.say(`Fetched ${errors.length ? "362 kB" : "366 kB"} in 1s (402 kB/s)`, "Reading package lists...");
  state.updated = updated;
  state.updatedAt = new Date().toISOString();
  lib.writeJson(APT_STATE, state);
  if (errors.length) {
    for (const repo of errors) {
      lib.warn(
        `W: GPG error: ${releaseName(repo)}: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY ${SBT_KEY}`,
        `E: The repository '${repo.url} ${repo.suite === "/" ? "" : repo.suite + " "}InRelease' is not signed.`.replace("  ", " "),
        "N: Updating from such a repository can't be done securely, and is therefore disabled by default.",
        "N: See apt-secure(8) manpage for repository creation and user configuration details.",
      );
    }
    return 100;
  }
  return 0;
}

/** Whether apt can see `pkg` at all: sbt only comes from its own, updated and signed repository. */
function locatable(pkg) {
  if ((lib.config.unavailablePackages || []).includes(pkg)) return false;
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(pkg)) return false;
  if (pkg !== "sbt") return true;
  const state = lib.readJson(APT_STATE, { keys: [], updated: {} });
  return sourcesLists().some((repo) => isSbtRepo(repo) && state.updated && state.updated[repo.file] === repo.mtimeMs);
}

// A package this machine already has (so apt calls it "already the newest version") must
// still bring its command onto the host's PATH.
function linkTools(pkgs) {
  for (const p of pkgs) {
    for (const tool of PACKAGE_TOOLS[p] || []) {
      const dest = path.join(lib.PKG_BIN_DIR, tool);
      if (!fs.existsSync(dest)) lib.installTemplate(tool, dest);
    }
  }
}

function install(opts) {
  if (opts.packages.length === 0) {
    lib.say("Reading package lists...", "Building dependency tree...", "Reading state information...", "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
    return 0;
  }
  const head = ["Reading package lists...", "Building dependency tree...", "Reading state information..."];
  if (opts.quiet < 2) lib.say(...head);
  const missing = opts.packages.filter((p) => !locatable(p));
  if (missing.length) {
    for (const p of missing) lib.warn(`E: Unable to locate package ${p}`);
    return 100;
  }
  const fresh = [];
  for (const p of opts.packages) {
    const v = lib.installedVersion(p);
    if (v !== undefined) {
      if (opts.quiet < 2) lib.say(`${p} is already the newest version (${v}).`);
    } else if (!fresh.includes(p)) fresh.push(p);
  }
  if (fresh.length === 0) {
    if (opts.quiet < 2) lib.say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
    linkTools(opts.packages);
    return 0;
  }
  if (opts.quiet < 2) {
    lib.say("The following NEW packages will be installed:");
    lib.say("  " + fresh.join(" "));
    lib.say(`0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.`);
    lib.say(`Need to get ${(fresh.length * 1.7).toFixed(1)} MB of archives.`);
    lib.say(`After this operation, ${(fresh.length * 6.3).toFixed(1)} MB of additional disk space will be used.`);
  }
  if (!opts.yes) {
    // No tty to answer the prompt: apt aborts, as it does for any recipe that forgets -y.
    lib.out("Do you want to continue? [Y/n] Abort.\n");
    return 1;
  }
  const versions = fresh.map((p) => [p, VERSIONS[p] || "1.0-1"]);
  const lines = [];
  versions.forEach(([p, v], i) => lines.push(`Get:${i + 1} http://deb.debian.org/debian bookworm/main ${lib.debArch()} ${p} ${lib.debArch()} ${v} [${(1700 + i * 37).toLocaleString("en-US")} kB]`));
  lines.push(`Fetched ${(fresh.length * 1.7).toFixed(1)} MB in 1s (${(fresh.length * 1.7).toFixed(1)} MB/s)`);
  for (const [p, v] of versions) {
    lines.push(`Selecting previously unselected package ${p}.`, `Preparing to unpack .../${p}_${v}_${lib.debArch()}.deb ...`, `Unpacking ${p} (${v}) ...`);
  }
  for (const [p, v] of versions) lines.push(`Setting up ${p} (${v}) ...`);
  if (opts.quiet < 2) lib.trickle(lines, lib.delay("aptInstallMs", 150 + 50 * fresh.length));
  lib.recordPackages(versions);
  linkTools(opts.packages);
  return 0;
}

function main() {
  const opts = parse(process.argv.slice(2));
  if (!opts.command) {
    usage();
    return 1;
  }
  if (!["update", "install", "upgrade", "dist-upgrade", "clean", "autoremove", "autoclean"].includes(opts.command)) {
    lib.warn(`E: Invalid operation ${opts.command}`);
    return 100;
  }
  const lock = lib.tryLock(LOCK);
  if (!lock.ok) {
    lib.warn(
      `E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process ${lock.holder} (apt-get)`,
      "N: Be aware that removing the lock file is not a solution and may break your system.",
      "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?",
    );
    return 100;
  }
  try {
    if (opts.command === "update") return update(opts);
    if (opts.command === "install") return install(opts);
    lib.say("Reading package lists...", "Building dependency tree...", "Reading state information...", "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
    return 0;
  } finally {
    lock.release();
  }
}

process.exitCode = main();
