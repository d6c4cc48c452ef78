#!/usr/bin/node
"use strict";
// apt-key stand-in: no keyserver is reachable from tests, and the real one would write this
// machine's /etc/apt/trusted.gpg; keys are recorded in the host's private apt state instead,
// where the apt-get shim checks them before trusting the sbt repository.

const lib = require("__ARMDECK_SHIM_LIB__");

const APT_STATE = lib.statePath("apt.json");
const KNOWN = { "99E82A75642AC823": 'sbt build tool <scalasbt@gmail.com>' };

function main(argv) {
  lib.warn("Warning: apt-key is deprecated. Manage keyring files in trusted.gpg.d instead (see apt-key(8)).");
  const cmd = argv[0];
  const state = lib.readJson(APT_STATE, { keys: [], updated: {} });
  state.keys = state.keys || [];
  if (cmd === "list") {
    for (const k of state.keys) {
      const fpr = k.padStart(40, "0").replace(/(.{4})/g, "$1 ").trim();
      lib.say("/etc/apt/trusted.gpg", "--------------------", "pub   rsa4096 2018-09-25 [SC]", `      ${fpr}`, `uid           [ unknown] ${KNOWN[k.slice(-16)] || "unknown"}`, "");
    }
    return 0;
  }
  if (cmd === "add") {
    lib.say("OK");
    return 0;
  }
  if (cmd !== "adv") {
    lib.warn("Usage: apt-key [--keyring file] [command] [arguments]");
    return 1;
  }
  const ids = [];
  let keyserver = "hkps://keys.openpgp.org";
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--keyserver") keyserver = argv[++i] || keyserver;
    else if (a === "--recv" || a === "--recv-keys" || a === "--recv-key") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) ids.push(argv[++i]);
    } else if (!a.startsWith("--")) ids.push(a);
  }
  const tmp = `/tmp/apt-key-gpghome.${lib.randomHex(10)}`;
  lib.say(`Executing: ${tmp}/gpg.1.sh ${argv.slice(1).join(" ")}`);
  let processed = 0;
  let imported = 0;
  let unchanged = 0;
  for (const raw of ids) {
    const id = raw.replace(/^0x/i, "").toUpperCase();
    if (!/^([0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})$/.test(id)) {
      lib.warn(`gpg: "${raw}" not a key ID: skipping`);
      continue;
    }
    const long = id.slice(-16);
    const uid = KNOWN[long] || `Repository signing key <${long.toLowerCase()}@${keyserver.replace(/^\w+:\/\//, "").replace(/[:/].*$/, "")}>`;
    processed++;
    if (state.keys.some((k) => k.toUpperCase().endsWith(long))) {
      unchanged++;
      lib.warn(`gpg: key ${long}: "${uid}" not changed`);
    } else {
      imported++;
      state.keys.push(id);
      lib.warn(`gpg: key ${long}: public key "${uid}" imported`);
    }
  }
  if (processed === 0) {
    lib.warn("gpg: keyserver receive failed: No data");
    return 2;
  }
  lib.writeJson(APT_STATE, state);
  lib.warn(`gpg: Total number processed: ${processed}`);
  if (imported) lib.warn(`gpg:               imported: ${imported}`);
  if (unchanged) lib.warn(`gpg:              unchanged: ${unchanged}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
