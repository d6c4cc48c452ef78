// One app's fields against Marathon 1.5.1's rules (notes §5 and §10.4-9), each message at the
// field's pointer. Only what Marathon would refuse (or silently break on) is an error; the
// marathon-ui minimums (0.01 CPU, 32 MB) are warnings, as Marathon itself accepts less.

import { networkModeOf, portCountOf } from "./appDemand.ts";
import { isObject, pointer, type Json, type JsonObject, type TreeNode } from "./groupTree.ts";
import type { Issues } from "./issues.ts";
import { validateConstraints } from "./validateConstraints.ts";

const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PROTOCOLS = ["tcp", "udp", "udp,tcp"];
const HEALTH_PROTOCOLS = ["HTTP", "HTTPS", "TCP", "COMMAND", "MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP"];
const HEALTH_TIMINGS = ["gracePeriodSeconds", "intervalSeconds", "timeoutSeconds", "maxConsecutiveFailures", "delaySeconds"];

type Rule = { at: string; issues: Issues };

function number(v: Json | undefined, { at, issues }: Rule, name: string, min: number, opts: { integer?: boolean; max?: number } = {}): number | null {
  if (v === undefined) return null;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    issues.error(at, `${name} must be a number`);
    return null;
  }
  if (opts.integer && !Number.isInteger(v)) issues.error(at, `${name} must be a whole number`);
  else if (v < min) issues.error(at, `${name} must be at least ${min}`);
  else if (opts.max !== undefined && v > opts.max) issues.error(at, `${name} must be at most ${opts.max}`);
  return v;
}

function resources(app: JsonObject, p: string, issues: Issues): void {
  number(app.instances, { at: pointer(p, "instances"), issues }, "instances", 0, { integer: true });
  const cpus = number(app.cpus, { at: pointer(p, "cpus"), issues }, "cpus", 0.001);
  if (cpus !== null && cpus >= 0.001 && cpus < 0.01) issues.warn(pointer(p, "cpus"), "Less than 0.01 CPU: Marathon accepts it, but the task will barely run");
  const mem = number(app.mem, { at: pointer(p, "mem"), issues }, "mem", 0);
  if (mem !== null && mem >= 0 && mem < 32) issues.warn(pointer(p, "mem"), "Less than 32 MB of memory: most containers are killed at start with so little");
  number(app.disk, { at: pointer(p, "disk"), issues }, "disk", 0);
  const gpus = number(app.gpus, { at: pointer(p, "gpus"), issues }, "gpus", 0, { integer: true });
  const type = isObject(app.container) ? app.container.type : undefined;
  if (gpus && gpus > 0 && (type === undefined || String(type).toUpperCase() === "DOCKER") && isObject(app.container)) {
    issues.error(pointer(p, "gpus"), "GPUs are not supported with the Docker containerizer");
  }
}

function command(app: JsonObject, p: string, issues: Issues): void {
  if (app.cmd !== undefined && app.cmd !== null) {
    if (typeof app.cmd !== "string") issues.error(pointer(p, "cmd"), "cmd must be a string");
    else if (app.cmd.length <= 1) issues.error(pointer(p, "cmd"), "cmd must not be an empty string (at least 2 characters)");
  }
  if (app.args !== undefined && app.args !== null && !(Array.isArray(app.args) && app.args.every((a) => typeof a === "string"))) {
    issues.error(pointer(p, "args"), "args must be a list of strings");
  }
  const hasCmd = typeof app.cmd === "string";
  const hasArgs = Array.isArray(app.args);
  if (hasCmd && hasArgs) issues.error(pointer(p, "args"), "Give cmd or args, not both");
  const c = isObject(app.container) ? app.container : null;
  const image = c && isObject(c.docker) ? c.docker.image : undefined;
  if (!hasCmd && !hasArgs && !(typeof image === "string" && image.length > 0)) {
    issues.error(p || "/", "The app needs cmd or args, or a container with an image");
  }
}

function docker(app: JsonObject, p: string, issues: Issues): void {
  const c = app.container;
  if (c === undefined || c === null) return;
  const cp = pointer(p, "container");
  if (!isObject(c)) return issues.error(cp, "container must be an object");
  if (c.type !== undefined && !(typeof c.type === "string" && ["DOCKER", "MESOS"].includes(c.type.toUpperCase()))) issues.error(pointer(cp, "type"), 'container.type must be "DOCKER" or "MESOS"');
  const d = c.docker;
  if (d === undefined || d === null) return;
  const dp = pointer(cp, "docker");
  if (!isObject(d)) return issues.error(dp, "container.docker must be an object");
  if (typeof d.image !== "string" || d.image.length === 0) issues.error(pointer(dp, "image"), "The Docker image is required");
  else if (/\s/.test(d.image)) issues.error(pointer(dp, "image"), "The Docker image must not contain spaces");
  if (d.network !== undefined) {
    const net = typeof d.network === "string" ? d.network.toUpperCase() : "";
    if (net === "NONE") issues.error(pointer(dp, "network"), 'network "NONE" is not supported (Marathon 1.5 fails with a 500)');
    else if (!["BRIDGE", "HOST", "USER"].includes(net)) issues.error(pointer(dp, "network"), 'network must be "BRIDGE", "HOST" or "USER"');
    if (app.networks !== undefined) issues.error(pointer(dp, "network"), "must not specify both container.docker.network and networks");
  }
  if (d.parameters !== undefined) {
    const pp = pointer(dp, "parameters");
    if (!Array.isArray(d.parameters)) return issues.error(pp, "parameters must be a list of {key, value}");
    d.parameters.forEach((x, i) => {
      const at = pointer(pp, i);
      if (!isObject(x)) return issues.error(at, "Each parameter is {key, value}");
      if (typeof x.key !== "string" || x.key.length === 0) issues.error(pointer(at, "key"), "The parameter's key must be a non-empty string");
      if (typeof x.value !== "string") issues.error(pointer(at, "value"), "The parameter's value must be a string");
      else if (x.key === "hostname" && !x.value.endsWith(".weave.local")) {
        issues.warn(pointer(at, "value"), `WeaveDNS registers only names ending in ".weave.local" (the runbook uses "<app>.weave.local")`);
      }
    });
  }
}

function networks(app: JsonObject, p: string, issues: Issues): void {
  if (app.networks === undefined) return;
  const np = pointer(p, "networks");
  if (!Array.isArray(app.networks)) return issues.error(np, "networks must be a list");
  const modes = app.networks.map((n, i) => {
    const mode = isObject(n) ? n.mode : undefined;
    if (mode !== "host" && mode !== "container/bridge" && mode !== "container") issues.error(pointer(pointer(np, i), "mode"), 'mode must be "host", "container/bridge" or "container"');
    else if (mode === "container" && !(isObject(n) && typeof n.name === "string" && n.name)) issues.warn(pointer(pointer(np, i), "name"), "A container network needs a name unless Marathon runs with --default_network_name");
    return mode;
  });
  if (modes.length > 1 && modes.some((m) => m !== "container")) issues.error(np, "Give one host network, or one bridge network, or container networks only");
}

function portMappings(app: JsonObject, p: string, issues: Issues): void {
  const c = isObject(app.container) ? app.container : null;
  if (!c) return;
  const d = isObject(c.docker) ? c.docker : {};
  if (c.portMappings !== undefined && d.portMappings !== undefined) {
    issues.error(pointer(pointer(p, "container"), "portMappings"), "Give container.portMappings or container.docker.portMappings, not both");
  }
  const key = c.portMappings !== undefined ? "container" : "docker";
  const raw = c.portMappings ?? d.portMappings;
  if (raw === undefined || raw === null) return;
  const mp = key === "container" ? pointer(pointer(p, "container"), "portMappings") : pointer(pointer(pointer(p, "container"), "docker"), "portMappings");
  if (!Array.isArray(raw)) return issues.error(mp, "portMappings must be a list");
  if (networkModeOf(app) === "host" && raw.length) issues.error(mp, "portMappings are not allowed with host networking (use BRIDGE or a container network)");
  const names = new Map<string, number>();
  raw.forEach((m, i) => {
    const at = pointer(mp, i);
    if (!isObject(m)) return issues.error(at, "Each port mapping is an object");
    for (const f of ["containerPort", "hostPort", "servicePort"]) {
      if (m[f] !== undefined && m[f] !== null) number(m[f], { at: pointer(at, f), issues }, f, 0, { integer: true, max: 65535 });
    }
    if (m.protocol !== undefined && !(typeof m.protocol === "string" && PROTOCOLS.includes(m.protocol))) issues.error(pointer(at, "protocol"), 'protocol must be "tcp", "udp" or "udp,tcp"');
    if (m.name !== undefined) {
      if (typeof m.name !== "string" || !PORT_NAME.test(m.name)) issues.error(pointer(at, "name"), "A port name is lowercase letters, digits and inner \"-\"");
      else if (names.has(m.name)) issues.error(pointer(at, "name"), `Port names must be unique ("${m.name}" is also mapping ${names.get(m.name)})`);
      else names.set(m.name, i);
    }
  });
}

function healthChecks(app: JsonObject, p: string, issues: Issues): void {
  if (app.healthChecks === undefined) return;
  const hp = pointer(p, "healthChecks");
  if (!Array.isArray(app.healthChecks)) return issues.error(hp, "healthChecks must be a list");
  const ports = portCountOf(app);
  let mesosChecks = 0;
  app.healthChecks.forEach((h, i) => {
    const at = pointer(hp, i);
    if (!isObject(h)) return issues.error(at, "Each health check is an object");
    const protocol = h.protocol === undefined ? "HTTP" : typeof h.protocol === "string" ? h.protocol.toUpperCase() : "";
    if (!HEALTH_PROTOCOLS.includes(protocol)) issues.error(pointer(at, "protocol"), `protocol must be one of ${HEALTH_PROTOCOLS.join(", ")}`);
    if (protocol.startsWith("MESOS_") && ++mesosChecks > 1) issues.error(pointer(at, "protocol"), "At most one MESOS_* health check");
    if (h.portIndex !== undefined) {
      const idx = number(h.portIndex, { at: pointer(at, "portIndex"), issues }, "portIndex", 0, { integer: true });
      if (idx !== null && Number.isInteger(idx) && idx >= ports) issues.error(pointer(at, "portIndex"), `Health check port indices must address an element of the ports array or container port mappings (the app has ${ports})`);
    }
    for (const t of HEALTH_TIMINGS) if (h[t] !== undefined) number(h[t], { at: pointer(at, t), issues }, t, 0, { integer: true });
  });
}

function upgradeStrategy(app: JsonObject, p: string, issues: Issues): void {
  const u = app.upgradeStrategy;
  if (u === undefined || u === null) return;
  const up = pointer(p, "upgradeStrategy");
  if (!isObject(u)) return issues.error(up, "upgradeStrategy must be an object");
  for (const f of ["minimumHealthCapacity", "maximumOverCapacity"]) number(u[f], { at: pointer(up, f), issues }, f, 0, { max: 1 });
}

function stringMap(app: JsonObject, p: string, key: "env" | "labels", issues: Issues): void {
  const v = app[key];
  if (v === undefined || v === null) return;
  const at = pointer(p, key);
  if (!isObject(v)) return issues.error(at, `${key} must be an object of names to values`);
  for (const [name, value] of Object.entries(v)) {
    // env values may also be {"secret": "<name>"} (notes §5); the value is data, never read here.
    const ok = typeof value === "string" || (key === "env" && isObject(value) && typeof value.secret === "string");
    if (!ok) issues.error(pointer(at, name), `The value of ${key}.${name} must be a string`);
  }
}

export function validateApp(node: TreeNode, issues: Issues): void {
  const app = node.raw;
  const p = node.pointer;
  resources(app, p, issues);
  command(app, p, issues);
  docker(app, p, issues);
  networks(app, p, issues);
  portMappings(app, p, issues);
  healthChecks(app, p, issues);
  upgradeStrategy(app, p, issues);
  stringMap(app, p, "env", issues);
  stringMap(app, p, "labels", issues);
  validateConstraints(app.constraints, pointer(p, "constraints"), issues);
}
