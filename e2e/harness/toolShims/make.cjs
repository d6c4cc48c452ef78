#!/usr/bin/node
"use strict";
// make stand-in for the fake Mesos build (a build/ dir whose Makefile the fake configure wrote);
// any other Makefile goes to the real /usr/bin/make. The third-party libraries are really
// unpacked from the tree's 3rdparty/*.tar.gz and their configure scripts really run, so on an
// aarch64 host the build stops exactly where an old config.guess stops the real one, and
// passes once every config.guess has been replaced.

const fs = require("node:fs");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");

const MARKER = "armdeck-fake-mesos-build";

// Bundled libraries in build order, with the configure scripts each runs.
const LIBS = [
  { name: "libev-4.22", configureDir: ".", sources: ["ev.c", "event.c"], lang: "gcc", lib: "libev" },
  {
    name: "glog-0.3.3",
    configureDir: ".",
    sources: ["src/logging.cc", "src/raw_logging.cc", "src/vlog_is_on.cc", "src/utilities.cc", "src/demangle.cc", "src/symbolize.cc", "src/signalhandler.cc"],
    lang: "g++",
    lib: "libglog",
  },
  {
    name: "protobuf-3.3.0",
    configureDir: ".",
    sources: [
      "google/protobuf/stubs/atomicops_internals_x86_gcc.cc", "google/protobuf/stubs/bytestream.cc", "google/protobuf/stubs/common.cc",
      "google/protobuf/stubs/int128.cc", "google/protobuf/stubs/once.cc", "google/protobuf/stubs/status.cc", "google/protobuf/stubs/statusor.cc",
      "google/protobuf/stubs/stringpiece.cc", "google/protobuf/stubs/stringprintf.cc", "google/protobuf/stubs/structurally_valid.cc",
      "google/protobuf/stubs/strutil.cc", "google/protobuf/stubs/time.cc", "google/protobuf/arena.cc", "google/protobuf/arenastring.cc",
      "google/protobuf/extension_set.cc", "google/protobuf/generated_message_util.cc", "google/protobuf/message_lite.cc",
      "google/protobuf/repeated_field.cc", "google/protobuf/wire_format_lite.cc", "google/protobuf/io/coded_stream.cc",
      "google/protobuf/io/zero_copy_stream.cc", "google/protobuf/io/zero_copy_stream_impl_lite.cc", "google/protobuf/any.pb.cc",
      "google/protobuf/descriptor.cc", "google/protobuf/descriptor.pb.cc", "google/protobuf/descriptor_database.cc",
      "google/protobuf/dynamic_message.cc", "google/protobuf/generated_message_reflection.cc", "google/protobuf/message.cc",
      "google/protobuf/reflection_ops.cc", "google/protobuf/text_format.cc", "google/protobuf/unknown_field_set.cc",
      "google/protobuf/wire_format.cc", "google/protobuf/util/json_util.cc", "google/protobuf/compiler/importer.cc",
      "google/protobuf/compiler/parser.cc", "google/protobuf/compiler/cpp/cpp_file.cc", "google/protobuf/compiler/cpp/cpp_generator.cc",
      "google/protobuf/compiler/java/java_file.cc", "google/protobuf/compiler/python/python_generator.cc", "google/protobuf/compiler/main.cc",
    ],
    lang: "g++",
    lib: "libprotobuf",
    cwd: "src",
  },
  {
    name: "zookeeper-3.8.0",
    configureDir: "src/c",
    sources: ["src/zookeeper.c", "src/recordio.c", "generated/zookeeper.jute.c", "src/zk_log.c", "src/zk_hashtable.c", "src/mt_adaptor.c", "src/hashtable/hashtable_itr.c", "src/hashtable/hashtable.c", "src/addrvec.c"],
    lang: "gcc",
    lib: "libzookeeper_mt",
  },
];

const LIBPROCESS_SOURCES = [
  "authenticator.cpp", "authenticator_manager.cpp", "clock.cpp", "firewall.cpp", "help.cpp", "http.cpp", "http_proxy.cpp", "io.cpp",
  "latch.cpp", "libev.cpp", "libev_poll.cpp", "logging.cpp", "memory_profiler.cpp", "metrics/metrics.cpp", "mime.cpp", "pid.cpp",
  "poll_socket.cpp", "process.cpp", "profiler.cpp", "reap.cpp", "socket.cpp", "subprocess.cpp", "subprocess_posix.cpp", "time.cpp", "timeseries.cpp",
];

/** The first object GCC 12 stops on under -Werror. */
const WERROR_VICTIM = "common/http.cpp";

const MESOS_SOURCES = [
  "mesos/mesos.pb.cc", "mesos/v1/mesos.pb.cc", "mesos/agent/agent.pb.cc", "mesos/master/master.pb.cc", "mesos/scheduler/scheduler.pb.cc",
  "mesos/executor/executor.pb.cc", "mesos/maintenance/maintenance.pb.cc", "mesos/quota/quota.pb.cc", "mesos/docker/v1.pb.cc",
  "messages/messages.pb.cc", "messages/state.pb.cc", "messages/log.pb.cc", "master/registry.pb.cc",
  "authentication/cram_md5/authenticatee.cpp", "authentication/cram_md5/authenticator.cpp", "authentication/cram_md5/auxprop.cpp",
  "authorizer/acls.cpp", "authorizer/authorizer.cpp", "authorizer/local/authorizer.cpp",
  "common/attributes.cpp", "common/command_utils.cpp", "common/http.cpp", "common/protobuf_utils.cpp", "common/resources.cpp",
  "common/resources_utils.cpp", "common/roles.cpp", "common/type_utils.cpp", "common/values.cpp", "common/validation.cpp",
  "docker/docker.cpp", "docker/spec.cpp", "exec/exec.cpp", "files/files.cpp", "hdfs/hdfs.cpp", "hook/manager.cpp",
  "internal/devolve.cpp", "internal/evolve.cpp", "launcher/executor.cpp", "launcher/fetcher.cpp", "linux/cgroups.cpp", "linux/fs.cpp",
  "linux/perf.cpp", "linux/systemd.cpp", "local/local.cpp", "log/catchup.cpp", "log/consensus.cpp", "log/coordinator.cpp", "log/leveldb.cpp",
  "log/log.cpp", "log/recover.cpp", "log/replica.cpp", "log/storage.cpp", "log/tool/benchmark.cpp", "logging/flags.cpp", "logging/logging.cpp",
  "master/allocator/allocator.cpp", "master/allocator/mesos/hierarchical.cpp", "master/allocator/sorter/drf/sorter.cpp",
  "master/constants.cpp", "master/contender/contender.cpp", "master/contender/standalone.cpp", "master/contender/zookeeper.cpp",
  "master/detector/detector.cpp", "master/detector/standalone.cpp", "master/detector/zookeeper.cpp", "master/flags.cpp", "master/http.cpp",
  "master/maintenance.cpp", "master/master.cpp", "master/metrics.cpp", "master/quota.cpp", "master/quota_handler.cpp", "master/registrar.cpp",
  "master/validation.cpp", "master/weights.cpp", "master/weights_handler.cpp", "messages/flags.cpp", "module/manager.cpp",
  "sched/sched.cpp", "scheduler/scheduler.cpp", "slave/constants.cpp", "slave/container_daemon.cpp", "slave/containerizer/composing.cpp",
  "slave/containerizer/containerizer.cpp", "slave/containerizer/docker.cpp", "slave/containerizer/fetcher.cpp",
  "slave/containerizer/mesos/containerizer.cpp", "slave/containerizer/mesos/launch.cpp", "slave/containerizer/mesos/launcher.cpp",
  "slave/containerizer/mesos/isolators/posix/disk.cpp", "slave/containerizer/mesos/isolators/cgroups/cgroups.cpp",
  "slave/containerizer/mesos/provisioner/provisioner.cpp", "slave/containerizer/mesos/provisioner/docker/store.cpp",
  "slave/flags.cpp", "slave/gc.cpp", "slave/http.cpp", "slave/metrics.cpp", "slave/paths.cpp", "slave/qos_controllers/noop.cpp",
  "slave/resource_estimators/noop.cpp", "slave/slave.cpp", "slave/state.cpp", "slave/status_update_manager.cpp", "slave/validation.cpp",
  "state/in_memory.cpp", "state/leveldb.cpp", "state/log.cpp", "state/zookeeper.cpp", "uri/fetcher.cpp", "uri/fetchers/curl.cpp",
  "uri/fetchers/docker.cpp", "usage/usage.cpp", "v1/attributes.cpp", "v1/mesos.cpp", "v1/resources.cpp", "v1/values.cpp",
  "version/version.cpp", "watcher/whitelist_watcher.cpp", "zookeeper/authentication.cpp", "zookeeper/contender.cpp",
  "zookeeper/detector.cpp", "zookeeper/group.cpp", "zookeeper/zookeeper.cpp",
];

function parseArgs(argv) {
  const opts = { jobs: 1, dir: undefined, targets: [], vars: {}, keepGoing: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-j" || a === "--jobs") {
      if (/^\d+$/.test(argv[i + 1] || "")) opts.jobs = Number(argv[++i]);
      else opts.jobs = 64;
    } else if (/^-j\d+$/.test(a)) opts.jobs = Number(a.slice(2));
    else if (a.startsWith("--jobs=")) opts.jobs = Number(a.slice(7));
    else if (a === "-C" || a === "--directory") opts.dir = argv[++i];
    else if (a.startsWith("-C") && a.length > 2) opts.dir = a.slice(2);
    else if (a.startsWith("--directory=")) opts.dir = a.slice(12);
    else if (a === "-k" || a === "--keep-going") opts.keepGoing = true;
    else if (a.startsWith("-")) {
      // -s, -w, --no-print-directory...: accepted, nothing to do
    } else if (a.includes("=")) opts.vars[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
    else opts.targets.push(a);
  }
  return opts;
}

function readMakefile(file) {
  const vars = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^(\w+) = (.*)$/.exec(line);
    if (m) vars[m[1]] = m[2];
  }
  return vars;
}

class Build {
  constructor(buildDir, vars, opts) {
    this.buildDir = buildDir;
    this.vars = vars;
    this.opts = opts;
    this.srcDir = vars.abs_top_srcdir;
    this.version = vars.PACKAGE_VERSION;
    this.relSrc = path.relative(buildDir, this.srcDir) || ".";
    this.lines = 0;
    // Spread over the whole build, so a full build takes about makeMs.
    this.perLine = lib.delay("makeMs", 1500) / 700;
  }

  say(line) {
    lib.out(line + "\n");
    this.lines++;
    if (this.perLine > 0 && this.lines % 10 === 0) lib.sleepMs(this.perLine * 10);
  }

  enter(level, dir) {
    this.say(`make[${level}]: Entering directory '${dir}'`);
  }

  leave(level, dir) {
    this.say(`make[${level}]: Leaving directory '${dir}'`);
  }

  /** Prints GNU make's unwinding after a failed recipe and returns make's exit status. */
  fail(level, failedRule, line) {
    const d3 = path.join(this.buildDir, "3rdparty");
    if (this.opts.jobs > 1) lib.err(`make[${level}]: *** Waiting for unfinished jobs....\n`);
    lib.err(`make[${level}]: *** [Makefile:${line}: ${failedRule}] Error 1\n`);
    if (level >= 2) {
      this.leave(level, level === 2 ? d3 : this.buildDir);
      lib.err(`make[1]: *** [Makefile:1006: all-recursive] Error 1\n`);
      this.leave(1, this.buildDir);
    }
    lib.err(`make: *** [Makefile:797: all] Error 2\n`);
    return 2;
  }

  /**
   * GCC 9+ warns about what Mesos's sources do (std::unary_function, parentheses, nonnull), and
   * Mesos builds with -Werror unless configured with --disable-werror: the first such object
   * stops the build (measured with GCC 12: shared/notes/mesos-build-here.md).
   */
  failWerror(srcBuild, dir, base) {
    if (this.version.startsWith("1.4.")) {
      // Recorded compiling Mesos 1.4.0's src/common/http.cpp with GCC 12.2 (docs/builds.md).
      lib.err(`../../src/common/http.cpp:989:24: error: 'bool mesos::Resource::has_role() const' is deprecated [-Werror=deprecated-declarations]\n`);
      lib.err(`  989 |   if (resource.has_role() && resource.role() != "*" &&\n      |       ~~~~~~~~~~~~~~~~~^~\n`);
      lib.err(`../include/mesos/mesos.pb.h:43077:13: note: declared here\n43077 | inline bool Resource::has_role() const {\n      |             ^~~~~~~~\n`);
    } else {
      const src = path.join("..", this.relSrc, "3rdparty", "stout", "include", "stout", "hashset.hpp");
      lib.err(`In file included from ${path.join("..", this.relSrc, "src", WERROR_VICTIM)}:17:\n`);
      lib.err(`${src}:34:22: error: 'template<class _Arg, class _Result> struct std::unary_function' is deprecated [-Werror=deprecated-declarations]\n`);
      lib.err(`   34 | struct EnumClassHash : std::unary_function<T, size_t>\n      |                      ^~~~~~~~~~~~~~\n`);
    }
    lib.err(`cc1plus: all warnings being treated as errors\n`);
    if (this.opts.jobs > 1) lib.err(`make[2]: *** Waiting for unfinished jobs....\n`);
    lib.err(`make[2]: *** [Makefile:10545: ${dir}/libmesos_no_3rdparty_la-${base}.lo] Error 1\n`);
    this.leave(2, srcBuild);
    lib.err(`make[1]: *** [Makefile:1006: all-recursive] Error 1\n`);
    this.leave(1, this.buildDir);
    lib.err(`make: *** [Makefile:797: all] Error 2\n`);
    return 2;
  }

  /**
   * Mesos 1.4.0's stout includes <xlocale.h>, which glibc removed in 2.26: libprocess stops at its
   * first object whatever configure was given (recorded with glibc 2.36; fixed in 1.4.1).
   */
  failXlocale() {
    const d = path.join(this.buildDir, "3rdparty", "libprocess");
    const stout = "../../../3rdparty/libprocess/../stout/include/stout";
    lib.err(`In file included from ${stout}/json.hpp:37,\n                 from ../../../3rdparty/libprocess/include/process/http.hpp:38,\n                 from ../../../3rdparty/libprocess/include/process/authenticator.hpp:20,\n                 from ../../../3rdparty/libprocess/src/authenticator.cpp:13:\n`);
    lib.err(`${stout}/jsonify.hpp:17:10: fatal error: xlocale.h: No such file or directory\n   17 | #include <xlocale.h>\n      |          ^~~~~~~~~~~\ncompilation terminated.\n`);
    if (this.opts.jobs > 1) lib.err(`make[4]: *** Waiting for unfinished jobs....\n`);
    lib.err(`make[4]: *** [Makefile:1108: libprocess_la-authenticator.lo] Error 1\n`);
    this.leave(4, d);
    // The unwinding as Mesos 1.4.0's own Makefiles print it.
    lib.err(`make[3]: *** [Makefile:1827: all-recursive] Error 1\n`);
    lib.err(`make[2]: *** [Makefile:927: all] Error 2\n`);
    lib.err(`make[1]: *** [Makefile:881: all-recursive] Error 1\n`);
    this.leave(1, this.buildDir);
    lib.err(`make: *** [Makefile:690: all] Error 2\n`);
    return 2;
  }

  run(cmd, cwd) {
    return childProcess.spawnSync("/bin/sh", ["-c", cmd], { cwd, stdio: "inherit", env: process.env }).status;
  }

  built() {
    return fs.existsSync(path.join(this.buildDir, "src", ".libs", `libmesos-${this.version}.so`));
  }

  all() {
    if (this.built()) {
      this.say("make  all-recursive");
      this.enter(1, this.buildDir);
      for (const dir of [".", "3rdparty", "src"]) {
        this.say(`Making all in ${dir}`);
        const full = dir === "." ? this.buildDir : path.join(this.buildDir, dir);
        this.enter(2, full);
        this.say(`make[2]: Nothing to be done for 'all${dir === "." ? "-am" : ""}'.`);
        this.leave(2, full);
      }
      this.leave(1, this.buildDir);
      return 0;
    }
    const d3 = path.join(this.buildDir, "3rdparty");
    fs.mkdirSync(d3, { recursive: true });
    this.say("make  all-recursive");
    this.enter(1, this.buildDir);
    this.say("Making all in .");
    this.enter(2, this.buildDir);
    this.say("make[2]: Nothing to be done for 'all-am'.");
    this.leave(2, this.buildDir);
    this.say("Making all in 3rdparty");
    this.enter(2, d3);
    const rel3 = path.join("..", this.relSrc, "3rdparty");
    for (const l of LIBS) {
      if (fs.existsSync(path.join(d3, `${l.name}-stamp`))) continue;
      const tarball = path.join(rel3, `${l.name}.tar.gz`);
      this.say(`gzip -d -c ${tarball} | tar xf -`);
      if (this.run(`gzip -d -c '${tarball}' | tar xf -`, d3) !== 0) return this.fail(2, `${l.name}-stamp`, 1128);
      this.say(`test ! -e ${path.join(rel3, l.name + ".patch")} || patch -d ${l.name} -p1 <${path.join(rel3, l.name + ".patch")}`);
      this.say(`touch ${l.name}-stamp`);
      fs.writeFileSync(path.join(d3, `${l.name}-stamp`), "");
    }
    for (const l of LIBS) {
      const stamp = path.join(d3, `${l.name}-build-stamp`);
      if (fs.existsSync(stamp)) continue;
      const confDir = path.join(l.name, l.configureDir);
      this.say(`cd ${confDir} && ./configure  --prefix=${this.vars.prefix} --enable-shared=no --with-pic`);
      if (this.run(`./configure --prefix='${this.vars.prefix}' --enable-shared=no --with-pic`, path.join(d3, confDir)) !== 0) {
        return this.fail(2, `${l.name}-build-stamp`, 1153 + LIBS.indexOf(l) * 7);
      }
      const libDir = path.join(d3, l.name);
      this.enter(3, libDir);
      for (const src of l.sources) {
        const base = path.basename(src).replace(/\.(c|cc)$/, "");
        this.say(`libtool: compile:  ${l.lang} -DHAVE_CONFIG_H -I. -I${l.cwd || "."} -g1 -O0 -Wno-unused-local-typedefs -MT ${base}.lo -MD -MP -MF .deps/${base}.Tpo -c ${src}  -fPIC -DPIC -o .libs/${base}.o`);
      }
      this.say(`libtool: link: ar cru .libs/${l.lib}.a  ${l.sources.map((s) => path.basename(s).replace(/\.(c|cc)$/, ".o")).join(" ")}`);
      this.say(`libtool: link: ranlib .libs/${l.lib}.a`);
      this.say(`libtool: link: ( cd ".libs" && rm -f "${l.lib}.la" && ln -s "../${l.lib}.la" "${l.lib}.la" )`);
      this.leave(3, libDir);
      this.say(`touch ${l.name}-build-stamp`);
      fs.writeFileSync(stamp, "");
    }
    // The source root's own config.guess is used when config.status re-checks the tree.
    this.say("/bin/bash ./config.status --recheck");
    this.say(`running CONFIG_SHELL=/bin/bash /bin/bash ${path.join(this.relSrc, "configure")} ${this.vars.CONFIGURE_ARGS || ""} --no-create --no-recursion`.replace(/\s+$/, ""));
    lib.out("checking build system type... ");
    const guess = childProcess.spawnSync("/bin/sh", ["./config.guess"], { cwd: this.srcDir, encoding: "utf8", env: process.env });
    if (guess.status !== 0 || !guess.stdout.trim()) {
      lib.err(guess.stderr || "");
      lib.err("configure: error: cannot guess build type; you must specify one\n");
      return this.fail(2, "config.status", 1380);
    }
    this.say(guess.stdout.trim());
    this.say("config.status: creating Makefile");
    this.leave(2, d3);
    this.say("Making all in src");
    return this.compileMesos();
  }

  compileMesos() {
    const srcBuild = path.join(this.buildDir, "src");
    const libs = path.join(srcBuild, ".libs");
    fs.mkdirSync(libs, { recursive: true });
    this.enter(2, srcBuild);
    const defs = `-DPACKAGE_NAME=\\"mesos\\" -DPACKAGE_TARNAME=\\"mesos\\" -DPACKAGE_VERSION=\\"${this.version}\\" -DPACKAGE_STRING=\\"mesos\\ ${this.version}\\" -DPACKAGE_BUGREPORT=\\"\\" -DPACKAGE_URL=\\"\\" -DPACKAGE=\\"mesos\\" -DVERSION=\\"${this.version}\\" -DSTDC_HEADERS=1 -DHAVE_PTHREAD_PRIO_INHERIT=1 -DHAVE_PTHREAD=1 -DHAVE_LIBZ=1 -DHAVE_LIBCURL=1 -DHAVE_APR_POOLS_H=1 -DHAVE_LIBAPR_1=1 -DHAVE_SVN_VERSION_H=1 -DHAVE_LIBSVN_SUBR_1=1 -DHAVE_LIBSASL2=1`;
    const incs = `-I. -I${path.join("..", this.relSrc, "src")} -I${path.join("..", this.relSrc, "include")} -I../include -I../include/mesos -isystem ../3rdparty/boost-1.53.0 -I../3rdparty/glog-0.3.3/src -I../3rdparty/protobuf-3.3.0/src -I../3rdparty/zookeeper-3.8.0/src/c/include -I../3rdparty/zookeeper-3.8.0/src/c/generated`;
    for (const f of LIBPROCESS_SOURCES) {
      const base = f.replace(/\//g, "_").replace(/\.cpp$/, "");
      this.say(`libtool: compile:  g++ ${defs} -I. -I../../../3rdparty/libprocess/include -g1 -O0 -Wno-unused-local-typedefs -std=c++11 -MT libprocess_la-${base}.lo -MD -MP -MF .deps/libprocess_la-${base}.Tpo -c ../../../3rdparty/libprocess/src/${f}  -fPIC -DPIC -o .libs/libprocess_la-${base}.o`);
      if (this.version === "1.4.0" && f === "authenticator.cpp") return this.failXlocale();
    }
    const werror = this.vars.enable_werror !== "no" && Number(this.vars.CXX_MAJOR || 12) >= 9;
    for (const f of MESOS_SOURCES) {
      const dir = path.dirname(f);
      const base = path.basename(f).replace(/\.(cpp|cc)$/, "");
      this.say(`libtool: compile:  g++ ${defs} ${incs} -DPKGLIBEXECDIR="\\"${this.vars.prefix}/libexec/mesos\\"" -DPKGDATADIR="\\"${this.vars.prefix}/share/mesos\\"" -DPKGMODULEDIR="\\"${this.vars.prefix}/lib/mesos/modules\\"" -g1 -O0 -Wno-unused-local-typedefs${werror ? " -Werror" : ""} -std=c++11 -MT ${dir}/libmesos_no_3rdparty_la-${base}.lo -MD -MP -MF ${dir}/.deps/libmesos_no_3rdparty_la-${base}.Tpo -c ${path.join("..", this.relSrc, "src", f)}  -fPIC -DPIC -o ${dir}/.libs/libmesos_no_3rdparty_la-${base}.o`);
      if (werror && f === WERROR_VICTIM) return this.failWerror(srcBuild, dir, base);
    }
    const so = `libmesos-${this.version}.so`;
    this.say(`libtool: link: g++  -fPIC -DPIC -shared -nostdlib /usr/lib/gcc/${this.vars.build_triplet}/12/../../../${this.vars.build_triplet}/crti.o  -Wl,--whole-archive ./.libs/libmesos_no_3rdparty.a ../3rdparty/libprocess/.libs/libprocess.a ../3rdparty/glog-0.3.3/.libs/libglog.a ../3rdparty/protobuf-3.3.0/src/.libs/libprotobuf.a ../3rdparty/zookeeper-3.8.0/src/c/.libs/libzookeeper_mt.a ../3rdparty/libev-4.22/.libs/libev.a -Wl,--no-whole-archive  -lsvn_delta-1 -lsvn_subr-1 -lapr-1 -lcurl -lz -lsasl2 -lrt -pthread -Wl,-soname -Wl,${so} -o .libs/${so}`);
    this.say(`libtool: link: (cd ".libs" && rm -f "libmesos.so" && ln -s "${so}" "libmesos.so")`);
    fs.writeFileSync(path.join(libs, so), `ARMDECK FAKE libmesos ${this.version} for ${this.vars.build_triplet}: a test stand-in, not an ELF library.\n`);
    fs.rmSync(path.join(libs, "libmesos.so"), { force: true });
    fs.symlinkSync(so, path.join(libs, "libmesos.so"));
    fs.writeFileSync(path.join(srcBuild, "libmesos.la"), `# libmesos.la - a libtool library file\ndlname='${so}'\nlibrary_names='${so} libmesos.so'\nlibdir='${this.vars.prefix}/lib'\n`);
    for (const [bin, role] of [["mesos-master", "master"], ["mesos-agent", "agent"]]) {
      this.say(`libtool: link: g++ -g1 -O0 -Wno-unused-local-typedefs -std=c++11 -o .libs/${bin} ${role === "master" ? "master" : "slave"}/${bin}-main.o  ./.libs/libmesos.so -lsvn_delta-1 -lsvn_subr-1 -lapr-1 -lcurl -lz -lsasl2 -lrt -pthread -Wl,-rpath -Wl,${this.vars.prefix}/lib`);
      lib.installTemplate("mesos-daemon", path.join(srcBuild, bin), {
        __MESOS_ROLE__: role,
        __MESOS_VERSION__: this.version,
        __MESOS_BUILD_DATE__: new Date().toISOString().replace("T", " ").slice(0, 19),
      });
    }
    if (this.vars.enable_java === "yes") {
      this.say(`Building mesos-${this.version}.jar ...`);
      this.say("[INFO] Scanning for projects...");
      this.say(`[INFO] Building mesos ${this.version}`);
      this.say("[INFO] BUILD SUCCESS");
    }
    this.leave(2, srcBuild);
    this.leave(1, this.buildDir);
    return 0;
  }

  install(destdir) {
    const code = this.all();
    if (code !== 0) return code;
    const prefix = this.vars.prefix;
    const at = (p) => (destdir ? path.join(destdir, p) : p);
    const srcBuild = path.join(this.buildDir, "src");
    const so = `libmesos-${this.version}.so`;
    this.say("Making install in .");
    this.enter(1, this.buildDir);
    this.enter(2, this.buildDir);
    this.say("make[2]: Nothing to be done for 'install-exec-am'.");
    this.leave(2, this.buildDir);
    this.leave(1, this.buildDir);
    this.say("Making install in src");
    this.enter(1, srcBuild);
    this.say(` /bin/mkdir -p '${prefix}/lib'`);
    this.say(` /bin/bash ../libtool   --mode=install /usr/bin/install -c   libmesos.la '${prefix}/lib'`);
    fs.mkdirSync(at(`${prefix}/lib`), { recursive: true });
    fs.copyFileSync(path.join(srcBuild, ".libs", so), at(`${prefix}/lib/${so}`));
    this.say(`libtool: install: /usr/bin/install -c .libs/${so} ${prefix}/lib/${so}`);
    this.say(`libtool: install: (cd ${prefix}/lib && { ln -s -f ${so} libmesos.so || { rm -f libmesos.so && ln -s ${so} libmesos.so; }; })`);
    fs.rmSync(at(`${prefix}/lib/libmesos.so`), { force: true });
    fs.symlinkSync(so, at(`${prefix}/lib/libmesos.so`));
    this.say(`libtool: install: /usr/bin/install -c .libs/libmesos.lai ${prefix}/lib/libmesos.la`);
    fs.copyFileSync(path.join(srcBuild, "libmesos.la"), at(`${prefix}/lib/libmesos.la`));
    this.say(`libtool: finish: PATH="${process.env.PATH}:/sbin" ldconfig -n ${prefix}/lib`);
    for (const l of [
      "----------------------------------------------------------------------",
      "Libraries have been installed in:",
      `   ${prefix}/lib`,
      "",
      "If you ever happen to want to link against installed libraries",
      "in a given directory, LIBDIR, you must either use libtool, and",
      "specify the full pathname of the library, or use the '-LLIBDIR'",
      "flag during linking and do at least one of the following:",
      "   - add LIBDIR to the 'LD_LIBRARY_PATH' environment variable",
      "     during execution",
      "   - add LIBDIR to the 'LD_RUN_PATH' environment variable",
      "     during linking",
      "   - use the '-Wl,-rpath -Wl,LIBDIR' linker flag",
      "   - have your system administrator add LIBDIR to '/etc/ld.so.conf'",
      "",
      "See any operating system documentation about shared libraries for",
      "more information, such as the ld(1) and ld.so(8) manual pages.",
      "----------------------------------------------------------------------",
    ]) this.say(l);
    this.say(` /bin/mkdir -p '${prefix}/bin'`);
    this.say(` /usr/bin/install -c mesos '${prefix}/bin'`);
    lib.installTemplate("mesos-wrapper", at(`${prefix}/bin/mesos`), { __MESOS_PREFIX__: prefix });
    this.say(` /bin/mkdir -p '${prefix}/sbin'`);
    this.say(`  /bin/bash ../libtool   --mode=install /usr/bin/install -c mesos-master mesos-agent '${prefix}/sbin'`);
    fs.mkdirSync(at(`${prefix}/sbin`), { recursive: true });
    for (const bin of ["mesos-master", "mesos-agent"]) {
      this.say(`libtool: install: /usr/bin/install -c .libs/${bin} ${prefix}/sbin/${bin}`);
      fs.copyFileSync(path.join(srcBuild, bin), at(`${prefix}/sbin/${bin}`));
      fs.chmodSync(at(`${prefix}/sbin/${bin}`), 0o755);
    }
    this.say(` /bin/mkdir -p '${prefix}/share/mesos/webui'`);
    fs.mkdirSync(at(`${prefix}/share/mesos/webui`), { recursive: true });
    this.leave(1, srcBuild);
    return 0;
  }

  clean() {
    this.say("Making clean in src");
    this.enter(1, path.join(this.buildDir, "src"));
    this.say("rm -f mesos-master mesos-agent");
    this.say("rm -rf .libs _libs");
    fs.rmSync(path.join(this.buildDir, "src"), { recursive: true, force: true });
    fs.mkdirSync(path.join(this.buildDir, "src"));
    this.leave(1, path.join(this.buildDir, "src"));
    this.say("Making clean in 3rdparty");
    for (const l of LIBS) fs.rmSync(path.join(this.buildDir, "3rdparty", `${l.name}-build-stamp`), { force: true });
    return 0;
  }
}

function realMake(argv) {
  const r = childProcess.spawnSync("/usr/bin/make", argv, { stdio: "inherit" });
  if (r.error) {
    lib.err(`make: ${r.error.message}\n`);
    return 127;
  }
  return r.status ?? 2;
}

function main(argv) {
  const opts = parseArgs(argv);
  const dir = path.resolve(opts.dir || ".");
  const makefile = ["GNUmakefile", "makefile", "Makefile"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!makefile || !fs.readFileSync(makefile, "utf8").includes(MARKER)) return realMake(argv);
  const vars = readMakefile(makefile);
  const build = new Build(dir, vars, opts);
  if (opts.dir) lib.say(`make: Entering directory '${dir}'`);
  const targets = opts.targets.length ? opts.targets : ["all"];
  let code = 0;
  for (const t of targets) {
    if (t === "all") code = build.all();
    else if (t === "install") code = build.install(opts.vars.DESTDIR);
    else if (t === "clean") code = build.clean();
    else {
      lib.err(`make: *** No rule to make target '${t}'.  Stop.\n`);
      code = 2;
    }
    if (code !== 0) break;
  }
  if (opts.dir && code === 0) lib.say(`make: Leaving directory '${dir}'`);
  return code;
}

process.exitCode = main(process.argv.slice(2));
