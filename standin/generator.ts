// Seeded clusters: agents with mixed aarch64/x86_64 architectures (as a Mesos `arch` attribute,
// which Mesos itself never reports: audit §2.7) and, optionally, apps already running, placed
// directly (no offer cycles) so 1,000 agents × 10,000 tasks are created in well under a second.

import type { MesosCluster } from "./mesos/cluster";
import { parseRanges } from "./mesos/resources";
import type { SeededRandom } from "./random";
import { Issues, normalizeApp } from "./marathon/appDefinition";
import { emptyGroup, ensureGroup } from "./marathon/groupTree";
import type { MarathonModel } from "./marathon/marathonModel";
import { rejectReasons } from "./marathon/offerMatching";
import type { App } from "./marathon/types";

export interface GeneratorOptions {
  agents: number;
  apps: number;
  /** Total running instances to spread over the apps (default: 1–4 per app). */
  tasks?: number;
}

const SHAPES = [
  { cpus: 4, mem: 15025, disk: 59040 },
  { cpus: 8, mem: 31065, disk: 117000 },
  { cpus: 16, mem: 63000, disk: 230000 },
  { cpus: 2, mem: 7100, disk: 28000 },
];

export function generateAgents(mesos: MesosCluster, rng: SeededRandom, count: number): void {
  for (let i = 0; i < count; i++) {
    const arch = i % 3 === 2 ? "x86_64" : "aarch64";
    const shape = SHAPES[rng.int(0, SHAPES.length - 1)]!;
    mesos.addAgent({
      hostname: `agent-${String(i).padStart(4, "0")}.standin.local`,
      ip: `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${(i % 256) + 1}`.replace(/^10\.0\./, "10.1."),
      resources: { ...shape, gpus: 0, ports: parseRanges("[31000-32000]") },
      attributes: { arch, rack: `rack-${i % 8}` },
    });
  }
}

const IMAGES = ["nginx:1.13", "redis:4.0", "ubuntu:16.04", "python:3.6-slim", "busybox:1.27"];

export function generateApps(marathon: MarathonModel, rng: SeededRandom, opts: GeneratorOptions): void {
  const version = marathon.newVersion();
  const root = marathon.root.id === "/" ? marathon.root : emptyGroup("/", version);
  const apps: App[] = [];
  const total = opts.tasks ?? 0;
  for (let i = 0; i < opts.apps; i++) {
    const team = `team-${i % 10}`;
    const instances = total ? Math.floor(total / opts.apps) + (i < total % opts.apps ? 1 : 0) : rng.int(1, 4);
    const raw: Record<string, unknown> = {
      id: `/demo/${team}/svc-${String(i).padStart(4, "0")}`,
      instances,
      cpus: rng.pick([0.1, 0.25, 0.5]),
      mem: rng.pick([64, 128, 256]),
      disk: rng.pick([0, 100, 1000]),
      cmd: i % 4 === 0 ? undefined : "sleep 100000",
      container: { type: "DOCKER", docker: { image: rng.pick(IMAGES), network: "BRIDGE", parameters: [{ key: "hostname", value: `svc-${i}.weave.local` }] } },
    };
    if (i % 7 === 0) raw.constraints = [["hostname", "UNIQUE"]];
    const issues = new Issues();
    const spec = normalizeApp(raw, "/", "", issues)!;
    issues.throwIfAny();
    const app: App = { spec, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version }, received: raw };
    ensureGroup(root, `/demo/${team}`, version).apps.set(spec.id, app);
    apps.push(app);
  }
  marathon.root = root;
  placeInstances(marathon, apps);
}

/** First fit, rotating the starting agent so instances spread the way offer cycles would. */
function placeInstances(marathon: MarathonModel, apps: App[]): void {
  const mesos = marathon.mesos;
  const agents = [...mesos.agents.values()];
  const frees = new Map(agents.map((a) => [a.id, mesos.freeResources(a.id)]));
  let cursor = 0;
  marathon.scheduler.seeding = true;
  try {
    for (const app of apps) {
      marathon.scheduler.launchTarget.set(app.spec.id, app.spec.instances);
      for (let n = 0; n < app.spec.instances; n++) {
        for (let tries = 0; tries < agents.length; tries++) {
          const agent = agents[(cursor + tries) % agents.length]!;
          const free = frees.get(agent.id)!;
          const placed = marathon.scheduler.instancesOf(app.spec.id);
          if (rejectReasons(app.spec, agent, free, placed, mesos.agents).length === 0) {
            marathon.scheduler.placeRunning(app, agent, free);
            cursor = (cursor + tries + 1) % agents.length;
            break;
          }
        }
      }
    }
  } finally {
    marathon.scheduler.seeding = false;
  }
}
