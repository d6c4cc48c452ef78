#!/usr/bin/node
"use strict";
// git stand-in: everything is this machine's real git, except that the Mesos and Marathon
// repositories (no network here) are served from fake repositories the harness built, with the
// real tags (1.4.0 … 1.11.0, v1.5.1 … v1.10.17). Clones keep the URL the app asked for as their
// origin, and later fetches through it are redirected the same way. Other remote URLs fail
// like an unknown GitHub repository instead of waiting on DNS.

const childProcess = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const lib = require("__ARMDECK_SHIM_LIB__");

const REAL = "/usr/bin/git";
const REPOS = [
  { re: /\/mesos(\.git)?\/?$/, repo: path.join(lib.config.assetsDir, "mesos.git") },
  { re: /\/marathon(\.git)?\/?$/, repo: path.join(lib.config.assetsDir, "marathon.git") },
];
const REMOTE_RE = /^(https?|git|ssh):\/\/|^[\w.-]+@[\w.-]+:/;
const GLOBAL_WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"]);

function fakeFor(url) {
  const hit = REPOS.find((r) => r.re.test(url));
  return hit ? `file://${hit.repo}` : undefined;
}

function splitGlobal(argv) {
  const globals = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (GLOBAL_WITH_VALUE.has(a)) {
      globals.push(a, argv[++i]);
    } else if (a.startsWith("-")) globals.push(a);
    else break;
  }
  return { globals, sub: argv[i], rest: argv.slice(i + 1) };
}

function realGit(args, opts = {}) {
  return childProcess.spawnSync(REAL, args, { stdio: "inherit", ...opts });
}

function redirects(urls) {
  const out = [];
  for (const url of new Set(urls)) {
    const fake = fakeFor(url);
    if (fake) out.push("-c", `url.${fake}.insteadOf=${url}`);
  }
  return out;
}

function clone(globals, rest) {
  const withValue = new Set(["-b", "--branch", "--depth", "-o", "--origin", "-c", "--config", "--reference", "-j", "--jobs", "--shallow-since", "--filter", "--template", "-u", "--upload-pack", "--separate-git-dir"]);
  const positional = [];
  for (let i = 0; i < rest.length; i++) {
    if (withValue.has(rest[i])) i++;
    else if (rest[i] === "--") continue;
    else if (!rest[i].startsWith("-")) positional.push(rest[i]);
  }
  const [url, dirArg] = positional;
  if (!url) return realGit([...globals, "clone", ...rest]).status ?? 128;
  if (!REMOTE_RE.test(url)) return realGit([...globals, "clone", ...rest]).status ?? 128;
  const dir = dirArg || path.basename(url.replace(/\/+$/, "")).replace(/\.git$/, "");
  let base = process.cwd();
  for (let i = 0; i < globals.length; i++) if (globals[i] === "-C") base = path.resolve(base, globals[i + 1]);
  const target = path.resolve(base, dir);
  if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0)) {
    lib.err(`fatal: destination path '${dir}' already exists and is not an empty directory.\n`);
    return 128;
  }
  if (!fakeFor(url)) {
    if (!rest.includes("-q") && !rest.includes("--quiet")) lib.err(`Cloning into '${dir}'...\n`);
    lib.err(`remote: Repository not found.\nfatal: repository '${url}' not found\n`);
    return 128;
  }
  return realGit([...redirects([url]), ...globals, "clone", ...rest]).status ?? 128;
}

function remoteUrls(globals) {
  const r = childProcess.spawnSync(REAL, [...globals, "config", "--get-regexp", "^remote\\..*\\.url$"], { encoding: "utf8" });
  if (r.status !== 0) return [];
  return r.stdout.split("\n").map((l) => l.split(" ").slice(1).join(" ")).filter(Boolean);
}

function main(argv) {
  const { globals, sub, rest } = splitGlobal(argv);
  if (sub === "clone") return clone(globals, rest);
  // Not for `git remote get-url` and the like, which would print the redirected URL.
  if (["fetch", "pull", "ls-remote", "submodule"].includes(sub) || (sub === "remote" && rest[0] === "update")) {
    const urls = [...remoteUrls(globals), ...rest.filter((a) => REMOTE_RE.test(a))];
    return realGit([...redirects(urls), ...argv]).status ?? 128;
  }
  const r = realGit(argv);
  if (r.error) {
    lib.err(`git: ${r.error.message}\n`);
    return 127;
  }
  return r.status ?? 128;
}

process.exitCode = main(process.argv.slice(2));
