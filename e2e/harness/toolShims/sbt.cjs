#!/usr/bin/node
"use strict";
// sbt stand-in, present on a test host only once apt-get installed the sbt package. In the
// fake Marathon tree it "compiles" (sbt-like output, once per tree) and stages
// target/universal/stage/bin/marathon, the Marathon stand-in; `sbt 'run --master … --zk …'`
// runs that stand-in in the foreground, as the runbook does.

const fs = require("node:fs");
const path = require("node:path");
const childProcess = require("node:child_process");
const lib = require("__ARMDECK_SHIM_LIB__");

function info(...lines) {
  for (const l of lines) lib.say(`[info] ${l}`);
}

function finished(seconds) {
  const d = new Date();
  const month = d.toLocaleString("en-US", { month: "short" });
  const time = d.toLocaleString("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", hour12: true });
  lib.say(`[success] Total time: ${seconds} s, completed ${month} ${d.getDate()}, ${d.getFullYear()} ${time}`);
}

function project(root) {
  const versionFile = path.join(root, "version.sbt");
  const props = path.join(root, "project", "build.properties");
  const version = /"([^"]+)"/.exec(fs.existsSync(versionFile) ? fs.readFileSync(versionFile, "utf8") : "")?.[1] || "0.1-SNAPSHOT";
  const sbtVersion = /sbt\.version\s*=\s*(\S+)/.exec(fs.existsSync(props) ? fs.readFileSync(props, "utf8") : "")?.[1] || "0.13.15";
  const name = /name\s*:=\s*"([^"]+)"/.exec(fs.existsSync(path.join(root, "build.sbt")) ? fs.readFileSync(path.join(root, "build.sbt"), "utf8") : "")?.[1] || path.basename(root);
  const isMarathon = name === "marathon";
  return { root, version, sbtVersion, name, isMarathon };
}

function boot(p) {
  const bootDir = path.join(process.env.HOME || "/root", ".sbt", "boot", "scala-2.10.6");
  if (fs.existsSync(bootDir)) return;
  lib.trickle(
    [
      `Getting org.scala-sbt sbt ${p.sbtVersion} ...`,
      ":: retrieving :: org.scala-sbt#boot-app",
      "\tconfs: [default]",
      "\t52 artifacts copied, 0 already retrieved (17674kB/328ms)",
      "Getting Scala 2.10.6 (for sbt)...",
      ":: retrieving :: org.scala-sbt#boot-scala",
      "\tconfs: [default]",
      "\t5 artifacts copied, 0 already retrieved (24494kB/171ms)",
    ],
    lib.delay("sbtBootMs", 200),
  );
  fs.mkdirSync(bootDir, { recursive: true });
}

function load(p) {
  info(`Loading project definition from ${path.join(p.root, "project")}`);
  const stamp = path.join(p.root, "project", "target", ".armdeck-loaded");
  if (!fs.existsSync(stamp)) {
    info(`Updating {file:${path.join(p.root, "project")}/}${p.name}-build...`);
    for (const dep of ["com.typesafe.sbt#sbt-native-packager;1.2.0", "org.scalariform#sbt-scalariform;1.3.0", "com.eed3si9n#sbt-buildinfo;0.7.0", "org.fusesource.jansi#jansi;1.4"]) info(`Resolving ${dep} ...`);
    info("Done updating.");
    info(`Compiling 6 Scala sources to ${path.join(p.root, "project", "target", "scala-2.10", "sbt-0.13", "classes")}...`);
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(stamp, "");
  }
  info(`Set current project to ${p.name} (in build file:${p.root}/)`);
}

function compile(p) {
  const classes = path.join(p.root, "target", "scala-2.12", "classes");
  if (fs.existsSync(path.join(classes, ".armdeck-compiled"))) return;
  const lines = [`Updating {file:${p.root}/}${p.name}...`];
  for (const dep of [
    "org.scala-lang#scala-library;2.12.3", "com.typesafe.akka#akka-actor_2.12;2.4.18", "com.typesafe.akka#akka-stream_2.12;2.4.18",
    "com.typesafe.akka#akka-http_2.12;10.0.6", "org.apache.mesos#mesos;1.4.0-rc1", "com.google.protobuf#protobuf-java;3.3.0",
    "org.apache.curator#curator-recipes;2.11.1", "org.apache.zookeeper#zookeeper;3.4.8", "org.eclipse.jetty#jetty-server;9.3.6.v20151106",
    "com.fasterxml.jackson.core#jackson-databind;2.8.9", "com.typesafe.play#play-json_2.12;2.6.0", "com.wix#accord-core_2.12;0.7.1",
    "org.rogach#scallop_2.12;3.0.3", "ch.qos.logback#logback-classic;1.1.3", "io.kamon#kamon-core_2.12;0.6.7",
    "com.google.inject#guice;4.1.0", "org.glassfish.jersey.core#jersey-server;2.25.1", "com.typesafe.scala-logging#scala-logging_2.12;3.5.0",
  ]) lines.push(`Resolving ${dep} ...`);
  lines.push("Done updating.", `Compiling 436 Scala sources and 3 Java sources to ${classes}...`);
  lines.push("[warn] there were 41 deprecation warnings; re-run with -deprecation for details", "[warn] one warning found");
  lib.trickle(lines.map((l) => (l.startsWith("[") ? l : `[info] ${l}`)), lib.delay("sbtCompileMs", 800));
  fs.mkdirSync(classes, { recursive: true });
  fs.writeFileSync(path.join(classes, ".armdeck-compiled"), "");
}

function stage(p) {
  compile(p);
  const jar = path.join(p.root, "target", "scala-2.12", `${p.name}_2.12-${p.version}.jar`);
  info(`Packaging ${jar} ...`, "Done packaging.");
  const stageDir = path.join(p.root, "target", "universal", "stage");
  fs.mkdirSync(path.join(stageDir, "lib"), { recursive: true });
  fs.writeFileSync(path.join(stageDir, "lib", `mesosphere.marathon.marathon-${p.version}.jar`), `ARMDECK FAKE marathon ${p.version} jar\n`);
  const buildref = childProcess.spawnSync("/usr/bin/git", ["-C", p.root, "rev-parse", "--short=8", "HEAD"], { encoding: "utf8" }).stdout.trim() || "unknown";
  lib.installTemplate("marathon", path.join(stageDir, "bin", "marathon"), { __MARATHON_VERSION__: p.version, __MARATHON_BUILDREF__: buildref });
  return stageDir;
}

function about(p) {
  info(
    `This is sbt ${p.sbtVersion}`,
    `The current project is {file:${p.root}/}${p.name} ${p.version}`,
    "The current project is built against Scala 2.12.3",
    "Available Plugins: sbt.plugins.IvyPlugin, sbt.plugins.JvmPlugin, sbt.plugins.CorePlugin, sbt.plugins.JUnitXmlReportPlugin, sbt.plugins.Giter8TemplatePlugin, com.typesafe.sbt.packager.universal.UniversalPlugin, com.typesafe.sbt.SbtNativePackager",
    "sbt, sbt plugins, and build definitions are using Scala 2.10.6",
  );
}

function invalid(command) {
  lib.say(`[error] Not a valid command: ${command.split(/\s+/)[0]}`, `[error] ${command}`, "[error]" + " ".repeat(Math.min(command.length, 4)) + "^");
  return 1;
}

function main(argv) {
  const commands = argv.filter((a) => !a.startsWith("-"));
  const cwd = process.cwd();
  const hasBuild = fs.existsSync(path.join(cwd, "build.sbt")) || fs.existsSync(path.join(cwd, "project"));
  if (!hasBuild) {
    lib.say(`[warn] Neither build.sbt nor a 'project' directory in the current directory: ${cwd}`, "c) continue", "q) quit", "? ");
    lib.say("[error] Not a project directory");
    return 1;
  }
  const p = project(cwd);
  boot(p);
  load(p);
  if (commands.length === 0) commands.push("shell");
  for (const cmd of commands) {
    const started = Date.now();
    const [word, ...rest] = cmd.trim().split(/\s+/);
    if (word === "about") about(p);
    else if (word === "compile") compile(p);
    else if (word === "clean") fs.rmSync(path.join(p.root, "target"), { recursive: true, force: true });
    else if (word === "universal:stage" || word === "stage" || word === "universal/stage") {
      if (!p.isMarathon) return invalid(cmd);
      stage(p);
    } else if (word === "universal:packageZipTarball" || word === "universal/packageZipTarball") {
      if (!p.isMarathon) return invalid(cmd);
      const stageDir = stage(p);
      const out = path.join(p.root, "target", "universal", `marathon-${p.version}.tgz`);
      const tmp = fs.mkdtempSync(path.join(p.root, "target", "universal", ".pkg-"));
      fs.cpSync(stageDir, path.join(tmp, `marathon-${p.version}`), { recursive: true });
      childProcess.spawnSync("/bin/tar", ["czf", out, "-C", tmp, `marathon-${p.version}`]);
      fs.rmSync(tmp, { recursive: true, force: true });
      info(`Wrote ${out}`);
    } else if (word === "run") {
      if (!p.isMarathon) return invalid(cmd);
      const stageDir = stage(p);
      info(`Running mesosphere.marathon.Main ${rest.join(" ")}`);
      const r = childProcess.spawnSync(path.join(stageDir, "bin", "marathon"), rest, { stdio: "inherit" });
      if (r.status !== 0) {
        lib.say("java.lang.RuntimeException: Nonzero exit code: " + r.status, "[error] (compile:run) Nonzero exit code: " + r.status);
        return 1;
      }
    } else if (word === "shell") {
      lib.say("> ");
      continue;
    } else return invalid(cmd);
    finished(Math.max(1, Math.round((Date.now() - started) / 1000)));
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
