// Test hosts that behave like the runbook's cluster nodes, so the app's real recipes (shell
// scripts over real SSH) run end to end on this one machine. Each host is an isolated sshd
// host (own loopback address, hostname, /opt, /usr/local, ...; see sshHosts.ts) whose PATH
// starts with tool shims: apt-get, git, curl, make, sbt, docker and the weave script stand in
// for what needs the internet or cannot run here, and the fake Mesos build produces
// mesos-master/mesos-agent stand-ins. ZooKeeper is real (Debian's package, run from the fake
// Mesos tree's 3rdparty/zookeeper-3.8.0). Shim sources: toolShims/; fake trees: clusterAssets.ts.

import { rmSync } from "node:fs";
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getClusterAssets, MARATHON_TAGS, MESOS_VERSIONS, removeClusterAssets, TOOL_SHIMS_DIR } from "./clusterAssets";
import { allocateLoopbackAddress, startTestSshHost, type Arch, type TestSshHost } from "./sshHosts";

export type { Arch } from "./sshHosts";

/** Milliseconds the slow tools take (their output is spread over this); keep tests fast. */
export interface ShimDelays {
  /** A full fake Mesos build (make); the real one takes an hour. */
  makeMs: number;
  aptUpdateMs: number;
  aptInstallMs: number;
  dockerPullMs: number;
  sbtCompileMs: number;
  sbtBootMs: number;
  curlMs: number;
  weaveLaunchMs: number;
}

export const DEFAULT_SHIM_DELAYS: ShimDelays = {
  makeMs: 1500,
  aptUpdateMs: 300,
  aptInstallMs: 300,
  dockerPullMs: 400,
  sbtCompileMs: 800,
  sbtBootMs: 200,
  curlMs: 100,
  weaveLaunchMs: 200,
};

export interface ClusterHostSpec {
  arch: Arch;
  hostname: string;
  /** Default: allocateLoopbackAddress(). */
  address?: string;
  /** sshd port; default: a free one. */
  port?: number;
  delays?: Partial<ShimDelays>;
  /** Names `apt-get install` answers with "E: Unable to locate package" (default none). */
  unavailablePackages?: string[];
  /** What a mesos-agent started without --resources offers (default: this machine's CPUs, memory less 1 GB). */
  cpus?: number;
  memMb?: number;
  /** A stand-in `date` this many seconds off (clock skew for preflight); see setClockOffset(). */
  clockOffsetSeconds?: number;
  /** A stand-in `df` reporting this much free space (KiB) everywhere (a full disk); see setDiskFree(). */
  diskFreeKb?: number;
}

export interface ClusterHost extends TestSshHost {
  hostname: string;
  rootDir: string;
  hostPath(p: string): string;
}

/** Commands first on the host's PATH: name -> source in toolShims/. */
const SHIMS: Record<string, string> = {
  "apt-get": "apt-get.cjs",
  "apt-key": "apt-key.cjs",
  "dpkg-query": "dpkg-query.cjs",
  dpkg: "dpkg.cjs",
  git: "git.cjs",
  curl: "curl.cjs",
  make: "make.cjs",
  ldconfig: "ldconfig.sh",
};

/** Files the shims install later (apt-get, make, sbt, curl): name -> source in toolShims/. */
const TEMPLATES: Record<string, string> = {
  docker: "docker.cjs",
  sbt: "sbt.cjs",
  weave: "weave.cjs",
  "mesos-daemon": "mesos-daemon.cjs",
  "mesos-wrapper": "mesos.sh",
  marathon: "marathon.cjs",
};

const LIB_PLACEHOLDER = "__ARMDECK_SHIM_LIB__";
// The checkout the hosts run from: only ISOLATED_PATHS are private to a host, so the Mesos and
// Marathon shims load the stand-in's model (standin/) and tsx from here.
const REPO_DIR = path.resolve(import.meta.dirname, "..", "..");
// Commands that appear on a host only once their package is installed (apt-get links them here).
const PKG_BIN_DIR = "/var/lib/armdeck-shims/bin";
// One Weave mesh per test process, like one LAN per process (the hosts file below): hosts of two
// test processes running at once (vitest beside Playwright) share hostnames, and must not peer.
const WEAVE_MESH_DIR = `/run/armdeck-weave-mesh/${process.pid}`;

const liveClusterHosts = new Set<ClusterHost>();
const hostsEntries = new Map<string, string>();
let hostsWrite: Promise<void> = Promise.resolve();

// Every node resolves every node's hostname, as on a LAN with DNS: one file, bind-mounted
// over /etc/hosts in every host, rewritten in place (a rename would not reach the mounts).
function updateHostsFile(file: string): Promise<void> {
  hostsWrite = hostsWrite.then(async () => {
    const base = await readFile("/etc/hosts", "utf8").catch(() => "127.0.0.1\tlocalhost\n");
    const lines = [...hostsEntries.values()];
    await writeFile(file, base.replace(/\n?$/, "\n") + "\n# Armdeck cluster test hosts\n" + lines.join("\n") + "\n");
  });
  return hostsWrite;
}

async function installShims(host: TestSshHost, spec: ClusterHostSpec, assetsDir: string): Promise<void> {
  const libDir = path.join(host.shimDir, ".armdeck");
  const libPath = path.join(libDir, "lib.cjs");
  await mkdir(path.join(libDir, "templates"), { recursive: true });
  await copyFile(path.join(TOOL_SHIMS_DIR, "lib.cjs"), libPath);
  await copyFile(path.join(TOOL_SHIMS_DIR, "zk.cjs"), path.join(libDir, "zk.cjs"));
  await copyFile(path.join(TOOL_SHIMS_DIR, "weaveNet.cjs"), path.join(libDir, "weaveNet.cjs"));
  await copyFile(path.join(TOOL_SHIMS_DIR, "containerExec.cjs"), path.join(libDir, "containerExec.cjs"));
  const config = {
    hostname: spec.hostname,
    address: host.address,
    arch: spec.arch,
    assetsDir,
    weaveMeshDir: WEAVE_MESH_DIR,
    mesosVersions: MESOS_VERSIONS,
    marathonTags: MARATHON_TAGS,
    delays: { ...DEFAULT_SHIM_DELAYS, ...spec.delays },
    unavailablePackages: spec.unavailablePackages ?? [],
    repoDir: REPO_DIR,
    cpus: spec.cpus,
    memMb: spec.memMb,
  };
  await writeFile(path.join(libDir, "config.json"), JSON.stringify(config, null, 2) + "\n");
  await Promise.all([
    ...Object.entries(TEMPLATES).map(async ([name, source]) => {
      const file = path.join(libDir, "templates", name);
      await copyFile(path.join(TOOL_SHIMS_DIR, source), file);
      await chmod(file, 0o755);
    }),
    ...Object.entries(SHIMS).map(async ([name, source]) => {
      const body = await readFile(path.join(TOOL_SHIMS_DIR, source), "utf8");
      await host.writeShim(name, body.split(LIB_PLACEHOLDER).join(libPath));
    }),
  ]);
}

export async function startClusterHost(spec: ClusterHostSpec): Promise<ClusterHost> {
  const assets = await getClusterAssets();
  const address = spec.address ?? allocateLoopbackAddress();
  const hostsFile = path.join(assets.dir, "hosts");
  hostsEntries.set(address, `${address}\t${spec.hostname}`);
  await updateHostsFile(hostsFile);
  let host: TestSshHost;
  try {
    host = await startTestSshHost({
      arch: spec.arch,
      hostname: spec.hostname,
      address,
      port: spec.port,
      isolate: true,
      hostsFile,
      pathAfterShims: [PKG_BIN_DIR],
    });
  } catch (err) {
    hostsEntries.delete(address);
    await updateHostsFile(hostsFile);
    throw err;
  }
  const cluster = host as ClusterHost;
  const dispose = host.dispose.bind(host);
  let disposed: Promise<void> | undefined;
  cluster.dispose = () => {
    disposed ??= (async () => {
      liveClusterHosts.delete(cluster);
      hostsEntries.delete(address);
      try {
        await dispose();
      } finally {
        await rm(path.join(WEAVE_MESH_DIR, `${address}.json`), { force: true });
        await updateHostsFile(hostsFile).catch(() => {});
      }
    })();
    return disposed;
  };
  liveClusterHosts.add(cluster);
  try {
    await installShims(host, spec, assets.dir);
    if (spec.clockOffsetSeconds !== undefined) await setClockOffset(cluster, spec.clockOffsetSeconds);
    if (spec.diskFreeKb !== undefined) await setDiskFree(cluster, spec.diskFreeKb);
  } catch (err) {
    await cluster.dispose().catch(() => {});
    throw err;
  }
  return cluster;
}

/** Makes the host's `date` run this many seconds off; null puts the real clock back. */
export async function setClockOffset(host: ClusterHost, seconds: number | null): Promise<void> {
  if (seconds === null) return rm(path.join(host.shimDir, "date"), { force: true });
  if (!Number.isInteger(seconds)) throw new Error("clock offset: whole seconds");
  const body = await readFile(path.join(TOOL_SHIMS_DIR, "date.sh"), "utf8");
  await host.writeShim("date", body.split("__OFFSET__").join(String(seconds)));
}

/** Makes the host's `df` report this much free space (KiB) on every filesystem; null puts the real df back. */
export async function setDiskFree(host: ClusterHost, kb: number | null): Promise<void> {
  if (kb === null) return rm(path.join(host.shimDir, "df"), { force: true });
  if (!Number.isInteger(kb) || kb < 0) throw new Error("free disk: whole KiB");
  const body = await readFile(path.join(TOOL_SHIMS_DIR, "df.sh"), "utf8");
  await host.writeShim("df", body.split("__FREE_KB__").join(String(kb)));
}

/** Starts the hosts in parallel; if one fails, the others are disposed and the error thrown. */
export async function startCluster(specs: ClusterHostSpec[]): Promise<ClusterHost[]> {
  const names = specs.map((s) => s.hostname);
  if (new Set(names).size !== names.length) throw new Error(`duplicate hostnames in ${names.join(", ")}`);
  await getClusterAssets();
  const results = await Promise.allSettled(specs.map((s) => startClusterHost(s)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.allSettled(results.map((r) => (r.status === "fulfilled" ? r.value.dispose() : undefined)));
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<ClusterHost>).value);
}

/** Disposes every cluster host (killing all their processes) and the shared fake repositories. */
export async function stopAllClusterHosts(): Promise<void> {
  const results = await Promise.allSettled([...liveClusterHosts].map((h) => h.dispose()));
  await removeClusterAssets();
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

process.once("exit", () => {
  rmSync(WEAVE_MESH_DIR, { recursive: true, force: true });
});
