import type { MesosState } from "../mesos/mesosSchemas.ts";
import type { Amounts } from "./resourcesView.ts";
import { isoFromSeconds } from "./units.ts";

// GET /api/v1/clusters/{id}/frameworks: the frameworks registered with the leading master
// (Marathon among them), with what they hold, and the ones that have gone.

export interface FrameworkView {
  id: string;
  name: string;
  active: boolean;
  /** False once the scheduler disconnected (it may fail over within its timeout). */
  connected: boolean | null;
  hostname: string | null;
  webuiUrl: string | null;
  roles: string[];
  registeredAt: string | null;
  tasks: number;
  used: Amounts;
  completed: boolean;
}

export function frameworksView(state: MesosState): { frameworks: FrameworkView[] } {
  const one = (completed: boolean) => (f: MesosState["frameworks"][number]): FrameworkView => ({
    id: f.id,
    name: f.name,
    active: completed ? false : f.active,
    connected: f.connected ?? null,
    hostname: f.hostname ?? null,
    webuiUrl: f.webui_url || null,
    roles: f.roles ?? (f.role ? [f.role] : []),
    registeredAt: isoFromSeconds(f.registered_time),
    tasks: f.tasks.length,
    used: { cpus: f.used_resources.cpus, memMb: f.used_resources.mem, diskMb: f.used_resources.disk },
    completed,
  });
  return { frameworks: [...state.frameworks.map(one(false)), ...state.completed_frameworks.map(one(true))] };
}
