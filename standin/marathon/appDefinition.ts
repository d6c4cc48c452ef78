// An app as a client sends it → Marathon 1.5.1's canonical AppSpec, with the defaults Marathon
// fills in (RAML types/app.raml, notes.md §5) and legacy fields converted
// (AppNormalization: docker.network → networks, docker.portMappings → container.portMappings,
// ports → portDefinitions, uris → fetch). Errors come in Marathon's two 422 kinds:
// parse errors ("Invalid JSON", error.* codes at body paths) and model errors
// ("Object is not valid", messages at app-relative paths).

import { RAML_PATH, resolvePath } from "./pathId";
import { MarathonError, type AppContainer, type AppSpec, type HealthCheck, type Network, type PortDefinition, type PortMapping, type ValidationDetail } from "./types";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export class Issues {
  readonly parse: ValidationDetail[] = [];
  readonly model: ValidationDetail[] = [];
  add(kind: "parse" | "model", path: string, error: string): void {
    const list = kind === "parse" ? this.parse : this.model;
    const found = list.find((d) => d.path === path);
    if (found) found.errors.push(error);
    else list.push({ path, errors: [error] });
  }
  /** Parse errors win: Marathon never gets to model validation when the RAML reader fails. */
  throwIfAny(): void {
    if (this.parse.length) throw new MarathonError(422, { message: "Invalid JSON", details: this.parse });
    if (this.model.length) throw new MarathonError(422, { message: "Object is not valid", details: this.model });
  }
}

function num(issues: Issues, body: Json, key: string, at: string, opts: { min?: number; max?: number; int?: boolean }, dflt: number): number {
  const v = body[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== "number") {
    issues.add("parse", `${at}/${key}`, "error.expected.jsnumber");
    return dflt;
  }
  if (opts.int && !Number.isInteger(v)) {
    issues.add("parse", `${at}/${key}`, "error.expected.int");
    return dflt;
  }
  if (opts.min !== undefined && v < opts.min) issues.add("parse", `${at}/${key}`, "error.min");
  if (opts.max !== undefined && v > opts.max) issues.add("parse", `${at}/${key}`, "error.max");
  return v;
}

function str(issues: Issues, body: Json, key: string, at: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") {
    issues.add("parse", `${at}/${key}`, "error.expected.jsstring");
    return undefined;
  }
  return v;
}

const OPERATORS = ["UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER"];

function constraintsOf(issues: Issues, raw: unknown, at: string): string[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.add("parse", `${at}/constraints`, "error.expected.jsarray");
    return [];
  }
  return raw.map((c, i) => {
    const path = `/constraints(${i})`;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || c.some((x) => typeof x !== "string")) {
      issues.add("model", path, "Each constraint must have either 2 or 3 fields");
      return [];
    }
    const [field, rawOp, value] = c as [string, string, string | undefined];
    const op = rawOp.toUpperCase();
    if (!OPERATORS.includes(op)) issues.add("model", path, "Constraint operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER or UNLIKE");
    else if (op === "UNIQUE" && value !== undefined) issues.add("model", path, "UNIQUE does not accept a value");
    else if (op === "MAX_PER" && !/^\d+$/.test(value ?? "")) issues.add("model", path, "MAX_PER requires an integer value");
    else if (op === "GROUP_BY" && value !== undefined && !/^\d+$/.test(value)) issues.add("model", path, "GROUP BY must define an integer value or else no value at all");
    else if ((op === "LIKE" || op === "UNLIKE") && value === undefined) issues.add("model", path, `${op} requires a regular expression value`);
    else if (op === "LIKE" || op === "UNLIKE") {
      try {
        new RegExp(value!);
      } catch {
        issues.add("model", path, `'${value}' is not a valid regular expression`);
      }
    }
    return value === undefined ? [field, op] : [field, op, value];
  });
}

function networksOf(issues: Issues, body: Json, at: string): Network[] {
  const docker = isObj(body.container) && isObj(body.container.docker) ? body.container.docker : undefined;
  const legacy = docker?.network;
  if (legacy !== undefined && body.networks !== undefined) {
    issues.add("model", "/", "must not specify both container.docker.network and networks");
  }
  if (typeof legacy === "string") {
    switch (legacy.toUpperCase()) {
      case "BRIDGE":
        return [{ mode: "container/bridge" }];
      case "HOST":
        return [{ mode: "host" }];
      case "USER":
        return [{ mode: "container", ...(isObj(body.ipAddress) && typeof body.ipAddress.networkName === "string" ? { name: body.ipAddress.networkName } : {}) }];
      case "NONE":
        // AppNormalization throws a NormalizationException, which Marathon maps to a 500.
        throw new MarathonError(500, { message: `unsupported docker network type NONE` });
      default:
        issues.add("parse", `${at}/container/docker/network`, "error.unknown.enum.literal");
    }
  }
  if (Array.isArray(body.networks) && body.networks.length) {
    return body.networks.map((n, i) => {
      const mode = isObj(n) && typeof n.mode === "string" ? n.mode.toLowerCase() : "container";
      if (!["host", "container/bridge", "container"].includes(mode)) issues.add("parse", `${at}/networks(${i})/mode`, "error.unknown.enum.literal");
      const out: Network = { mode: mode as Network["mode"] };
      if (isObj(n) && typeof n.name === "string") out.name = n.name;
      if (isObj(n) && isObj(n.labels)) out.labels = n.labels as Record<string, string>;
      if (out.mode === "container" && !out.name) issues.add("model", `/networks(${i})`, "container networks must specify a name");
      return out;
    });
  }
  return [{ mode: "host" }];
}

function portMappingsOf(issues: Issues, container: Json, at: string): PortMapping[] | undefined {
  const docker = isObj(container.docker) ? container.docker : {};
  if (container.portMappings !== undefined && docker.portMappings !== undefined) {
    throw new MarathonError(500, { message: "cannot specify both portMappings and docker.portMappings" });
  }
  const raw = container.portMappings ?? docker.portMappings;
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    issues.add("parse", `${at}/container/portMappings`, "error.expected.jsarray");
    return [];
  }
  return raw.map((pm, i) => {
    const p = isObj(pm) ? pm : {};
    const path = `${at}/container/portMappings(${i})`;
    const out: PortMapping = {
      containerPort: num(issues, p, "containerPort", path, { min: 0, max: 65535, int: true }, 0),
      hostPort: num(issues, p, "hostPort", path, { min: 0, max: 65535, int: true }, 0),
      servicePort: num(issues, p, "servicePort", path, { min: 0, max: 65535, int: true }, 0),
      protocol: str(issues, p, "protocol", path) ?? "tcp",
    };
    const name = str(issues, p, "name", path);
    if (name !== undefined) out.name = name;
    if (isObj(p.labels)) out.labels = p.labels as Record<string, string>;
    return out;
  });
}

function portDefinitionsOf(issues: Issues, body: Json, at: string): PortDefinition[] {
  if (Array.isArray(body.portDefinitions)) {
    return body.portDefinitions.map((pd, i) => {
      const p = isObj(pd) ? pd : {};
      const out: PortDefinition = { port: num(issues, p, "port", `${at}/portDefinitions(${i})`, { min: 0, max: 65535, int: true }, 0), protocol: str(issues, p, "protocol", `${at}/portDefinitions(${i})`) ?? "tcp" };
      if (typeof p.name === "string") out.name = p.name;
      if (isObj(p.labels)) out.labels = p.labels as Record<string, string>;
      return out;
    });
  }
  if (Array.isArray(body.ports)) return body.ports.map((port) => ({ port: Number(port), protocol: "tcp" }));
  return [{ port: 0, protocol: "tcp", name: "default" }];
}

function healthChecksOf(raw: unknown): HealthCheck[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((h) => {
    const hc = isObj(h) ? h : {};
    const protocol = typeof hc.protocol === "string" ? hc.protocol.toUpperCase() : "HTTP";
    const out: HealthCheck = {
      gracePeriodSeconds: typeof hc.gracePeriodSeconds === "number" ? hc.gracePeriodSeconds : 300,
      intervalSeconds: typeof hc.intervalSeconds === "number" ? hc.intervalSeconds : 60,
      maxConsecutiveFailures: typeof hc.maxConsecutiveFailures === "number" ? hc.maxConsecutiveFailures : 3,
      timeoutSeconds: typeof hc.timeoutSeconds === "number" ? hc.timeoutSeconds : 20,
      delaySeconds: typeof hc.delaySeconds === "number" ? hc.delaySeconds : 15,
      protocol,
    };
    if (typeof hc.path === "string") out.path = hc.path;
    if (typeof hc.port === "number") out.port = hc.port;
    else if (protocol !== "COMMAND") out.portIndex = typeof hc.portIndex === "number" ? hc.portIndex : 0;
    if (isObj(hc.command) && typeof hc.command.value === "string") out.command = { value: hc.command.value };
    if (protocol.startsWith("HTTP") || protocol.startsWith("MESOS_HTTP")) out.ignoreHttp1xx = hc.ignoreHttp1xx === true;
    return out;
  });
}

function containerOf(issues: Issues, body: Json, at: string, bridged: boolean): AppContainer | undefined {
  if (!isObj(body.container)) return undefined;
  const c = body.container;
  const type = typeof c.type === "string" ? (c.type.toUpperCase() as "DOCKER" | "MESOS") : isObj(c.docker) ? "DOCKER" : "MESOS";
  const out: AppContainer = { type, volumes: Array.isArray(c.volumes) ? c.volumes : [] };
  if (isObj(c.docker)) {
    const d = c.docker;
    const image = str(issues, d, "image", `${at}/container/docker`);
    if (image === undefined || image.length === 0) issues.add(image === undefined ? "parse" : "parse", `${at}/container/docker/image`, image === undefined ? "error.path.missing" : "error.minLength");
    const parameters = Array.isArray(d.parameters)
      ? d.parameters.map((p, i) => {
          const key = isObj(p) && typeof p.key === "string" ? p.key : "";
          if (!key) issues.add("parse", `${at}/container/docker/parameters(${i})/key`, "error.minLength");
          return { key, value: isObj(p) && typeof p.value === "string" ? p.value : String(isObj(p) ? (p.value ?? "") : "") };
        })
      : [];
    out.docker = { forcePullImage: d.forcePullImage === true, image: image ?? "", parameters, privileged: d.privileged === true };
  }
  const mappings = portMappingsOf(issues, c, at);
  if (bridged) {
    out.portMappings = mappings && mappings.length ? mappings : [{ containerPort: 0, hostPort: 0, name: "default", protocol: "tcp", servicePort: 0 }];
  } else if (mappings && mappings.length) {
    issues.add("model", "/container/portMappings", "portMappings are not allowed with host-networking");
  }
  return out;
}

/** Reads one app body. `at` is where it sits in the request body, for parse-error paths. */
export function normalizeApp(raw: unknown, base: string, at: string, issues: Issues): AppSpec | undefined {
  if (!isObj(raw)) {
    issues.add("parse", at || "/", "error.expected.jsobject");
    return undefined;
  }
  const body = raw;
  const idRaw = body.id;
  if (idRaw === undefined) issues.add("parse", `${at}/id`, "error.path.missing");
  else if (typeof idRaw !== "string") issues.add("parse", `${at}/id`, "error.expected.jsstring");
  else if (!RAML_PATH.test(idRaw) || /\s/.test(idRaw) || idRaw.includes("//")) issues.add("parse", `${at}/id`, "error.pattern");
  const id = typeof idRaw === "string" ? resolvePath(idRaw, base) : "/";
  if (typeof idRaw === "string" && id === "/" && RAML_PATH.test(idRaw)) issues.add("model", "/id", "Path must not be root");

  const cmd = str(issues, body, "cmd", at);
  if (cmd !== undefined && cmd.length < 1) issues.add("parse", `${at}/cmd`, "error.minLength");
  const args = Array.isArray(body.args) ? body.args.map(String) : undefined;
  const networks = networksOf(issues, body, at);
  const bridged = networks.some((n) => n.mode !== "host");
  const container = containerOf(issues, body, at, bridged);
  const hasImage = !!container?.docker?.image;
  if ((cmd !== undefined && args !== undefined) || (cmd === undefined && args === undefined && !container)) {
    issues.add("model", "/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
  }
  void hasImage;

  const upgrade = isObj(body.upgradeStrategy) ? body.upgradeStrategy : {};
  const spec: AppSpec = {
    id,
    backoffFactor: num(issues, body, "backoffFactor", at, { min: 1 }, 1.15),
    backoffSeconds: num(issues, body, "backoffSeconds", at, { min: 0 }, 1),
    constraints: constraintsOf(issues, body.constraints, at),
    cpus: num(issues, body, "cpus", at, { min: 0.001 }, 1),
    dependencies: Array.isArray(body.dependencies) ? body.dependencies.map((d) => resolvePath(String(d), base)) : [],
    disk: num(issues, body, "disk", at, { min: 0 }, 0),
    env: isObj(body.env) ? body.env : {},
    executor: typeof body.executor === "string" ? body.executor : "",
    fetch: Array.isArray(body.fetch) ? body.fetch : Array.isArray(body.uris) ? body.uris.map((uri) => ({ uri, extract: true, executable: false, cache: false })) : [],
    gpus: num(issues, body, "gpus", at, { min: 0, int: true }, 0),
    healthChecks: healthChecksOf(body.healthChecks),
    instances: num(issues, body, "instances", at, { min: 0, int: true }, 1),
    labels: isObj(body.labels) ? (body.labels as Record<string, string>) : {},
    maxLaunchDelaySeconds: num(issues, body, "maxLaunchDelaySeconds", at, { min: 0 }, 3600),
    mem: num(issues, body, "mem", at, { min: 0 }, 128),
    networks,
    readinessChecks: Array.isArray(body.readinessChecks) ? body.readinessChecks : [],
    requirePorts: body.requirePorts === true,
    secrets: isObj(body.secrets) ? body.secrets : {},
    upgradeStrategy: {
      minimumHealthCapacity: num(issues, upgrade, "minimumHealthCapacity", `${at}/upgradeStrategy`, { min: 0, max: 1 }, 1),
      maximumOverCapacity: num(issues, upgrade, "maximumOverCapacity", `${at}/upgradeStrategy`, { min: 0, max: 1 }, 1),
    },
    killSelection: typeof body.killSelection === "string" ? body.killSelection.toUpperCase() : "YOUNGEST_FIRST",
    unreachableStrategy: body.unreachableStrategy === "disabled" ? "disabled" : isObj(body.unreachableStrategy)
      ? { inactiveAfterSeconds: Number(body.unreachableStrategy.inactiveAfterSeconds ?? 0), expungeAfterSeconds: Number(body.unreachableStrategy.expungeAfterSeconds ?? 0) }
      : { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 },
  };
  if (cmd !== undefined) spec.cmd = cmd;
  if (args !== undefined) spec.args = args;
  if (container) spec.container = container;
  if (!bridged) spec.portDefinitions = portDefinitionsOf(issues, body, at);
  if (typeof body.user === "string") spec.user = body.user;
  if (Array.isArray(body.acceptedResourceRoles)) spec.acceptedResourceRoles = body.acceptedResourceRoles.map(String);
  if (typeof body.taskKillGracePeriodSeconds === "number") spec.taskKillGracePeriodSeconds = body.taskKillGracePeriodSeconds;
  if (spec.gpus > 0 && container?.type === "DOCKER") issues.add("model", "/gpus", "GPU resources only work with the Mesos containerizer");

  const portCount = hostPortsNeeded(spec);
  spec.healthChecks.forEach((hc, i) => {
    if (hc.portIndex !== undefined && hc.portIndex >= portCount) {
      issues.add("model", `/healthChecks(${i})`, "Health check port indices must address an element of the ports array or container port mappings.");
    }
  });
  const names = [...(spec.container?.portMappings ?? []), ...(spec.portDefinitions ?? [])].map((p) => p.name).filter(Boolean);
  if (new Set(names).size !== names.length) issues.add("model", "/portMappings", "Port names must be unique.");
  return spec;
}

/** Host ports one instance takes: one per port mapping with a host port, or per port definition. */
export function hostPortsNeeded(spec: AppSpec): number {
  if (spec.container?.portMappings) return spec.container.portMappings.length;
  return spec.portDefinitions?.length ?? 0;
}

/** Config identity used to decide "changed" (versionInfo/servicePorts assigned later don't count). */
export function specKey(spec: AppSpec, ignoreInstances = false): string {
  return JSON.stringify(ignoreInstances ? { ...spec, instances: 0 } : spec);
}
