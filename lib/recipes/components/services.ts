import { shQuote } from "../../shell/quote.ts";
import { say } from "../../shell/say.ts";
import { quorumOf } from "../../cluster/masterCount.ts";
import { hostPort, marathonBin, mesosTree, zkUrl } from "../recipeContext.ts";
import type { ComponentId, Placement, RecipeContext, StepDef } from "../recipeTypes.ts";
import { STATUS_EXIT_CODES, STATUS_LINE_FUNCTION } from "../serviceStatusLine.ts";
import { findZookeeperDir } from "./zookeeper.ts";

export type ServiceAction = "start" | "stop" | "status";

interface ServiceDef {
  component: ComponentId;
  /** Unit and pid-file name. */
  name: string;
  title: string;
  where: Placement;
  /** Steps that must succeed before it starts (build steps and other services' starts). */
  startAfter: string[];
  /** Starts that must succeed on every node that runs them, not only on this one. */
  startAfterEverywhere?: string[];
  /** Services that must be stopped before this one stops. */
  stopAfter: string[];
  /** Exit 0 when the service answers, by a real probe, not by "the process exists". */
  probe: (c: RecipeContext) => string;
  probeText: (c: RecipeContext) => string;
  /**
   * For Status: prints what answered (stdout and stderr, the tool's own words) and exits 0 only
   * when healthy, by the same test as `probe`.
   */
  ask: (c: RecipeContext) => string;
  /** For Status: exit 0 when the service is installed on the node at all; `missing` says what is not. */
  installed: { test: (c: RecipeContext) => string; missing: (c: RecipeContext) => string };
  /** Supervised services: argv as quoted shell words, plus environment. */
  argv?: (c: RecipeContext) => string[];
  env?: (c: RecipeContext) => string[];
  /** Services with their own daemon control (ZooKeeper's zkServer.sh, Weave's containers). */
  own?: { prepare?: (c: RecipeContext) => string; start: (c: RecipeContext) => string; stop: (c: RecipeContext) => string; systemdForking?: boolean };
}

const url = (c: RecipeContext, port: number, path: string) => shQuote(`http://${hostPort(c.node.address, port)}${path}`);

/** "HTTP 200", or curl's own error and "HTTP 000" when nothing answered. */
const httpCodeAsk = (quotedUrl: string) =>
  [`a=$(curl -sS -m 5 -o /dev/null -w 'HTTP %{http_code}' ${quotedUrl} 2>&1)`, `printf '%s' "$a"`, '[ "${a##*HTTP }" = 200 ]'].join("\n");

export const SERVICES: ServiceDef[] = [
  {
    component: "zookeeper-service",
    name: "zookeeper",
    title: "ZooKeeper",
    where: "master",
    startAfter: ["zookeeper.configure"],
    stopAfter: ["mesos-master.stop", "marathon.stop"],
    // printf, not echo: ZooKeeper reads four bytes, answers and closes; an unread newline left in
    // its socket makes the close a reset that can discard "imok" before nc reads it (3% of probes
    // failed that way here).
    probe: (c) => `[ "$(printf ruok | nc -w 3 ${c.node.qAddress} ${c.settings.zookeeperPort} 2>/dev/null)" = imok ]`,
    probeText: (c) => `ruok on ${hostPort(c.node.address, c.settings.zookeeperPort)} answers imok`,
    ask: (c) =>
      [
        `a=$(printf ruok | nc -w 3 ${c.node.qAddress} ${c.settings.zookeeperPort} 2>&1); rc=$?`,
        `if [ -n "$a" ]; then printf '%s' "$a"; else printf 'no reply on %s (nc exit %s)' ${shQuote(hostPort(c.node.address, c.settings.zookeeperPort))} "$rc"; fi`,
        '[ "$a" = imok ]',
      ].join("\n"),
    installed: {
      test: (c) => `ls ${c.paths.mesos}/3rdparty/zookeeper-*/conf/zoo.cfg >/dev/null 2>&1`,
      missing: (c) => `no configured ZooKeeper (zoo.cfg) under ${mesosTree(c.settings)}/3rdparty`,
    },
    own: {
      prepare: (c) => `${findZookeeperDir(c)}\nmkdir -p ${c.q.logDir}`,
      start: (c) => `ZOO_LOG_DIR=${c.q.logDir} "$zkdir/bin/zkServer.sh" start "$zkdir/conf/zoo.cfg"`,
      stop: (c) => `ZOO_LOG_DIR=${c.q.logDir} "$zkdir/bin/zkServer.sh" stop "$zkdir/conf/zoo.cfg"`,
      systemdForking: true,
    },
  },
  {
    component: "weave-router",
    name: "weave",
    title: "Weave Net router",
    where: "all",
    startAfter: ["weave.install", "prereq.image"],
    stopAfter: ["mesos-agent.stop"],
    probe: () => "weave status >/dev/null 2>&1",
    probeText: () => "weave status answers",
    ask: () => "weave status 2>&1",
    installed: { test: () => "command -v weave >/dev/null 2>&1", missing: () => "no weave command on the PATH" },
    // Weave runs as Docker containers with their own restart policy, so no unit or supervisor.
    own: {
      start: (c) => `weave launch${c.qPeers.length ? " " + c.qPeers.join(" ") : ""}`,
      stop: () => "weave stop",
    },
  },
  {
    component: "mesos-master",
    name: "mesos-master",
    title: "Mesos master",
    where: "master",
    startAfter: ["mesos.install", "zookeeper.start"],
    // An ensemble serves only once a majority runs, so every member starts (and answers ruok, which
    // a member without quorum does) before any Mesos master waits to be healthy.
    startAfterEverywhere: ["zookeeper.start"],
    stopAfter: ["mesos-agent.stop", "marathon.stop"],
    probe: (c) => `curl -fsS -m 5 -o /dev/null ${url(c, c.settings.mesosMasterPort, "/health")}`,
    probeText: (c) => `http://${hostPort(c.node.address, c.settings.mesosMasterPort)}/health answers 200`,
    ask: (c) => httpCodeAsk(url(c, c.settings.mesosMasterPort, "/health")),
    installed: { test: () => "[ -x /usr/local/sbin/mesos-master ]", missing: () => "/usr/local/sbin/mesos-master is not installed" },
    argv: (c) => [
      "/usr/local/sbin/mesos-master",
      shQuote(`--ip=${c.node.address}`),
      // What the leader advertises: standbys redirect clients to it and the UI links to it, so
      // it must be reachable without reverse DNS, which Mesos would otherwise use.
      shQuote(`--hostname=${c.node.address}`),
      `--port=${c.settings.mesosMasterPort}`,
      shQuote(`--work_dir=${c.settings.mesosMasterWorkDir}`),
      `--zk=${zkUrl(c, "mesos")}`,
      `--quorum=${quorumOf(c.masters.length)}`,
    ],
  },
  {
    component: "mesos-agent",
    name: "mesos-agent",
    title: "Mesos agent",
    where: "agents",
    startAfter: ["mesos.install", "mesos-master.start", "weave.start"],
    stopAfter: ["marathon.stop"],
    probe: (c) => `curl -fsS -m 5 -o /dev/null ${url(c, c.settings.mesosAgentPort, "/health")}`,
    probeText: (c) => `http://${hostPort(c.node.address, c.settings.mesosAgentPort)}/health answers 200`,
    ask: (c) => httpCodeAsk(url(c, c.settings.mesosAgentPort, "/health")),
    installed: { test: () => "[ -x /usr/local/sbin/mesos-agent ]", missing: () => "/usr/local/sbin/mesos-agent is not installed" },
    argv: (c) => [
      "/usr/local/sbin/mesos-agent",
      shQuote(`--ip=${c.node.address}`),
      `--port=${c.settings.mesosAgentPort}`,
      `--master=${zkUrl(c, "mesos")}`,
      shQuote(`--work_dir=${c.settings.mesosAgentWorkDir}`),
      "--containerizers=docker,mesos",
      shQuote(`--resources=ports:[${c.settings.agentPorts}]`),
      "--docker_socket=/var/run/weave/weave.sock",
    ],
  },
  {
    component: "marathon-service",
    name: "marathon",
    title: "Marathon",
    where: "master",
    // marathon.fetch is all a release tarball needs; the git route builds it too.
    startAfter: ["marathon.fetch", "marathon.build", "mesos.install", "mesos-master.start"],
    stopAfter: [],
    probe: (c) => `[ "$(curl -fsS -m 5 ${url(c, c.settings.marathonPort, "/ping")} 2>/dev/null)" = pong ]`,
    probeText: (c) => `http://${hostPort(c.node.address, c.settings.marathonPort)}/ping answers pong`,
    ask: (c) => [`a=$(curl -sS -m 5 ${url(c, c.settings.marathonPort, "/ping")} 2>&1)`, `printf '%s' "$a"`, '[ "$a" = pong ]'].join("\n"),
    installed: {
      test: (c) => `[ -x ${shQuote(marathonBin(c.settings))} ]`,
      missing: (c) => `Marathon is not ${c.settings.marathonSource === "git" ? "built" : "unpacked"} (${marathonBin(c.settings)} is missing)`,
    },
    env: () => ["MESOS_NATIVE_JAVA_LIBRARY=/usr/local/lib/libmesos.so"],
    argv: (c) => [
      shQuote(marathonBin(c.settings)),
      "--master",
      zkUrl(c, "mesos"),
      "--zk",
      zkUrl(c, "marathon"),
      "--http_port",
      String(c.settings.marathonPort),
      "--hostname",
      c.node.qAddress,
    ],
  },
];

/** Step ids use the service name: zookeeper.start, mesos-agent.stop, marathon.status, … */
export const serviceStepId = (s: ServiceDef, action: ServiceAction) => `${s.name}.${action}`;

const WAIT_SECONDS = 90;
/** A supervised service that exited this often since its start is crash-looping: waiting longer shows nothing new. */
const CRASH_LOOP_EXITS = 3;

/** Waits for the probe; on timeout shows the end of the service's log (its raw path, or none). */
function waitHealthy(s: ServiceDef, c: RecipeContext, logFile: string | null): string {
  return [
    // Tracing off while waiting: one line per second of polling says nothing.
    "{ set +x; } 2>/dev/null",
    "i=0",
    `until armdeck_probe; do`,
    "  i=$((i + 1))",
    ...(logFile ? crashLoopCheck(s, logFile) : []),
    `  if [ "$i" -ge ${WAIT_SECONDS} ]; then`,
    `    ${say(`${s.title} did not become healthy within ${WAIT_SECONDS} s (${s.probeText(c)})`, true)}`,
    logFile ? `    ${say(`last lines of ${logFile}:`, true)}; tail -n 40 ${shQuote(logFile)} >&2 || true` : "",
    "    exit 1",
    "  fi",
    "  sleep 1",
    "done",
    say(`${s.title} is up: ${s.probeText(c)}`),
  ]
    .filter(Boolean)
    .join("\n");
}

/** Inside the wait: the supervisor's "exited with status" lines written to the log since this start (armdeck_log_start). */
function crashLoopCheck(s: ServiceDef, logFile: string): string[] {
  const log = shQuote(logFile);
  return [
    `  exits=$(tail -c +$((armdeck_log_start + 1)) ${log} 2>/dev/null | grep -c -F ' exited with status ' || true)`,
    `  if [ "$exits" -ge ${CRASH_LOOP_EXITS} ]; then`,
    `    ${say(`${s.title} keeps exiting at start (${CRASH_LOOP_EXITS} exits since this start); last lines of ${logFile}:`, true)}`,
    `    tail -n 40 ${log} >&2 || true`,
    "    exit 1",
    "  fi",
  ];
}

function unitFile(s: ServiceDef, c: RecipeContext, logFile: string): string {
  const lines = ["[Unit]", `Description=Armdeck ${s.title}`, "After=network-online.target", "", "[Service]"];
  for (const e of s.env?.(c) ?? []) lines.push(`Environment=${e}`);
  if (s.own?.systemdForking) {
    lines.push("Type=forking", `Environment=ZOO_LOG_DIR=${c.settings.logDir}`, "ExecStart=/bin/sh -c '\"$ZKDIR\"/bin/zkServer.sh start \"$ZKDIR\"/conf/zoo.cfg'", "ExecStop=/bin/sh -c '\"$ZKDIR\"/bin/zkServer.sh stop \"$ZKDIR\"/conf/zoo.cfg'");
  } else {
    lines.push(`ExecStart=${s.argv!(c).join(" ")}`, `StandardOutput=append:${logFile}`, `StandardError=append:${logFile}`);
  }
  lines.push("Restart=on-failure", "RestartSec=5", "", "[Install]", "WantedBy=multi-user.target");
  // A line break in a value would add directives or end the here-document early.
  if (lines.some((l) => /[\n\r]/.test(l) || l === "ARMDECK_UNIT")) throw new Error(`Refusing to write a unit for ${s.name}: a value holds a line break`);
  return lines.join("\n");
}

function startScript(s: ServiceDef, c: RecipeContext): string {
  const logFile = `${c.settings.logDir}/${s.name}.log`;
  const log = shQuote(logFile);
  const pidFile = shQuote(`${c.settings.armdeckDir}/services/${s.name}.pid`);
  const probeFn = `armdeck_probe() {\n  ${s.probe(c)}\n}`;
  const unit = shQuote(`/etc/systemd/system/armdeck-${s.name}.service`);
  if (s.own && !s.own.systemdForking) {
    return [probeFn, s.own.prepare?.(c) ?? "", s.own.start(c), waitHealthy(s, c, null)].filter(Boolean).join("\n");
  }
  const body =
    c.node.systemd
      ? [
          s.own?.prepare?.(c) ?? `mkdir -p ${c.q.logDir}`,
          `cat > ${unit} <<'ARMDECK_UNIT'\n${unitFile(s, c, logFile)}\nARMDECK_UNIT`,
          s.own ? `mkdir -p /etc/systemd/system/armdeck-${s.name}.service.d\nprintf '[Service]\\nEnvironment=ZKDIR=%s\\n' "$zkdir" > /etc/systemd/system/armdeck-${s.name}.service.d/zkdir.conf` : "",
          "systemctl daemon-reload",
          `systemctl enable armdeck-${s.name}`,
          `systemctl start armdeck-${s.name}`,
          `echo "[armdeck] ${s.title} runs as systemd unit armdeck-${s.name}"`,
        ]
      : s.own
        ? [s.own.prepare?.(c) ?? "", s.own.start(c)]
        : [
            `mkdir -p ${c.q.logDir} ${c.q.armdeckDir}/services`,
            `if [ -f ${pidFile} ] && kill -0 "$(cat ${pidFile})" 2>/dev/null; then`,
            `  echo "[armdeck] ${s.title} supervisor already runs (pid $(cat ${pidFile}))"`,
            "else",
            // Its own session, so neither this job's end nor its cancellation stops the service;
            // the loop restarts it when it exits, as systemd's Restart=on-failure would.
            `  LOG=${log} ${(s.env?.(c) ?? []).join(" ")} setsid sh -c 'while :; do "$@" >> "$LOG" 2>&1; echo "[armdeck] $1 exited with status $?; restarting in 5 s" >> "$LOG"; sleep 5; done' armdeck-${s.name} ${s.argv!(c).join(" ")} > /dev/null 2>&1 < /dev/null &`,
            `  echo $! > ${pidFile}`,
            `  ${say(`${s.title} started under a supervisor, log ${logFile}`)}`,
            "fi",
          ];
  // Where this start's part of the log begins, so earlier exits do not count as a crash loop.
  const logStart = s.own ? [] : [`armdeck_log_start=$(wc -c < ${log} 2>/dev/null || echo 0)`];
  return [probeFn, ...logStart, ...body.filter(Boolean), waitHealthy(s, c, s.own ? null : logFile)].join("\n");
}

function stopScript(s: ServiceDef, c: RecipeContext): string {
  const pidFile = shQuote(`${c.settings.armdeckDir}/services/${s.name}.pid`);
  if (c.node.systemd && !(s.own && !s.own.systemdForking)) {
    return `systemctl stop armdeck-${s.name} || true\necho "[armdeck] ${s.title} stopped (systemd unit armdeck-${s.name})"`;
  }
  if (s.own) return [s.own.prepare?.(c) ?? "", s.own.stop(c), `echo "[armdeck] ${s.title} stopped"`].filter(Boolean).join("\n");
  return [
    `if [ -f ${pidFile} ]; then`,
    `  pid=$(cat ${pidFile})`,
    '  kill -TERM "-$pid" 2>/dev/null || true',
    '  i=0; while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 20 ]; do sleep 0.5; i=$((i + 1)); done',
    '  kill -KILL "-$pid" 2>/dev/null || true',
    `  rm -f ${pidFile}`,
    `  echo "[armdeck] ${s.title} stopped (supervisor pid $pid)"`,
    "else",
    `  echo "[armdeck] ${s.title} was not running under Armdeck's supervisor"`,
    "fi",
  ].join("\n");
}

/**
 * A report, not a pass/fail step: it exits with the code of what it found (STATUS_EXIT_CODES) after
 * one armdeck-status line, so "down" and "not installed" are answers the runner stores.
 */
function statusScript(s: ServiceDef, c: RecipeContext): string {
  const target = shQuote(s.probeText(c));
  return [
    // No tracing: the probe's output is captured as its answer, and trace lines are not that.
    "{ set +x; } 2>/dev/null",
    STATUS_LINE_FUNCTION,
    `armdeck_ask() {\n${indent(s.ask(c))}\n}`,
    `if ! { ${s.installed.test(c)}; }; then`,
    `  ${say(`${s.title}: not installed (${s.installed.missing(c)})`)}`,
    `  armdeck_report not_installed ${target} ${shQuote(s.installed.missing(c))}`,
    `  exit ${STATUS_EXIT_CODES.not_installed}`,
    "fi",
    // Three tries a second apart: one dropped probe connection is not an outage.
    "for attempt in 1 2 3; do",
    // set +e: the subshell would otherwise stop at the probe's failing command, before it says why.
    "  if answer=$(set +e; armdeck_ask 2>&1); then",
    `    ${say(`${s.title}: healthy (${s.probeText(c)})`)}`,
    `    armdeck_report up ${target} "$answer"`,
    `    exit ${STATUS_EXIT_CODES.up}`,
    "  fi",
    '  [ "$attempt" = 3 ] || sleep 1',
    "done",
    say(`${s.title}: down (${s.probeText(c)} failed 3 times)`),
    `printf '[armdeck] it answered: %s\\n' "$answer"`,
    `armdeck_report down ${target} "$answer"`,
    `exit ${STATUS_EXIT_CODES.down}`,
  ].join("\n");
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");

export function serviceSteps(action: ServiceAction): StepDef[] {
  return SERVICES.map((s) => {
    const base = { component: s.component, where: s.where, id: serviceStepId(s, action) };
    if (action === "start") {
      return { ...base, title: `Start ${s.title}`, after: s.startAfter, afterEverywhere: s.startAfterEverywhere, mutating: true, check: (c: RecipeContext) => s.probe(c), run: (c: RecipeContext) => startScript(s, c) };
    }
    if (action === "stop") {
      return { ...base, title: `Stop ${s.title}`, after: s.stopAfter, mutating: true, run: (c: RecipeContext) => stopScript(s, c) };
    }
    return { ...base, title: `Status of ${s.title}`, after: [], mutating: false, reports: true, run: (c: RecipeContext) => statusScript(s, c) };
  });
}
