// The running side of the Marathon stand-in: instances, the launch queue with its offer
// statistics, offer cycles against the Mesos model, and task state changes over the clock.
//
// Offers: each allocation interval every active agent's free resources are one offer. Marathon
// has no default spreading (audit §1.11): a matcher may take up to max_instances_per_offer (5)
// instances from one offer, but after an op it is offered the rest of that offer again only
// after the other offers already queued (OfferMatcherManagerActor). So the cycle below goes
// round-robin over the offers, one op per offer per round: two instances and two fitting agents
// land one per agent (what the runbook observed), a third goes back onto the first agent.

import type { Clock, TimerHandle } from "../clock";
import type { MesosCluster } from "../mesos/cluster";
import { portsToRanges, rangesSize, type Resources } from "../mesos/resources";
import type { Agent } from "../mesos/types";
import type { SeededRandom } from "../random";
import type { EventBus } from "./eventBus";
import type { Instance, TaskFailure } from "./instance";
import { FUNNEL, pickPorts, rejectReasons, type RejectReason } from "./offerMatching";
import { taskIdPrefix, toHostname } from "./pathId";
import type { App } from "./types";

export interface SchedulerTiming {
  /** Mesos --allocation_interval (1secs): how often offers are made while something waits. */
  allocationIntervalMs: number;
  /** Launch → TASK_RUNNING (image already pulled, as in the runbook). */
  taskRunningAfterMs: number;
  /** TASK_RUNNING → first health check result. */
  healthyAfterMs: number;
  /** Kill → TASK_KILLED. */
  killAfterMs: number;
}

export const DEFAULT_TIMING: SchedulerTiming = { allocationIntervalMs: 1000, taskRunningAfterMs: 1500, healthyAfterMs: 2000, killAfterMs: 500 };

interface UnusedOffer {
  offer: Record<string, unknown>;
  reason: RejectReason[];
  timestamp: string;
}

interface LaunchStats {
  since: string;
  processedOffersCount: number;
  unusedOffersCount: number;
  lastUnusedOfferAt?: string;
  lastUsedOfferAt?: string;
  launchAttemptDeclined: Map<RejectReason, number>;
  lastUnusedOffers: Map<string, UnusedOffer>;
}

export interface SchedulerHost {
  /** Current app definition by id (the root group is the source of truth). */
  app(appId: string): App | undefined;
  /** Called after any instance change so deployments can move on. */
  onInstancesChanged(): void;
  frameworkId(): string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class Scheduler {
  readonly instances = new Map<string, Instance>();
  private readonly byApp = new Map<string, Set<string>>();
  /** How many instances of each app the scheduler keeps (set by deployment actions). */
  readonly launchTarget = new Map<string, number>();
  private readonly stats = new Map<string, LaunchStats>();
  readonly lastTaskFailure = new Map<string, TaskFailure>();
  private readonly backoff = new Map<string, { until: number; failures: number }>();
  /** Apps whose health checks the control API made fail. */
  readonly unhealthyApps = new Set<string>();
  private cycleTimer: TimerHandle | null = null;
  private offerSeq = 0;
  private readonly timers = new Set<TimerHandle>();
  stopped = false;
  /** While the generator fills a cluster, skip the per-change deployment checks (nothing is deploying). */
  seeding = false;

  constructor(
    private readonly clock: Clock,
    private readonly mesos: MesosCluster,
    private readonly bus: EventBus,
    private readonly rng: SeededRandom,
    private readonly host: SchedulerHost,
    readonly timing: SchedulerTiming,
    private readonly opts: { maxInstancesPerOffer: number; sendTaskStarting: boolean },
  ) {}

  private later(ms: number, fn: () => void): void {
    const h = this.clock.setTimeout(() => {
      this.timers.delete(h);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(h);
  }

  shutdown(): void {
    this.stopped = true;
    for (const t of this.timers) t.cancel();
    this.cycleTimer?.cancel();
  }

  instancesOf(appId: string): Instance[] {
    return [...(this.byApp.get(appId) ?? [])].map((id) => this.instances.get(id)!).filter(Boolean);
  }

  /** Instances still to launch for the app's current config. */
  needed(appId: string): number {
    const app = this.host.app(appId);
    const target = this.launchTarget.get(appId) ?? 0;
    if (!app || target === 0) return 0;
    const current = this.instancesOf(appId).filter((i) => !i.killing && i.configVersion === app.versionInfo.lastConfigChangeAt).length;
    return Math.max(0, target - current);
  }

  setTarget(appId: string, count: number): void {
    this.launchTarget.set(appId, count);
    this.reconcileApp(appId);
    this.kick();
  }

  removeApp(appId: string): void {
    this.launchTarget.delete(appId);
    this.stats.delete(appId);
    this.backoff.delete(appId);
    for (const i of this.instancesOf(appId)) this.kill(i);
  }

  /** Kills instances beyond the target (YOUNGEST_FIRST by default) and, for a restart, old-config ones once the new ones are up. */
  reconcileApp(appId: string): void {
    const app = this.host.app(appId);
    const target = this.launchTarget.get(appId) ?? 0;
    const live = this.instancesOf(appId).filter((i) => !i.killing);
    if (!app) return;
    const cfg = app.versionInfo.lastConfigChangeAt;
    const fresh = live.filter((i) => i.configVersion === cfg);
    const old = live.filter((i) => i.configVersion !== cfg);
    const ready = fresh.filter((i) => this.isReady(i, app));
    if (old.length && ready.length >= target) old.forEach((i) => this.kill(i));
    if (fresh.length > target) {
      const oldestFirst = app.spec.killSelection === "OLDEST_FIRST";
      const sorted = [...fresh].sort((a, b) => (oldestFirst ? a.stagedAt.localeCompare(b.stagedAt) : b.stagedAt.localeCompare(a.stagedAt)));
      sorted.slice(0, fresh.length - target).forEach((i) => this.kill(i));
    }
  }

  isReady(i: Instance, app: App): boolean {
    return i.state === "TASK_RUNNING" && (app.spec.healthChecks.length === 0 || i.healthy === true);
  }

  /** Makes sure an offer cycle is coming while anything waits to launch. */
  kick(): void {
    if (this.cycleTimer || this.stopped) return;
    const waiting = [...this.launchTarget.keys()].some((id) => this.needed(id) > 0);
    if (!waiting) return;
    this.cycleTimer = this.clock.setTimeout(() => {
      this.cycleTimer = null;
      if (this.stopped) return;
      this.offerCycle();
      this.kick();
    }, this.timing.allocationIntervalMs);
  }

  private statsFor(appId: string): LaunchStats {
    let s = this.stats.get(appId);
    if (!s) {
      s = { since: iso(this.clock.now()), processedOffersCount: 0, unusedOffersCount: 0, launchAttemptDeclined: new Map(), lastUnusedOffers: new Map() };
      this.stats.set(appId, s);
    }
    return s;
  }

  private offerJson(agent: Agent, free: Resources, id: string): Record<string, unknown> {
    const resources: Record<string, unknown>[] = [
      { name: "cpus", role: "*", scalar: free.cpus },
      { name: "mem", role: "*", scalar: free.mem },
      { name: "disk", role: "*", scalar: free.disk },
    ];
    if (free.gpus) resources.push({ name: "gpus", role: "*", scalar: free.gpus });
    if (free.ports.length) resources.push({ name: "ports", role: "*", ranges: free.ports.map((r) => ({ begin: r.begin, end: r.end })) });
    const attributes = Object.entries(agent.attributes).map(([name, v]) => (typeof v === "number" ? { name, scalar: v } : { name, text: v }));
    return { id, hostname: agent.hostname, agentId: agent.id, resources, attributes };
  }

  offerCycle(): void {
    const now = this.clock.now();
    const waiting = [...this.launchTarget.keys()].filter((id) => this.needed(id) > 0 && (this.backoff.get(id)?.until ?? 0) <= now);
    if (!waiting.length) return;
    const offers = [...this.mesos.agents.values()]
      .filter((a) => a.active)
      .map((agent) => ({ agent, free: this.mesos.freeResources(agent.id), ops: 0, id: `${this.mesos.clusterId}-O${this.offerSeq++}`, seenBy: new Set<string>() }))
      .filter((o) => o.free.cpus >= 0.01 || o.free.mem >= 32);
    for (let round = 0; round < this.opts.maxInstancesPerOffer; round++) {
      let launched = false;
      for (const offer of offers) {
        if (offer.ops > round) continue;
        for (const appId of waiting) {
          if (this.needed(appId) === 0) continue;
          const app = this.host.app(appId)!;
          const placed = this.instancesOf(appId).filter((i) => !i.killing);
          const reasons = rejectReasons(app.spec, offer.agent, offer.free, placed, this.mesos.agents);
          const stats = this.statsFor(appId);
          const firstLook = !offer.seenBy.has(appId);
          offer.seenBy.add(appId);
          if (firstLook) stats.processedOffersCount++;
          if (reasons.length === 0) {
            this.launch(app, offer.agent, offer.free);
            stats.lastUsedOfferAt = iso(now);
            stats.lastUnusedOffers.delete(offer.agent.id);
            offer.ops++;
            launched = true;
            break;
          }
          if (firstLook) {
            stats.unusedOffersCount++;
            stats.lastUnusedOfferAt = iso(now);
            const first = FUNNEL.find((r) => reasons.includes(r))!;
            stats.launchAttemptDeclined.set(first, (stats.launchAttemptDeclined.get(first) ?? 0) + 1);
            stats.lastUnusedOffers.set(offer.agent.id, { offer: this.offerJson(offer.agent, offer.free, offer.id), reason: reasons, timestamp: iso(now) });
          }
        }
      }
      if (!launched) break;
    }
    for (const appId of waiting) if (this.needed(appId) === 0) this.stats.delete(appId);
  }

  /** Places one instance now and, for seeded clusters, makes it TASK_RUNNING at once. */
  placeRunning(app: App, agent: Agent, free: Resources): void {
    this.launch(app, agent, free, true);
  }

  private launch(app: App, agent: Agent, free: Resources, immediate = false): void {
    const spec = app.spec;
    const uuid = this.rng.uuid();
    const prefix = taskIdPrefix(spec.id);
    const ports = pickPorts(spec, free.ports, this.rng);
    free.cpus -= spec.cpus;
    free.mem -= spec.mem;
    free.disk -= spec.disk;
    free.gpus -= spec.gpus;
    const used = new Set(ports);
    free.ports = free.ports.flatMap((r) => {
      const out: { begin: number; end: number }[] = [];
      let b = r.begin;
      for (const p of [...used].sort((x, y) => x - y)) {
        if (p < b || p > r.end) continue;
        if (p > b) out.push({ begin: b, end: p - 1 });
        b = p + 1;
      }
      if (b <= r.end) out.push({ begin: b, end: r.end });
      return out;
    });
    void rangesSize;
    const bridged = spec.networks.some((n) => n.mode === "container/bridge");
    const mappings = spec.container?.portMappings ?? [];
    const docker = spec.container?.docker
      ? {
          image: spec.container.docker.image,
          network: (bridged ? "BRIDGE" : spec.networks[0]?.mode === "container" ? "USER" : "HOST") as "BRIDGE" | "HOST" | "USER",
          portMappings: bridged ? mappings.map((m, i) => ({ host_port: ports[i]!, container_port: m.containerPort || ports[i]!, protocol: m.protocol })) : [],
          parameters: spec.container.docker.parameters,
          privileged: spec.container.docker.privileged,
          forcePullImage: spec.container.docker.forcePullImage,
        }
      : undefined;
    const slots = spec.container?.portMappings ?? spec.portDefinitions ?? [];
    this.mesos.launchTask({
      id: `${prefix}.${uuid}`,
      name: toHostname(spec.id),
      frameworkId: this.host.frameworkId(),
      slaveId: agent.id,
      resources: { cpus: spec.cpus, mem: spec.mem, disk: spec.disk, gpus: spec.gpus, ports: portsToRanges(ports) },
      role: "*",
      discovery: { name: toHostname(spec.id), ports: slots.map((s, i) => ({ number: ports[i]!, ...(s.name ? { name: s.name } : {}), protocol: s.protocol })) },
      docker,
    });
    const instance: Instance = {
      instanceId: `${prefix}.marathon-${uuid}`,
      taskId: `${prefix}.${uuid}`,
      appId: spec.id,
      version: app.version,
      configVersion: app.versionInfo.lastConfigChangeAt,
      agentId: agent.id,
      host: agent.hostname,
      state: "TASK_STAGING",
      stagedAt: iso(this.clock.now()),
      startedAt: null,
      ports,
      servicePorts: slots.map((s) => ("servicePort" in s ? s.servicePort : s.port)),
      killing: false,
    };
    this.instances.set(instance.instanceId, instance);
    (this.byApp.get(spec.id) ?? this.byApp.set(spec.id, new Set()).get(spec.id)!).add(instance.instanceId);
    // Marathon 1.5.1 on Mesos 1.4 publishes no status_update_event at launch, only "Created"
    // (InstanceUpdater.scala:25-28, audit §1.8).
    this.publishInstanceChanged(instance, "Created");
    if (immediate) {
      this.running(instance, bridged);
      return;
    }
    if (this.opts.sendTaskStarting) this.later(this.timing.taskRunningAfterMs / 2, () => this.statusUpdate(instance, "TASK_STARTING"));
    this.later(this.timing.taskRunningAfterMs, () => this.running(instance, bridged));
  }

  private publishInstanceChanged(i: Instance, condition: string): void {
    this.bus.publish({
      instanceId: i.instanceId,
      condition,
      runSpecId: i.appId,
      agentId: i.agentId,
      host: i.host,
      runSpecVersion: i.version,
      timestamp: iso(this.clock.now()),
      eventType: "instance_changed_event",
    });
  }

  private publishStatus(i: Instance, state: string, message = ""): void {
    this.bus.publish({
      slaveId: i.agentId,
      taskId: i.taskId,
      taskStatus: state,
      message,
      appId: i.appId,
      host: i.host,
      ipAddresses: i.ipAddress ? [{ ipAddress: i.ipAddress, protocol: "IPv4" }] : [],
      ports: i.ports,
      version: i.version,
      eventType: "status_update_event",
      timestamp: iso(this.clock.now()),
    });
  }

  private statusUpdate(i: Instance, state: "TASK_STARTING"): void {
    if (!this.instances.has(i.instanceId) || i.killing) return;
    i.state = state;
    this.mesos.updateTask(i.taskId, { state });
    this.publishStatus(i, state);
    this.publishInstanceChanged(i, "Starting");
    this.host.onInstancesChanged();
  }

  private running(i: Instance, bridged: boolean): void {
    if (!this.instances.has(i.instanceId) || i.killing) return;
    const agent = this.mesos.agents.get(i.agentId);
    if (!agent) return;
    // BRIDGE tasks: Mesos and Marathon report Docker's bridge IP, not the Weave IP (audit §2.2).
    i.ipAddress = bridged ? this.mesos.nextBridgeIp(agent.id) : agent.ip;
    i.state = "TASK_RUNNING";
    i.startedAt = iso(this.clock.now());
    this.mesos.updateTask(i.taskId, { state: "TASK_RUNNING", containerId: this.rng.uuid4(), ipAddress: i.ipAddress, dockerBridgeLabel: bridged });
    this.publishStatus(i, "TASK_RUNNING");
    this.publishInstanceChanged(i, "Running");
    const app = this.host.app(i.appId);
    if (app?.spec.healthChecks.length) this.later(this.timing.healthyAfterMs, () => this.healthResult(i));
    if (!this.seeding) this.afterChange(i.appId);
  }

  healthResult(i: Instance): void {
    if (!this.instances.has(i.instanceId) || i.killing) return;
    const healthy = !this.unhealthyApps.has(i.appId);
    const changed = i.healthy !== healthy;
    i.healthy = healthy;
    if (healthy && !i.firstHealthyAt) i.firstHealthyAt = iso(this.clock.now());
    if (changed) {
      this.bus.publish({ instanceId: i.instanceId, runSpecId: i.appId, healthy, runSpecVersion: i.version, eventType: "instance_health_changed_event", timestamp: iso(this.clock.now()) });
      this.bus.publish({ appId: i.appId, instanceId: i.instanceId, version: i.version, alive: healthy, eventType: "health_status_changed_event", timestamp: iso(this.clock.now()) });
      const task = this.mesos.tasks.get(i.taskId);
      if (task) this.mesos.updateTask(i.taskId, { state: task.state, healthy });
    }
    const app = this.host.app(i.appId);
    if (app?.spec.healthChecks.length) this.later(app.spec.healthChecks[0]!.intervalSeconds * 1000, () => this.healthResult(i));
    if (changed) this.afterChange(i.appId);
  }

  kill(i: Instance): void {
    if (i.killing) return;
    i.killing = true;
    this.later(this.timing.killAfterMs, () => this.terminal(i, "TASK_KILLED", "Killed", "Command terminated with signal Terminated"));
  }

  /** A task ends: Mesos status, Marathon events, and for failures the backoff and lastTaskFailure. */
  terminal(i: Instance, state: "TASK_KILLED" | "TASK_FAILED" | "TASK_LOST" | "TASK_FINISHED", condition: string, message: string): void {
    if (!this.instances.has(i.instanceId)) return;
    i.state = state;
    if (this.mesos.tasks.has(i.taskId)) this.mesos.updateTask(i.taskId, { state, message });
    this.instances.delete(i.instanceId);
    this.byApp.get(i.appId)?.delete(i.instanceId);
    this.publishStatus(i, state, message);
    this.publishInstanceChanged(i, condition);
    if (state === "TASK_FAILED" || state === "TASK_LOST") {
      this.lastTaskFailure.set(i.appId, { appId: i.appId, host: i.host, message, state, taskId: i.taskId, timestamp: iso(this.clock.now()), version: i.version, slaveId: i.agentId });
      const app = this.host.app(i.appId);
      if (app && !i.killing) {
        const b = this.backoff.get(i.appId) ?? { until: 0, failures: 0 };
        const delay = Math.min(app.spec.backoffSeconds * app.spec.backoffFactor ** b.failures, app.spec.maxLaunchDelaySeconds);
        this.backoff.set(i.appId, { until: this.clock.now() + delay * 1000, failures: b.failures + 1 });
        this.later(delay * 1000, () => this.kick());
      }
    }
    this.afterChange(i.appId);
  }

  /** The Mesos model lost a task (agent removed): Marathon sees TASK_LOST. */
  lostTask(taskId: string): void {
    const i = [...this.instances.values()].find((x) => x.taskId === taskId);
    if (i) this.terminal(i, "TASK_LOST", "Gone", "Agent removed");
  }

  resetDelay(appId: string): boolean {
    if (!this.backoff.has(appId)) return false;
    this.backoff.delete(appId);
    this.kick();
    return true;
  }

  private afterChange(appId: string): void {
    this.reconcileApp(appId);
    this.host.onInstancesChanged();
    this.kick();
  }

  /** GET /v2/queue items (QueueInfoConversion.scala:20-72@v1.5.1). */
  queueItems(embedLastUnusedOffers: boolean, appJson: (app: App) => Record<string, unknown>): Record<string, unknown>[] {
    const now = this.clock.now();
    const items: Record<string, unknown>[] = [];
    for (const appId of this.launchTarget.keys()) {
      const count = this.needed(appId);
      const app = this.host.app(appId);
      if (!count || !app) continue;
      const s = this.statsFor(appId);
      const until = this.backoff.get(appId)?.until ?? 0;
      const timeLeft = Math.max(0, Math.ceil((until - now) / 1000));
      const last = [...s.lastUnusedOffers.values()];
      const lastFirst = last.map((o) => FUNNEL.find((r) => o.reason.includes(r))!);
      const summary: Record<string, unknown> = { processedOffersCount: s.processedOffersCount, unusedOffersCount: s.unusedOffersCount };
      if (s.lastUnusedOfferAt) summary.lastUnusedOfferAt = s.lastUnusedOfferAt;
      if (s.lastUsedOfferAt) summary.lastUsedOfferAt = s.lastUsedOfferAt;
      summary.rejectSummaryLastOffers = funnel(last.length, (r) => lastFirst.filter((x) => x === r).length);
      summary.rejectSummaryLaunchAttempt = funnel(s.processedOffersCount, (r) => s.launchAttemptDeclined.get(r) ?? 0);
      const item: Record<string, unknown> = { count, delay: { timeLeftSeconds: timeLeft, overdue: timeLeft === 0 }, since: s.since, processedOffersSummary: summary };
      if (embedLastUnusedOffers) item.lastUnusedOffers = last;
      item.app = appJson(app);
      items.push(item);
    }
    return items;
  }
}

/** All eight reasons in funnel order; processed(i) = processed(i−1) − declined(i−1). */
function funnel(first: number, declined: (r: RejectReason) => number): { reason: RejectReason; declined: number; processed: number }[] {
  let processed = first;
  return FUNNEL.map((reason) => {
    const d = declined(reason);
    const step = { reason, declined: d, processed };
    processed -= d;
    return step;
  });
}
