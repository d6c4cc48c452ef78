// Agents for the deploy unit tests, in Mesos' own /master/state shape, so the tests go through the
// same parsing and free-resource arithmetic as a live cluster.

import { mesosStateSchema, type MesosState } from "../mesos/mesosSchemas.ts";

export interface TestAgent {
  id: string;
  hostname: string;
  cpus: number;
  mem: number;
  disk: number;
  ports?: string;
  used?: { cpus?: number; mem?: number; disk?: number; ports?: string };
  attributes?: Record<string, string>;
}

export function stateOf(agents: TestAgent[]): MesosState {
  return mesosStateSchema.parse({
    id: "test-master",
    slaves: agents.map((a) => ({
      id: a.id,
      hostname: a.hostname,
      attributes: a.attributes ?? {},
      resources: { cpus: a.cpus, mem: a.mem, disk: a.disk, gpus: 0, ports: a.ports ?? "[31000-32000]" },
      used_resources: { cpus: a.used?.cpus ?? 0, mem: a.used?.mem ?? 0, disk: a.used?.disk ?? 0, gpus: 0, ...(a.used?.ports ? { ports: a.used.ports } : {}) },
    })),
  });
}

/** The runbook's two nodes as the stand-in's runbook cluster registers them (4 cores, 15025 MB, 59040 MB, ports 1-65535). */
export const RUNBOOK_AGENTS: TestAgent[] = [
  { id: "S0", hostname: "od1000-1", cpus: 4, mem: 15025, disk: 59040, ports: "[1-65535]", attributes: { arch: "aarch64" } },
  { id: "S1", hostname: "od1000-0", cpus: 4, mem: 15025, disk: 59040, ports: "[1-65535]", attributes: { arch: "aarch64" } },
];
