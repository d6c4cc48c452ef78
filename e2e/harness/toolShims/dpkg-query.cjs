#!/usr/bin/node
"use strict";
// dpkg-query stand-in: packages the apt-get shim installed on this host, then whatever this
// machine's own dpkg knows (the base system every test node shares).

const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");

const REAL = "/usr/bin/dpkg-query";

function expand(format, pkg, version) {
  return format
    .replace(/\$\{(?:binary:)?Package\}/g, pkg)
    .replace(/\$\{Status\}/g, "install ok installed")
    .replace(/\$\{db:Status-Abbrev\}/g, "ii ")
    .replace(/\$\{db:Status-Status\}/g, "installed")
    .replace(/\$\{Version\}/g, version)
    .replace(/\$\{Architecture\}/g, lib.debArch())
    .replace(/\\n/g, "\n")
    .replace(/\\t/g, "\t");
}

function realFor(args) {
  const r = childProcess.spawnSync(REAL, args, { encoding: "utf8" });
  return { code: r.status ?? 1, stdout: r.stdout || "", stderr: r.stderr || "" };
}

function main(argv) {
  let show = false;
  let status = false;
  let format = "${binary:Package}\t${Version}\n";
  const pkgs = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-W" || a === "--show") show = true;
    else if (a === "-s" || a === "--status") status = true;
    else if (a === "-f" || a === "--showformat") format = argv[++i] ?? "";
    // dpkg-query takes -f=FMT as well as -fFMT (what `-f='${Status}'` reaches it as).
    else if (a.startsWith("-f=")) format = a.slice(3);
    else if (a.startsWith("-f") && a.length > 2) format = a.slice(2);
    else if (a.startsWith("--showformat=")) format = a.slice("--showformat=".length);
    else if (a.startsWith("-")) return passThrough(argv);
    else pkgs.push(a);
  }
  if ((!show && !status) || pkgs.length === 0) return passThrough(argv);
  const recorded = lib.recordedPackages();
  let code = 0;
  for (const pkg of pkgs) {
    const rec = recorded[pkg];
    if (rec) {
      if (status) lib.out(`Package: ${pkg}\nStatus: install ok installed\nPriority: optional\nArchitecture: ${lib.debArch()}\nVersion: ${rec.version}\n\n`);
      else lib.out(expand(format, pkg, rec.version));
      continue;
    }
    const r = realFor(status ? ["-s", pkg] : ["-W", `--showformat=${format}`, pkg]);
    lib.out(r.stdout);
    lib.err(r.stderr);
    if (r.code !== 0) code = r.code;
  }
  return code;
}

function passThrough(argv) {
  const r = childProcess.spawnSync(REAL, argv, { stdio: "inherit" });
  return r.status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
