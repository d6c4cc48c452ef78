// Marathon 1.5.1's group/app/deployment logic over the shared Mesos model: the operations the
// REST routes call, with Marathon's conflict rules (409 exists / app locked), its 422 bodies, and
// deployments run step by step (DeploymentActor: a step ends when its instances run, and are
// healthy if they have health checks).

import type { Clock } from "../clock";
import type { MesosCluster } from "../mesos/cluster";
import type { SeededRandom } from "../random";
import { Issues, normalizeApp, specKey } from "./appDefinition";
import { EventBus } from "./eventBus";
import { allApps, applyGroupUpdate, checkAcyclic, cloneGroup, emptyGroup, ensureGroup, findGroup, type PendingApp } from "./groupTree";
import { parentOf, resolvePath } from "./pathId";
import { affectedApps, computePlan } from "./plan";
import { DEFAULT_TIMING, Scheduler, type SchedulerTiming } from "./scheduler";
import { MarathonError, type App, type DeploymentStep, type Group } from "./types";
import { appDefinitionJson, groupDefinitionJson, stepsJson, type AppRuntime } from "./writers";

export interface Deployment {
  id: string;
  version: string;
  steps: DeploymentStep[];
  original: Group;
  target: Group;
  affectedApps: string[];
  /** 0 until the DeploymentActor started step 1 (1.5.1 lists it only from then on). */
  currentStep: number;
}

export interface DeployResult {
  version: string;
  deploymentId: string;
}

const LOCKED_MESSAGE =
  "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.";

export class MarathonModel {
  root: Group;
  readonly bus = new EventBus();
  readonly scheduler: Scheduler;
  readonly deployments: Deployment[] = [];
  private readonly usedServicePorts = new Set<number>();
  private nextServicePort = 10000;
  private lastVersionMs = 0;
  readonly frameworkIdValue: string;

  constructor(
    private readonly clock: Clock,
    readonly mesos: MesosCluster,
    private readonly rng: SeededRandom,
    opts: { timing?: Partial<SchedulerTiming>; maxInstancesPerOffer?: number; frameworkHost: string; webuiUrl: string },
  ) {
    this.root = emptyGroup("/", this.newVersion());
    const framework = mesos.registerFramework({
      name: "marathon",
      pid: `scheduler-${rng.uuid4()}@${mesos.leader()?.ip ?? "127.0.0.1"}:40123`,
      hostname: opts.frameworkHost,
      webuiUrl: opts.webuiUrl,
      user: "root",
      role: "*",
      failoverTimeout: 604800,
      checkpoint: true,
      capabilities: ["PARTITION_AWARE"],
    });
    this.frameworkIdValue = framework.id;
    this.scheduler = new Scheduler(
      clock,
      mesos,
      this.bus,
      rng,
      { app: (id) => this.findApp(id), onInstancesChanged: () => this.progress(), frameworkId: () => this.frameworkIdValue },
      { ...DEFAULT_TIMING, ...opts.timing },
      // Mesos ≥ 1.5's executors send TASK_STARTING; 1.4's do not (MESOS-7941, audit §1.8).
      { maxInstancesPerOffer: opts.maxInstancesPerOffer ?? 5, sendTaskStarting: !mesos.version.startsWith("1.4") },
    );
  }

  /** ISO-8601 with milliseconds, strictly increasing so two deploys in one ms still differ. */
  newVersion(): string {
    const ms = Math.max(this.clock.now(), this.lastVersionMs + 1);
    this.lastVersionMs = ms;
    return new Date(ms).toISOString();
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  findApp(id: string): App | undefined {
    const g = findGroup(this.root, parentOf(id));
    return g?.apps.get(id);
  }

  runtime(appId: string): AppRuntime {
    return {
      instances: this.scheduler.instancesOf(appId),
      deploymentIds: this.deployments.filter((d) => d.affectedApps.includes(appId)).map((d) => d.id),
      lastTaskFailure: this.scheduler.lastTaskFailure.get(appId),
    };
  }

  // ---- versioning and service ports -------------------------------------------------------

  /**
   * Turns the apps a request defined into versioned Apps in `root`. An app whose definition did
   * not change keeps its version and its assigned service ports (GroupManagerImpl.scala:150-156),
   * which is why an unchanged PUT is a 0-step plan.
   */
  private versionApps(root: Group, defined: Map<string, PendingApp>, version: string): void {
    for (const [id, pending] of defined) {
      const old = this.findApp(id);
      const spec = pending.spec;
      if (old) this.reuseServicePorts(old, spec);
      let app: App;
      if (old && specKey(old.spec) === specKey(spec)) app = { ...old, received: pending.received };
      else if (old && specKey(old.spec, true) === specKey(spec, true)) app = { spec, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: old.versionInfo.lastConfigChangeAt }, received: pending.received };
      else app = { spec, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version }, received: pending.received };
      this.assignServicePorts(app);
      ensureGroup(root, parentOf(id), version).apps.set(id, app);
    }
  }

  private reuseServicePorts(old: App, spec: App["spec"]): void {
    const oldPm = old.spec.container?.portMappings ?? [];
    spec.container?.portMappings?.forEach((pm, i) => {
      if (pm.servicePort === 0 && oldPm[i]) pm.servicePort = oldPm[i].servicePort;
    });
    const oldPd = old.spec.portDefinitions ?? [];
    spec.portDefinitions?.forEach((pd, i) => {
      if (pd.port === 0 && oldPd[i]) pd.port = oldPd[i].port;
    });
  }

  private takeServicePort(): number {
    while (this.usedServicePorts.has(this.nextServicePort)) this.nextServicePort++;
    this.usedServicePorts.add(this.nextServicePort);
    return this.nextServicePort;
  }

  private assignServicePorts(app: App): void {
    for (const pm of app.spec.container?.portMappings ?? []) {
      if (pm.servicePort === 0) pm.servicePort = this.takeServicePort();
      else this.usedServicePorts.add(pm.servicePort);
    }
    for (const pd of app.spec.portDefinitions ?? []) {
      if (pd.port === 0) pd.port = this.takeServicePort();
      else this.usedServicePorts.add(pd.port);
    }
  }

  // ---- deployments ----------------------------------------------------------------------

  /** Plans original → target, applies the lock rules, stores the new root and starts the plan. */
  deploy(target: Group, opts: { force: boolean; changedPath: string; version: string }): DeployResult {
    checkAcyclic(target);
    const steps = computePlan(this.root, target);
    const affected = affectedApps(steps);
    const conflicts = this.deployments.filter((d) => d.affectedApps.some((a) => affected.includes(a)));
    const id = this.rng.uuid4();
    if (conflicts.length && !opts.force) {
      const rejected = { id, original: this.root, target, steps, version: opts.version };
      this.publish({ id, plan: this.planJson(rejected), eventType: "deployment_failed" });
      this.publish({ groupId: parentOf(opts.changedPath), version: opts.version, reason: LOCKED_MESSAGE, eventType: "group_change_failed" });
      throw new MarathonError(409, { message: LOCKED_MESSAGE, deployments: conflicts.map((d) => ({ id: d.id })) });
    }
    for (const c of conflicts) this.cancel(c);
    const deployment: Deployment = { id, version: opts.version, steps, original: this.root, target, affectedApps: affected, currentStep: 0 };
    target.version = opts.version;
    this.root = target;
    this.publish({ groupId: parentOf(opts.changedPath), version: opts.version, eventType: "group_change_success" });
    if (steps.length === 0) {
      // Never listed in /v2/deployments, but deployment_success is still published (audit §1.1).
      this.clock.setTimeout(() => this.publish({ id, plan: this.planJson(deployment), eventType: "deployment_success" }), 0);
    } else {
      this.deployments.push(deployment);
      this.clock.setTimeout(() => this.startStep(deployment, 1), 0);
    }
    return { version: opts.version, deploymentId: id };
  }

  private publish(event: Record<string, unknown> & { eventType: string }): void {
    this.bus.publish({ ...event, timestamp: this.now() });
  }

  private planJson(d: Pick<Deployment, "id" | "original" | "target" | "steps" | "version">): Record<string, unknown> {
    // Marathon 1.5.1 has no plan-format=light: every deployment event carries both root groups.
    return { id: d.id, original: groupDefinitionJson(d.original), target: groupDefinitionJson(d.target), steps: stepsJson(d.steps), version: d.version };
  }

  private stepEvent(d: Deployment, eventType: string): void {
    const step = d.steps[d.currentStep - 1]!;
    this.publish({ plan: this.planJson(d), currentStep: { actions: step.actions.map((a) => ({ action: a.action, app: a.app })) }, eventType });
  }

  private startStep(d: Deployment, n: number): void {
    if (!this.deployments.includes(d)) return;
    d.currentStep = n;
    this.stepEvent(d, "deployment_info");
    for (const action of d.steps[n - 1]!.actions) {
      if (action.action === "StopApplication") {
        this.scheduler.removeApp(action.app);
        this.publish({ appId: action.app, eventType: "app_terminated_event" });
      } else if (action.action === "StartApplication") this.scheduler.setTarget(action.app, 0);
      else this.scheduler.setTarget(action.app, action.scaleTo ?? 0);
    }
    this.progress();
  }

  private actionDone(action: DeploymentStep["actions"][number]): boolean {
    if (action.action === "StartApplication") return true;
    if (action.action === "StopApplication") return this.scheduler.instancesOf(action.app).length === 0;
    const app = this.findApp(action.app);
    if (!app) return true;
    const live = this.scheduler.instancesOf(action.app);
    const ready = live.filter((i) => i.configVersion === app.versionInfo.lastConfigChangeAt && this.scheduler.isReady(i, app));
    return ready.length === (action.scaleTo ?? 0) && live.length === ready.length;
  }

  /** Moves every deployment whose current step is done on to its next step or to success. */
  progress(): void {
    let moved = true;
    while (moved) {
      moved = false;
      for (const d of [...this.deployments]) {
        if (d.currentStep === 0) continue;
        if (!d.steps[d.currentStep - 1]!.actions.every((a) => this.actionDone(a))) continue;
        this.stepEvent(d, "deployment_step_success");
        moved = true;
        if (d.currentStep < d.steps.length) this.startStep(d, d.currentStep + 1);
        else {
          this.deployments.splice(this.deployments.indexOf(d), 1);
          this.publish({ id: d.id, plan: this.planJson(d), eventType: "deployment_success" });
        }
      }
    }
  }

  private cancel(d: Deployment): void {
    const idx = this.deployments.indexOf(d);
    if (idx >= 0) this.deployments.splice(idx, 1);
    this.publish({ id: d.id, plan: this.planJson(d), eventType: "deployment_failed" });
    // The scheduler's periodic scale check brings apps to their definitions afterwards.
    for (const appId of d.affectedApps) {
      const app = this.findApp(appId);
      if (app) this.scheduler.setTarget(appId, app.spec.instances);
    }
  }

  /** DELETE /v2/deployments/{id}: rollback (a new deployment back to the plan's original) or, with force, stop. */
  deleteDeployment(id: string, force: boolean): DeployResult | null {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) throw new MarathonError(404, { message: `DeploymentPlan ${id} does not exist` });
    if (force) {
      this.cancel(d);
      return null;
    }
    const reverted = cloneGroup(this.root);
    const originalApps = allApps(d.original);
    for (const appId of d.affectedApps) {
      const parent = ensureGroup(reverted, parentOf(appId), d.version);
      const orig = originalApps.get(appId);
      if (orig) parent.apps.set(appId, orig);
      else parent.apps.delete(appId);
    }
    this.cancel(d);
    return this.deploy(reverted, { force: true, changedPath: "/", version: this.newVersion() });
  }

  // ---- groups ---------------------------------------------------------------------------

  private groupBodyId(urlId: string | undefined, body: Record<string, unknown>): string {
    const base = urlId ? resolvePath(urlId, "/") : "/";
    if (typeof body.id === "string") return resolvePath(body.id, base);
    return base;
  }

  createGroup(urlId: string | undefined, body: Record<string, unknown>, force: boolean): DeployResult & { id: string } {
    if (body.id !== undefined && typeof body.id !== "string") throw new MarathonError(422, { message: "Invalid JSON", details: [{ path: "/id", errors: ["error.expected.jsstring"] }] });
    const id = this.groupBodyId(urlId, body);
    if (findGroup(this.root, id)) throw new MarathonError(409, { message: `Group ${id} is already created. Use PUT to change this group.` });
    if (this.findApp(id)) throw new MarathonError(409, { message: `An app with the path ${id} already exists.` });
    const version = this.newVersion();
    const { root, defined } = applyGroupUpdate(this.root, id, { ...body, id }, version);
    this.versionApps(root, defined, version);
    return { ...this.deploy(root, { force, changedPath: id, version }), id };
  }

  /** PUT /v2/groups/{id}: create or merge; dryRun gives the steps; {scaleBy} alone scales every app. */
  updateGroup(urlId: string | undefined, body: Record<string, unknown>, opts: { force: boolean; dryRun: boolean }): DeployResult | { steps: unknown } {
    const id = this.groupBodyId(urlId, body);
    const version = this.newVersion();
    let root: Group;
    if (body.scaleBy !== undefined) {
      const others = Object.keys(body).filter((k) => k !== "scaleBy");
      if (others.length) throw new MarathonError(422, { message: "Object is not valid", details: [{ path: "/scaleBy", errors: ["not allowed in conjunction with other properties."] }] });
      const group = findGroup(this.root, id);
      if (!group) throw new MarathonError(404, { message: `Group '${id}' does not exist` });
      root = cloneGroup(this.root);
      for (const [appId, app] of allApps(findGroup(root, id)!)) {
        const spec = { ...app.spec, instances: Math.ceil(app.spec.instances * Number(body.scaleBy)) };
        ensureGroup(root, parentOf(appId), version).apps.set(appId, { ...app, spec, version, versionInfo: { ...app.versionInfo, lastScalingAt: version } });
      }
    } else {
      const applied = applyGroupUpdate(this.root, id, { ...body, id }, version);
      root = applied.root;
      this.versionApps(root, applied.defined, version);
    }
    if (opts.dryRun) {
      checkAcyclic(root);
      return { steps: stepsJson(computePlan(this.root, root)) };
    }
    return this.deploy(root, { force: opts.force, changedPath: id, version });
  }

  deleteGroup(urlId: string | undefined, force: boolean): DeployResult {
    const id = urlId ? resolvePath(urlId, "/") : "/";
    const version = this.newVersion();
    const root = cloneGroup(this.root);
    if (id === "/") {
      root.apps.clear();
      root.groups.clear();
    } else {
      const parent = findGroup(root, parentOf(id));
      if (!parent?.groups.has(id)) throw new MarathonError(404, { message: `Group '${id}' does not exist` });
      parent.groups.delete(id);
    }
    return this.deploy(root, { force, changedPath: id, version });
  }

  // ---- apps -----------------------------------------------------------------------------

  private normalizeOne(raw: unknown, idOverride?: string): App["spec"] {
    const issues = new Issues();
    const body = idOverride && raw && typeof raw === "object" ? { ...(raw as object), id: idOverride } : raw;
    const spec = normalizeApp(body, "/", "", issues);
    issues.throwIfAny();
    return spec!;
  }

  createApp(raw: unknown, force: boolean, clientIp: string): { app: App; result: DeployResult } {
    const spec = this.normalizeOne(raw);
    if (this.findApp(spec.id)) throw new MarathonError(409, { message: `An app with id [${spec.id}] already exists.` });
    const version = this.newVersion();
    const root = cloneGroup(this.root);
    this.versionApps(root, new Map([[spec.id, { spec, received: raw }]]), version);
    this.publish({ clientIp, uri: "/v2/apps", appDefinition: appDefinitionJson(allApps(root).get(spec.id)!), eventType: "api_post_event" });
    const result = this.deploy(root, { force, changedPath: spec.id, version });
    return { app: this.findApp(spec.id)!, result };
  }

  /** PUT (partialUpdate default true) and PATCH: fields left out keep their values. */
  updateApp(urlId: string, raw: unknown, opts: { force: boolean; partial: boolean; mustExist: boolean; clientIp: string; uri: string }): { created: boolean; result: DeployResult } {
    const id = resolvePath(urlId, "/");
    const old = this.findApp(id);
    if (!old && opts.mustExist) throw new MarathonError(404, { message: `App '${id}' does not exist` });
    const merged = old && opts.partial && raw && typeof raw === "object" ? { ...(old.received as object), ...(raw as object) } : raw;
    const spec = this.normalizeOne(merged, id);
    const version = this.newVersion();
    const root = cloneGroup(this.root);
    this.versionApps(root, new Map([[id, { spec, received: merged }]]), version);
    this.publish({ clientIp: opts.clientIp, uri: opts.uri, appDefinition: appDefinitionJson(allApps(root).get(id)!), eventType: "api_post_event" });
    return { created: !old, result: this.deploy(root, { force: opts.force, changedPath: id, version }) };
  }

  deleteApp(urlId: string, force: boolean): DeployResult {
    const id = resolvePath(urlId, "/");
    if (!this.findApp(id)) throw new MarathonError(404, { message: `App '${id}' does not exist` });
    const root = cloneGroup(this.root);
    findGroup(root, parentOf(id))!.apps.delete(id);
    return this.deploy(root, { force, changedPath: id, version: this.newVersion() });
  }

  restartApp(urlId: string, force: boolean): DeployResult {
    const id = resolvePath(urlId, "/");
    const old = this.findApp(id);
    if (!old) throw new MarathonError(404, { message: `App '${id}' does not exist` });
    const version = this.newVersion();
    const root = cloneGroup(this.root);
    findGroup(root, parentOf(id))!.apps.set(id, { ...old, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version } });
    return this.deploy(root, { force, changedPath: id, version });
  }
}
