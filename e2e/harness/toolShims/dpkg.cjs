#!/usr/bin/node
"use strict";
// dpkg stand-in: the host's architecture (as shims.ts does for plain hosts) and `dpkg -s`/`-l`
// answers that include what the apt-get shim installed; everything else is this machine's dpkg.

const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");

function main(argv) {
  if (argv.length === 1 && argv[0] === "--print-architecture") {
    lib.say(lib.debArch());
    return 0;
  }
  if ((argv[0] === "-s" || argv[0] === "--status") && argv.length > 1) {
    const recorded = lib.recordedPackages();
    let code = 0;
    for (const pkg of argv.slice(1)) {
      const rec = recorded[pkg];
      if (rec) {
        lib.out(`Package: ${pkg}\nStatus: install ok installed\nPriority: optional\nArchitecture: ${lib.debArch()}\nVersion: ${rec.version}\n\n`);
        continue;
      }
      const r = childProcess.spawnSync("/usr/bin/dpkg", ["-s", pkg], { encoding: "utf8" });
      lib.out(r.stdout || "");
      if (r.status !== 0) {
        lib.err(`dpkg-query: package '${pkg}' is not installed and no information is available\n`);
        code = 1;
      }
    }
    if (code) lib.err("Use dpkg --info (= dpkg-deb --info) to examine archive files.\n");
    return code;
  }
  const r = childProcess.spawnSync("/usr/bin/dpkg", argv, { stdio: "inherit" });
  return r.status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
