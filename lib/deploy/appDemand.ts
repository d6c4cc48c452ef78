// What one instance of an app asks of one agent, read from the app as the user wrote it (legacy
// 1.4 fields or canonical 1.5 ones), with Marathon's defaults (notes §5): cpus 1, mem 128,
// disk 0; one host port per port mapping in bridge mode (a missing hostPort becomes 0, i.e.
// "assign one"), and Marathon's default mapping or port definition when none is given.

import { isObject, type Json, type JsonObject } from "./groupTree.ts";

export type NetworkMode = "host" | "container/bridge" | "container";

export interface InstanceDemand {
  cpus: number;
  memMb: number;
  diskMb: number;
  gpus: number;
  /** Host ports that must be exactly these (a non-zero hostPort, or requirePorts). */
  fixedPorts: number[];
  /** Host ports Marathon picks from the offer. */
  dynamicPorts: number;
  constraints: string[][];
}

const LEGACY: Record<string, NetworkMode> = { HOST: "host", BRIDGE: "container/bridge", USER: "container" };

const num = (v: Json | undefined, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

export function networkModeOf(app: JsonObject): NetworkMode {
  const first = list(app.networks)[0];
  const mode = isObject(first) ? first.mode : undefined;
  if (mode === "host" || mode === "container/bridge" || mode === "container") return mode;
  const legacy = obj(obj(app.container).docker).network;
  if (typeof legacy === "string" && LEGACY[legacy.toUpperCase()]) return LEGACY[legacy.toUpperCase()]!;
  return "host";
}

export function portMappingsOf(app: JsonObject): Json[] | undefined {
  const c = obj(app.container);
  const m = c.portMappings ?? obj(c.docker).portMappings;
  return Array.isArray(m) ? m : undefined;
}

/** How many ports an instance exposes (what a health check's portIndex may address). */
export function portCountOf(app: JsonObject): number {
  const mode = networkModeOf(app);
  if (mode !== "host") return portMappingsOf(app)?.length || (mode === "container/bridge" ? 1 : 0);
  const defs = app.portDefinitions ?? app.ports;
  return Array.isArray(defs) ? defs.length : 1;
}

function portDemand(app: JsonObject): { fixed: number[]; dynamic: number } {
  const mode = networkModeOf(app);
  const fixed: number[] = [];
  let dynamic = 0;
  if (mode !== "host") {
    const mappings = portMappingsOf(app);
    // Bridge mode with no mappings: Marathon adds {containerPort: 0, hostPort: 0, name: "default"}.
    if (!mappings || mappings.length === 0) return { fixed, dynamic: mode === "container/bridge" ? 1 : 0 };
    for (const m of mappings) {
      const hostPort = isObject(m) ? m.hostPort : undefined;
      // On a container (USER) network a mapping without hostPort takes no host port.
      if (hostPort === undefined || hostPort === null) {
        if (mode === "container/bridge") dynamic++;
      } else if (typeof hostPort === "number" && hostPort > 0) fixed.push(hostPort);
      else dynamic++;
    }
    return { fixed, dynamic };
  }
  const defs = app.portDefinitions ?? (Array.isArray(app.ports) ? app.ports.map((port) => ({ port })) : undefined);
  if (!Array.isArray(defs)) return { fixed, dynamic: 1 };
  for (const d of defs) {
    const port = isObject(d) ? d.port : undefined;
    if (app.requirePorts === true && typeof port === "number" && port > 0) fixed.push(port);
    else dynamic++;
  }
  return { fixed, dynamic };
}

export function instanceDemand(app: JsonObject): InstanceDemand {
  const { fixed, dynamic } = portDemand(app);
  const constraints = list(app.constraints)
    .filter((c): c is Json[] => Array.isArray(c))
    .map((c) => c.map((x) => String(x)));
  return {
    cpus: num(app.cpus, 1),
    memMb: num(app.mem, 128),
    diskMb: num(app.disk, 0),
    gpus: num(app.gpus, 0),
    fixedPorts: fixed,
    dynamicPorts: dynamic,
    constraints,
  };
}

export function instancesOf(app: JsonObject): number {
  const n = app.instances;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : 1;
}
