// Proves the cluster test hosts with OpenSSH's own client (host.exec), walking the runbook the
// way the app's recipes will: a failure here is the harness's fault, never the app's. The
// steps share state (packages, the build, ZooKeeper), so they run in order.

import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import net from "node:net";
import { startCluster, startClusterHost, stopAllClusterHosts, type ClusterHost } from "./clusterHosts";

let arm: ClusterHost; // od1000-1: master (ZooKeeper, Mesos master, Marathon) and agent
let x86: ClusterHost; // od1000-0: agent

const MESOS_DEPS = "tar wget git autoconf libtool automake bc build-essential libcurl4-nss-dev libsasl2-dev libsasl2-modules libapr1-dev libsvn-dev zlib1g-dev docker.io";
const AUTOMAKE_GUESS = "$(ls /usr/share/automake-*/config.guess | head -n1)";

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function connectOutcome(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.on("connect", () => (s.destroy(), resolve("connected")));
    s.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
  });
}

async function ok(host: ClusterHost, script: string): Promise<string> {
  const r = await host.exec(`set -eu\n${script}`);
  if (r.code !== 0) throw new Error(`exit ${r.code} on ${host.hostname}:\n${script}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

/** Polls an HTTP URL on the host (through its own curl, so through the curl shim's pass-through). */
async function waitHttp(host: ClusterHost, url: string): Promise<string> {
  return ok(host, `for i in $(seq 1 300); do if out=$(curl -fsS "${url}" 2>/dev/null); then printf '%s' "$out"; exit 0; fi; sleep 0.2; done; curl -fsS "${url}"`);
}

beforeAll(async () => {
  const hosts = await startCluster([
    { arch: "aarch64", hostname: "od1000-1" },
    { arch: "x86_64", hostname: "od1000-0" },
  ]);
  arm = hosts[0]!;
  x86 = hosts[1]!;
});

afterAll(async () => {
  await stopAllClusterHosts();
});

describe("cluster test hosts", () => {
  it("gives each host its own address, hostname and private trees", async () => {
    expect(arm.address).toMatch(/^127\.1\d\d\.\d+\.\d+$/);
    expect(x86.address).not.toBe(arm.address);
    const a = await ok(arm, "hostname; uname -n; uname -m; echo $SSH_CONNECTION | cut -d' ' -f3; echo from-arm > /opt/marker; getent hosts od1000-0 | cut -d' ' -f1");
    expect(a.split("\n").filter(Boolean)).toEqual(["od1000-1", "od1000-1", "aarch64", arm.address, x86.address]);
    const b = await x86.exec("hostname; test -e /opt/marker && echo present || echo absent; ls /usr/local/bin | wc -l");
    expect(b.stdout).toBe("od1000-0\nabsent\n0\n");
    expect(await readFile(arm.hostPath("/opt/marker"), "utf8")).toBe("from-arm\n");
    expect(arm.hostPath("/opt/marker").startsWith(arm.rootDir)).toBe(true);
    expect(arm.hostPath("/var/run/weave/weave.sock")).toBe(arm.hostPath("/run/weave/weave.sock"));
    expect(arm.hostPath("/etc/passwd")).toBe("/etc/passwd");
    // This machine's own /opt is untouched.
    expect(existsSync("/opt/marker")).toBe(false);
  });

  it("keeps setsid'ed processes across stop()/start() and kills everything on dispose()", async () => {
    const host = await startClusterHost({ arch: "x86_64", hostname: "od1000-2" });
    // One session stays open while it starts a detached job, as the app's job runner does.
    const session = host.exec("setsid sleep 300 >/dev/null 2>&1 </dev/null & echo $! > /root/job.pid; sleep 300 & echo $! > /root/attached.pid; wait");
    const pidFile = host.hostPath("/root/job.pid");
    const attachedFile = host.hostPath("/root/attached.pid");
    for (let i = 0; i < 100 && !(existsSync(pidFile) && existsSync(attachedFile) && readFileSync(attachedFile, "utf8").trim()); i++) await sleep(50);
    const job = Number(readFileSync(pidFile, "utf8"));
    const attached = Number(readFileSync(attachedFile, "utf8"));
    expect(alive(job) && alive(attached)).toBe(true);

    await host.stop();
    expect((await session).code).toBe(255);
    expect(await connectOutcome(host.address, host.port)).toBe("ECONNREFUSED");
    expect(alive(job)).toBe(true);
    expect(alive(attached)).toBe(false);

    await host.start();
    expect(alive(job)).toBe(true);
    expect((await host.exec(`hostname; kill -0 ${job} && echo running`)).stdout).toBe("od1000-2\nrunning\n");

    await host.dispose();
    expect(alive(job)).toBe(false);
    expect(existsSync(host.rootDir)).toBe(false);
    expect(await connectOutcome(host.address, host.port)).toBe("ECONNREFUSED");
  });

  it("apt-get records packages; dpkg-query, docker and sbt see them", async () => {
    const before = await arm.exec("command -v docker || echo no-docker; dpkg-query -W -f='${Status}' docker.io");
    expect(before.stdout).toBe("no-docker\n");
    expect(before.stderr).toBe("dpkg-query: no packages found matching docker.io\n");
    expect(before.code).toBe(1);
    const noYes = await arm.exec("apt-get install libsvn-dev");
    expect(noYes.code).toBe(1);
    expect(noYes.stdout).toContain("Do you want to continue? [Y/n] Abort.");

    const install = `DEBIAN_FRONTEND=noninteractive apt-get update\napt-get install -y --no-install-recommends ${MESOS_DEPS}`;
    const [a] = await Promise.all([ok(arm, install), ok(x86, install)]);
    expect(a).toContain("Setting up docker.io (20.10.24+dfsg1-1+b3) ...");
    expect(await ok(arm, "dpkg-query -W -f='${Status}' docker.io; echo; dpkg --print-architecture; command -v docker")).toBe("install ok installed\narm64\n/var/lib/armdeck-shims/bin/docker\n");

    const pull = await ok(arm, "docker pull ubuntu:16.04");
    expect(pull).toMatch(/^16\.04: Pulling from library\/ubuntu\n([0-9a-f]{12}: Pulling fs layer\n){4}/);
    expect(pull).toMatch(/Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for ubuntu:16.04\ndocker.io\/library\/ubuntu:16.04\n$/);
    const inspect = JSON.parse(await ok(arm, "docker image inspect ubuntu:16.04"));
    expect(inspect[0]).toMatchObject({ RepoTags: ["ubuntu:16.04"], Architecture: "arm64", Os: "linux" });
    const missing = await x86.exec("docker image inspect ubuntu:16.04");
    expect(missing).toMatchObject({ code: 1, stdout: "[]\n", stderr: "Error: No such image: ubuntu:16.04\n" });

    // sbt comes only from its own repository, after its key and an update.
    expect((await arm.exec("apt-get install -y sbt")).stderr).toContain("E: Unable to locate package sbt");
    await ok(arm, 'echo "deb https://repo.scala-sbt.org/scalasbt/debian all main" > /etc/apt/sources.list.d/sbt.list');
    const unsigned = await arm.exec("apt-get update");
    expect(unsigned.code).toBe(100);
    expect(unsigned.stderr).toContain("NO_PUBKEY 99E82A75642AC823");
    const key = await ok(arm, "apt-key adv --keyserver hkp://keyserver.ubuntu.com:80 --recv 2EE0EA64E40A89B84B2DF73499E82A75642AC823 2>&1");
    expect(key).toContain('gpg: key 99E82A75642AC823: public key "sbt build tool <scalasbt@gmail.com>" imported');
    await ok(arm, "apt-get update >/dev/null && apt-get install -y sbt >/dev/null && command -v sbt");
  });

  it("builds Mesos from git on aarch64 only after every config.guess is replaced", async () => {
    const clone = await arm.exec("cd /opt && git clone https://github.com/apache/mesos.git && cd mesos && git describe --tags --exact-match");
    expect(clone.code).toBe(128);
    expect(clone.stderr).toContain("Cloning into 'mesos'...");
    expect(clone.stderr).toMatch(/fatal: no tag exactly matches '[0-9a-f]{40}'/);
    const badTag = await arm.exec("cd /opt/mesos && git checkout 1.3.9");
    expect(badTag).toMatchObject({ code: 1, stderr: "error: pathspec '1.3.9' did not match any file(s) known to git\n" });
    expect(await ok(arm, "cd /opt/mesos && git checkout -q 1.4.3 && git describe --tags --exact-match && git remote get-url origin && find . -name config.guess")).toBe(
      "1.4.3\nhttps://github.com/apache/mesos.git\n./config.guess\n",
    );
    const unknown = await arm.exec("git clone https://github.com/apache/nothing.git /opt/nothing");
    expect(unknown.code).toBe(128);
    expect(unknown.stderr).toContain("fatal: repository 'https://github.com/apache/nothing.git' not found");

    // autoconf 2.71 (this machine's, as Debian 12's) writes a configure whose zlib check fails.
    const noZlib = await arm.exec("cd /opt/mesos && test ! -e configure && ./bootstrap 2>/dev/null && head -n 3 configure && mkdir build && cd build && ../configure --prefix=/usr/local");
    expect(noZlib.code).toBe(1);
    expect(noZlib.stdout).toMatch(/^# Generated by GNU Autoconf 2\.7\d for mesos\.$/m);
    expect(noZlib.stdout).toContain("checking for deflate, gzread, gzwrite, inflate in -lz... no\n");
    expect(noZlib.stderr).toContain("configure: error: cannot find libz\n");
    // Debian 12 has no Python 2 for the Python bindings (as 1.4.0 and 1.11.0 showed for real).
    const noPython = await arm.exec("cd /opt/mesos/build && ../configure --prefix=/usr/local ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes");
    expect(noPython.code).toBe(1);
    expect(noPython.stdout).toContain("checking python2 module: google.protobuf... no\n");
    expect(noPython.stderr).toBe("configure: error: failed to find required module google.protobuf\n");
    expect(await ok(arm, "cd /opt/mesos/build && ../configure --prefix=/usr/local ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes --disable-python | grep -c '^checking'")).toMatch(/^\d{2,}\n$/);
    const first = await arm.exec("cd /opt/mesos/build && make -j 2");
    expect(first.code).toBe(2);
    // configure prints the question without a newline; its answer is the error on stderr.
    expect(first.stdout).toMatch(/checking build system type\.\.\. make\[2\]: Leaving directory/);
    expect(first.stderr).toContain("./config.guess: unable to guess system type");
    expect(first.stderr).toContain("configure: error: cannot guess build type; you must specify one");
    expect(first.stderr).toMatch(/make\[2\]: \*\*\* \[Makefile:\d+: libev-4\.22-build-stamp\] Error 1/);
    expect(first.stderr).toMatch(/make: \*\*\* \[Makefile:\d+: all\] Error 2\n$/);
    const guesses = (await ok(arm, "cd /opt/mesos && find . -name config.guess | sort")).trim().split("\n");
    expect(guesses).toEqual([
      "./build/3rdparty/glog-0.3.3/config.guess",
      "./build/3rdparty/libev-4.22/config.guess",
      "./build/3rdparty/protobuf-3.3.0/config.guess",
      "./build/3rdparty/protobuf-3.3.0/gmock/build-aux/config.guess",
      "./build/3rdparty/protobuf-3.3.0/gmock/gtest/build-aux/config.guess",
      "./build/3rdparty/zookeeper-3.8.0/src/c/config.guess",
      "./config.guess",
    ]);
    // Replacing only some of them is not enough.
    await ok(arm, `cd /opt/mesos && cp ${AUTOMAKE_GUESS} build/3rdparty/libev-4.22/config.guess`);
    expect((await arm.exec("cd /opt/mesos/build && make")).stderr).toMatch(/glog-0\.3\.3-build-stamp\] Error 1/);

    await ok(arm, `cd /opt/mesos && for f in $(find . -name config.guess); do cp ${AUTOMAKE_GUESS} "$f"; done`);
    // Past the bundled libraries, Mesos's own sources stop at GCC's first warning under -Werror.
    const werror = await arm.exec("cd /opt/mesos/build && make -j 2");
    expect(werror.code).toBe(2);
    expect(werror.stdout).toMatch(/libtool: compile: +g\+\+ .* -Werror .* -c \.\.\/\.\.\/src\/common\/http\.cpp/);
    expect(werror.stderr).toContain("[-Werror=deprecated-declarations]");
    expect(werror.stderr).toContain("cc1plus: all warnings being treated as errors\n");
    expect(werror.stderr).toMatch(/make\[2\]: \*\*\* \[Makefile:\d+: common\/libmesos_no_3rdparty_la-http\.lo\] Error 1/);
    await ok(arm, "cd /opt/mesos/build && ../configure --prefix=/usr/local ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes --disable-werror --disable-python >/dev/null");
    const second = await ok(arm, "cd /opt/mesos/build && make -j 2");
    expect(second).not.toContain("-Werror");
    expect(second).toContain("Making all in src");
    expect(second).toMatch(/libtool: compile: +g\+\+ .* -c \.\.\/\.\.\/src\/master\/master\.cpp/);
    expect(second).toMatch(/libtool: link: g\+\+ .* -o \.libs\/mesos-master /);
    await ok(arm, "cd /opt/mesos/build && make install >/dev/null && ldconfig");
    for (const f of ["/usr/local/sbin/mesos-master", "/usr/local/sbin/mesos-agent", "/usr/local/bin/mesos", "/usr/local/lib/libmesos.so"]) {
      expect(existsSync(arm.hostPath(f)), f).toBe(true);
    }
    expect(existsSync(x86.hostPath("/usr/local/sbin/mesos-master"))).toBe(false);
  });

  it("builds a Mesos release tarball on x86_64 at the first make", async () => {
    const missing = await x86.exec("curl -fsSL -o /opt/m.tgz https://archive.apache.org/dist/mesos/1.3.9/mesos-1.3.9.tar.gz");
    expect(missing).toMatchObject({ code: 22, stderr: "curl: (22) The requested URL returned error: 404\n" });
    const out = await ok(
      x86,
      "cd /opt && curl -fsSL -o mesos-1.11.0.tar.gz https://archive.apache.org/dist/mesos/1.11.0/mesos-1.11.0.tar.gz && tar xzf mesos-1.11.0.tar.gz && cd mesos-1.11.0 && test -x configure && test ! -e bootstrap && mkdir build && cd build && ../configure --disable-python >/dev/null && ! make -j 2 >/dev/null 2>&1 && ../configure --disable-werror --disable-python >/dev/null && make -j 2 | tail -n 3 && make install >/dev/null && /usr/local/sbin/mesos-master --version",
    );
    expect(out).toMatch(/make\[1\]: Leaving directory '\/opt\/mesos-1\.11\.0\/build'\nmesos 1\.11\.0\n$/);
  });

  it("stops the runbook's Mesos 1.4.0 where the real compile stopped: JDK 17 at configure, <xlocale.h> in libprocess", async () => {
    const java = await x86.exec("cd /opt && rm -rf m140 && mkdir m140 && cd m140 && curl -fsSL https://archive.apache.org/dist/mesos/1.4.0/mesos-1.4.0.tar.gz | tar xzf - && mkdir mesos-1.4.0/build && cd mesos-1.4.0/build && ../configure --disable-python");
    expect(java.code).toBe(1);
    expect(java.stdout).toContain("configure: using JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64\n");
    expect(java.stderr).toBe("configure: error: failed to determine linker flags for using Java (bad JAVA_HOME or missing support for your architecture?)\n");
    await ok(x86, "cd /opt/m140/mesos-1.4.0/build && ../configure --disable-python --disable-java --disable-werror >/dev/null");
    const make = await x86.exec("cd /opt/m140/mesos-1.4.0/build && make -j 2");
    expect(make.code).toBe(2);
    expect(make.stderr).toContain("stout/jsonify.hpp:17:10: fatal error: xlocale.h: No such file or directory\n");
    expect(make.stderr).toMatch(/make: \*\*\* \[Makefile:\d+: all\] Error 2\n$/);
    await ok(x86, "rm -rf /opt/m140");
  });

  it("runs the real ZooKeeper from the tree's 3rdparty tarball", async () => {
    const out = await ok(
      arm,
      `cd /opt/mesos/3rdparty && tar xzf zookeeper-3.8.0.tar.gz && cd zookeeper-3.8.0/conf && cp zoo_sample.cfg zoo.cfg
sed -i 's|^dataDir=.*|dataDir=/var/lib/armdeck/zookeeper|' zoo.cfg
printf 'clientPortAddress=${arm.address}\\nadmin.enableServer=false\\n4lw.commands.whitelist=ruok,srvr,stat,mntr\\n' >> zoo.cfg
cd .. && ZOO_LOG_DIR=/var/log/armdeck bin/zkServer.sh start "$PWD/conf/zoo.cfg" 2>/dev/null
for i in $(seq 1 300); do r=$(printf ruok | nc -w 1 ${arm.address} 2181 || true); [ "$r" = imok ] && break; sleep 0.2; done
printf '%s\\n' "$r"
# ruok answers as soon as the server runs; srvr says it is "not currently serving requests" until it is ready.
for i in $(seq 1 300); do m=$(echo srvr | nc -w 1 ${arm.address} 2181 | grep Mode || true); [ -n "$m" ] && break; sleep 0.2; done
printf '%s\\n' "$m"`,
    );
    expect(out).toBe("Starting zookeeper ... STARTED\nimok\nMode: standalone\n");
    expect(existsSync(arm.hostPath("/var/lib/armdeck/zookeeper/version-2"))).toBe(true);
  });

  it("installs the weave stand-in with curl and reports launch/status/reset like weave 2.8.1", async () => {
    const get = "curl -fsSL -o /usr/local/bin/weave https://github.com/weaveworks/weave/releases/download/v2.8.1/weave && chmod a+x /usr/local/bin/weave";
    await Promise.all([ok(arm, get), ok(x86, get)]);
    expect(await arm.exec("weave status")).toMatchObject({ code: 1, stderr: "weave container is not present. Have you launched it?\n" });
    expect(await ok(arm, "weave version 2>&1")).toBe("weave script 2.8.1\nUnable to find weaveworks/weave:2.8.1 image.\n");

    expect(await ok(arm, "weave launch od1000-0 2>/dev/null")).toMatch(/^[0-9a-f]{64}\n$/);
    const lonely = await ok(arm, "weave status");
    expect(lonely).toContain("        Targets: 1\n    Connections: 1 (1 failed)\n          Peers: 1\n");
    expect(lonely).toContain("         Status: awaiting consensus (quorum: 2, known: 1)\n");

    await ok(x86, "weave launch od1000-1 >/dev/null 2>&1");
    const status = await ok(arm, "weave status");
    const name = /Name: ([0-9a-f]{2}(?::[0-9a-f]{2}){5})\(od1000-1\)/.exec(status)?.[1];
    expect(name).toBeDefined();
    expect(status).toMatch(
      new RegExp(
        [
          "^",
          "        Version: 2\\.8\\.1 \\(up to date; next check at \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\)",
          "",
          "        Service: router",
          "       Protocol: weave 1\\.\\.2",
          `           Name: ${name}\\(od1000-1\\)`,
          "     Encryption: disabled",
          "  PeerDiscovery: enabled",
          "        Targets: 1",
          "    Connections: 1 \\(1 established\\)",
          "          Peers: 2 \\(with 2 established connections\\)",
          " TrustedSubnets: none",
          "",
          "        Service: ipam",
          "         Status: ready",
          "          Range: 10\\.32\\.0\\.0/12",
          "  DefaultSubnet: 10\\.32\\.0\\.0/12",
          "",
          "        Service: dns",
          "         Domain: weave\\.local\\.",
          "       Upstream: .+",
          "            TTL: 1",
          "        Entries: 0",
          "",
          "        Service: proxy",
          "        Address: unix:///var/run/weave/weave\\.sock",
          "",
          "        Service: plugin \\(legacy\\)",
          "     DriverName: weave",
          "",
          "$",
        ].join("\n"),
      ),
    );
    expect(statSync(arm.hostPath("/var/run/weave/weave.sock")).isSocket()).toBe(true);
    expect(existsSync(x86.hostPath("/var/run/weave/weave.sock"))).toBe(true);
    expect(await ok(x86, "weave status peers")).toMatch(/\(od1000-0\)\n   -> [\d.]+:6783 +[0-9a-f:]+\(od1000-1\) +established\n/);
    expect(await x86.exec("weave launch od1000-1")).toMatchObject({ code: 1, stderr: "Weave Net is already running\n" });
    expect(await ok(arm, "docker ps | tail -n1")).toContain("weaveworks/weave:2.8.1");

    // After a reset the peer starts over with a new name; relaunching rejoins the mesh.
    await ok(x86, "weave reset && ! weave status 2>/dev/null && weave launch od1000-1 >/dev/null 2>&1");
    expect(await ok(arm, "weave status connections")).toMatch(/^(->|<-) [\d.]+:\d+ +established fastdp /);
  });

  it("runs mesos-master with ZooKeeper and a docker agent that registers with it", async () => {
    const unknown = await arm.exec("mesos-master --ip=127.0.0.1 --bogus=1");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Failed to load unknown flag 'bogus'\n\nUsage: mesos-master \[options\]\n/);
    const noWorkDir = await arm.exec(`mesos-master --ip=${arm.address} --zk=zk://${arm.address}:2181/mesos --quorum=1`);
    expect(noWorkDir.code).toBe(1);
    expect(noWorkDir.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ main\.cpp:\d+\] EXIT with status 1: --work_dir needed for replicated log based registry$/m);

    // Only the daemon goes to the background: a backgrounded `a && b` list would keep the
    // session's output open, and the ssh command would never return (as on a real machine).
    await ok(arm, `mkdir -p /var/lib/mesos/master\nsetsid mesos master --ip=${arm.address} --port=5050 --work_dir=/var/lib/mesos/master --zk=zk://${arm.address}:2181/mesos --quorum=1 --hostname=od1000-1 >/var/log/armdeck/mesos-master.log 2>&1 </dev/null &`);
    expect(await waitHttp(arm, `http://${arm.address}:5050/health`)).toBe("");
    const log = await readFile(arm.hostPath("/var/log/armdeck/mesos-master.log"), "utf8");
    expect(log).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ main\.cpp:\d+\] Build: .* by root\nI\d{4} .* Version: 1\.4\.3\n/);
    expect(log).toContain("Elected as the leading master!");

    await ok(x86, `setsid mesos agent --ip=${x86.address} --port=5051 --master=zk://${arm.address}:2181/mesos --work_dir=/var/lib/mesos/agent --containerizers=docker,mesos --resources='ports:[31000-32000]' --docker_socket=/var/run/weave/weave.sock --attributes='rack:r1;arch:x86_64' >/var/log/armdeck/mesos-agent.log 2>&1 </dev/null &\necho $! >/var/lib/armdeck-shims/agent.pid`);
    expect(await waitHttp(x86, `http://${x86.address}:5051/health`)).toBe("");
    let state = "";
    for (let i = 0; i < 50 && !state.includes('"activated_slaves":1.0'); i++) {
      state = await ok(arm, `curl -fsS http://${arm.address}:5050/master/state`);
      await sleep(100);
    }
    expect(state).toContain('"version":"1.4.3"');
    expect(state).toContain(`"leader":"master@${arm.address}:5050"`);
    expect(state).toContain('"activated_slaves":1.0');
    expect(JSON.parse(state).slaves[0]).toMatchObject({ hostname: "od1000-0", port: 5051, active: true, resources: { ports: "[31000-32000]" }, attributes: { rack: "r1", arch: "x86_64" } });
    // The master is the stand-in's model: its state has the fields the panels read, with its own flags.
    expect(JSON.parse(state)).toMatchObject({ flags: { work_dir: "/var/lib/mesos/master", quorum: "1" }, frameworks: [] });
    expect(JSON.parse(await ok(arm, `curl -fsS http://${arm.address}:5050/master/slaves`)).slaves).toHaveLength(1);
  });

  it("stages Marathon with sbt; the stand-in needs MESOS_NATIVE_JAVA_LIBRARY and answers /ping", async () => {
    await ok(arm, "cd /opt && git clone -q https://github.com/mesosphere/marathon.git && cd marathon && git checkout -q v1.5.1 && sbt universal:stage >/dev/null && test -x target/universal/stage/bin/marathon");
    const args = `--master zk://${arm.address}:2181/mesos --zk zk://${arm.address}:2181/marathon --hostname od1000-1 --http_address ${arm.address}`;
    const noLib = await arm.exec(`cd /opt/marathon && MESOS_NATIVE_JAVA_LIBRARY=/usr/local/lib/ target/universal/stage/bin/marathon ${args}`);
    expect(noLib.code).toBe(1);
    expect(noLib.stderr).toContain("Failed to load native Mesos library from /usr/local/lib/");
    await ok(arm, `cd /opt/marathon\nexport MESOS_NATIVE_JAVA_LIBRARY=/usr/local/lib/libmesos.so\nsetsid target/universal/stage/bin/marathon ${args} >/var/log/armdeck/marathon.log 2>&1 </dev/null &\necho $! >/var/lib/armdeck-shims/marathon.pid`);
    expect(await waitHttp(arm, `http://${arm.address}:8080/ping`)).toBe("pong");
    expect(JSON.parse(await ok(arm, `curl -fsS http://${arm.address}:8080/v2/info`))).toMatchObject({ name: "marathon", version: "1.5.1", elected: true, leader: "od1000-1:8080" });
    let frameworks: { name: string }[] = [];
    for (let i = 0; i < 30 && frameworks.length === 0; i++) {
      frameworks = JSON.parse(await ok(arm, `curl -fsS http://${arm.address}:5050/master/frameworks`)).frameworks;
      if (!frameworks.length) await sleep(100);
    }
    expect(frameworks.map((f) => f.name)).toEqual(["marathon"]);

    // Marathon serves its API from the stand-in's model: an empty root group, no deployments,
    // and a group posted to it runs on the agent that registered with the master.
    const marathonUrl = `http://${arm.address}:8080`;
    expect(JSON.parse(await ok(arm, `curl -fsS ${marathonUrl}/v2/groups`))).toMatchObject({ id: "/", apps: [], groups: [] });
    expect(JSON.parse(await ok(arm, `curl -fsS ${marathonUrl}/v2/deployments`))).toEqual([]);
    expect(JSON.parse(await ok(arm, `curl -fsS ${marathonUrl}/v2/queue`))).toEqual({ queue: [] });
    const group = JSON.stringify({ id: "/shim", apps: [{ id: "web", cmd: "sleep 1000", cpus: 0.1, mem: 32, instances: 1 }] });
    const posted = JSON.parse(await ok(arm, `curl -fsS -X POST -H 'Content-Type: application/json' --data '${group}' ${marathonUrl}/v2/groups`));
    expect(posted.deploymentId).toMatch(/^[0-9a-f-]{36}$/);
    let tasks: { state: string; host: string }[] = [];
    for (let i = 0; i < 100 && !tasks.some((t) => t.state === "TASK_RUNNING"); i++) {
      tasks = JSON.parse(await ok(arm, `curl -fsS ${marathonUrl}/v2/apps/shim/web/tasks`)).tasks;
      await sleep(100);
    }
    expect(tasks).toMatchObject([{ state: "TASK_RUNNING", host: "od1000-0" }]);

    // The agent's process killed: Mesos deactivates the agent at once (its link broke).
    await ok(x86, "kill $(cat /var/lib/armdeck-shims/agent.pid)");
    let agent: { active: boolean } | undefined;
    for (let i = 0; i < 50 && agent?.active !== false; i++) {
      agent = JSON.parse(await ok(arm, `curl -fsS http://${arm.address}:5050/master/slaves`)).slaves[0];
      if (agent?.active !== false) await sleep(100);
    }
    expect(agent).toMatchObject({ hostname: "od1000-0", active: false });

    // Marathon stopped: Mesos shows its framework disconnected. Started again, it links to the
    // same framework and still knows the group (its model lives with the master's).
    const framework = async () => JSON.parse(await ok(arm, `curl -fsS http://${arm.address}:5050/master/frameworks`)).frameworks[0] as { id: string; connected: boolean };
    const { id: frameworkId } = await framework();
    await ok(arm, "kill $(cat /var/lib/armdeck-shims/marathon.pid)");
    for (let i = 0; i < 50 && (await framework()).connected; i++) await sleep(100);
    expect(await framework()).toMatchObject({ id: frameworkId, connected: false });
    await ok(arm, `cd /opt/marathon\nexport MESOS_NATIVE_JAVA_LIBRARY=/usr/local/lib/libmesos.so\nsetsid target/universal/stage/bin/marathon ${args} >>/var/log/armdeck/marathon.log 2>&1 </dev/null &`);
    expect(await waitHttp(arm, `${marathonUrl}/ping`)).toBe("pong");
    expect(JSON.parse(await ok(arm, `curl -fsS ${marathonUrl}/v2/groups/shim`))).toMatchObject({ id: "/shim", apps: [{ id: "/shim/web" }] });
    expect(await framework()).toMatchObject({ id: frameworkId, connected: true });
  });

  it("stops ZooKeeper cleanly", async () => {
    const out = await ok(arm, "cd /opt/mesos/3rdparty/zookeeper-3.8.0 && ZOO_LOG_DIR=/var/log/armdeck bin/zkServer.sh stop \"$PWD/conf/zoo.cfg\" 2>/dev/null");
    expect(out).toBe("Stopping zookeeper ... STOPPED\n");
    expect(await connectOutcome(arm.address, 2181)).toBe("ECONNREFUSED");
  });
});
