// The fit against agents whose numbers are written here by hand (the stand-in's runbook
// cluster: two agents of 4 CPUs, 15025 MB, 59040 MB), with the expected words and counts worked
// out from those numbers, not from the code.
import { describe, expect, it } from "vitest";
import { checkGroup } from "./checkGroup.ts";
import { EMPTY_MARATHON, marathonContext } from "./marathonContext.ts";
import { RUNBOOK_AGENTS, stateOf, type TestAgent } from "./testing.ts";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };

const run = (body: unknown, agents: TestAgent[] = RUNBOOK_AGENTS, marathon = EMPTY_MARATHON) => checkGroup({ body, marathon, mesos: { state: stateOf(agents), fetchedAt: null } });
const app = (id: string, extra: Record<string, unknown> = {}) => ({ id, cmd: "sleep 1000", ...extra });

describe("the resource fit", () => {
  it("basic.json on the runbook's two agents: fits, explained in the runbook's words", () => {
    const r = run(basic);
    expect(r.ok).toBe(true);
    // 4 × 0.25 = 1 CPU, 4 × 128 = 512 MB, 4 × 1000 MB = 4 GB; 4 CPUs, 15025 MB ≈ 15 GB, 59040 MB ≈ 59 GB each.
    expect(r.fit.summary).toContain("4 instances need 1 CPU, 512 MB and 4 GB in all; each needs 0.25 CPU, 128 MB and 1 GB on one agent");
    expect(r.fit.summary).toContain("agent od1000-0 has 4 CPUs, 15 GB and 59 GB free");
    expect(r.fit.need).toEqual({ cpus: 1, memMb: 512, diskMb: 4000, ports: 4, instances: 4 });
    expect(r.fit.free).toMatchObject({ cpus: 8, memMb: 30050, diskMb: 118080, ports: 2 * 65535 });
    expect(r.fit.apps.map((a) => [a.id, a.placeable, a.agentsThatFitOne])).toEqual([
      ["/arm-demo/group1/ubuntu1", 2, 2],
      ["/arm-demo/group2/ubuntu2", 2, 2],
    ]);
  });

  it("counts what is used now: an agent with 3.9 of 4 CPUs used cannot take a 0.25 CPU instance", () => {
    const busy = [RUNBOOK_AGENTS[0]!, { ...RUNBOOK_AGENTS[1]!, used: { cpus: 3.9 } }];
    const r = run({ id: "/g", apps: [app("a", { cpus: 0.25, instances: 1 })] }, busy);
    expect(r.fit.apps[0]!.agentsThatFitOne).toBe(1);
  });

  it("an app bigger than any agent: refused at the field no agent has, with the largest agent named", () => {
    const r = run({ id: "/g", apps: [app("big", { mem: 64000 })] });
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.path).toBe("/apps/0/mem");
    expect(r.errors[0]!.message).toContain("no agent has 64 GB of free memory; the largest has 15 GB");
  });

  it("fits the totals but no single agent: 6 CPUs per instance on two 4-CPU agents (8 free in all)", () => {
    const r = run({ id: "/g", apps: [app("wide", { cpus: 6, mem: 128 })] });
    expect(r.ok).toBe(false);
    expect(r.fit.need.cpus).toBeLessThanOrEqual(r.fit.free.cpus);
    expect(r.errors[0]!.path).toBe("/apps/0/cpus");
    expect(r.errors[0]!.message).toContain("no agent has 6 CPUs free; the largest has 4 CPUs");
    expect(r.errors[0]!.message).toContain("each instance must fit on one agent");
    expect(r.fit.summary).toContain("the totals fit");
  });

  it("places greedily as Marathon does: 3 instances of 3 CPUs on two 4-CPU agents, only 2 fit", () => {
    const r = run({ id: "/g", apps: [app("a", { cpus: 3, mem: 128, instances: 3 })] });
    expect(r.fit.apps[0]).toMatchObject({ placeable: 2, ok: false });
    expect(r.errors[0]!.message).toContain("only 2 of 3 can be placed");
  });

  it("no default spreading: 3 instances of 1 CPU on 2 agents all fit (the third goes back onto the first agent)", () => {
    expect(run({ id: "/g", apps: [app("a", { cpus: 1, mem: 128, instances: 3 })] }).ok).toBe(true);
  });

  it("UNIQUE hostname with more instances than agents: at most 2 of 3", () => {
    const r = run({ id: "/g", apps: [app("a", { cpus: 0.1, instances: 3, constraints: [["hostname", "UNIQUE"]] })] });
    expect(r.errors[0]).toMatchObject({ path: "/apps/0/constraints" });
    expect(r.errors[0]!.message).toContain("3 instances with hostname:UNIQUE, but only 2 agents: at most 2 can run");
  });

  it("LIKE on an attribute no agent has cannot be met; on one they have, it can", () => {
    expect(run({ id: "/g", apps: [app("a", { cpus: 0.1, constraints: [["rack", "LIKE", "r1"]] })] }).errors[0]!.message).toContain('no agent has the attribute "rack"');
    expect(run({ id: "/g", apps: [app("a", { cpus: 0.1, constraints: [["arch", "LIKE", "aarch64"]] })] }).ok).toBe(true);
  });

  it("MAX_PER: hostname:MAX_PER:1 allows 2 instances on 2 agents, not 3", () => {
    expect(run({ id: "/g", apps: [app("a", { cpus: 0.1, instances: 2, constraints: [["hostname", "MAX_PER", "1"]] })] }).ok).toBe(true);
    expect(run({ id: "/g", apps: [app("a", { cpus: 0.1, instances: 3, constraints: [["hostname", "MAX_PER", "1"]] })] }).ok).toBe(false);
  });

  it("ports count: a fixed host port in use on both agents cannot be had", () => {
    const agents = RUNBOOK_AGENTS.map((a) => ({ ...a, ports: "[31000-32000]", used: { ports: "[31080-31080]" } }));
    const body = { id: "/g", apps: [{ id: "web", container: { type: "DOCKER", docker: { image: "nginx", network: "BRIDGE", portMappings: [{ containerPort: 80, hostPort: 31080 }] } } }] };
    const r = run(body, agents);
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.message).toContain("host port 31080");
  });

  it("an unchanged re-deploy fits even on a full cluster: the running instances count as placed", () => {
    const full = RUNBOOK_AGENTS.map((a) => ({ ...a, used: { cpus: 4 } }));
    const running = marathonContext({
      id: "/",
      groups: [{ id: "/g", apps: [{ id: "/g/a", instances: 2, cpus: 2, mem: 128, disk: 0, gpus: 0, tasks: [{ id: "g_a.1", slaveId: "S0", state: "TASK_RUNNING" }, { id: "g_a.2", slaveId: "S1", state: "TASK_RUNNING" }] }] }],
    });
    const body = { id: "/g", apps: [app("a", { cpus: 2, mem: 128, instances: 2 })] };
    expect(run(body, full, running).ok).toBe(true);
    expect(run(body, full).ok).toBe(false);
  });

  it("Mesos unreadable: fit.checked is false and a warning says so; the validation still runs", () => {
    const r = checkGroup({ body: basic, marathon: EMPTY_MARATHON, mesos: null, mesosProblem: "Mesos refused the connection" });
    expect(r.ok).toBe(true);
    expect(r.fit.checked).toBe(false);
    expect(r.warnings[0]!.message).toContain("Mesos refused the connection");
  });

  it("skipFit turns the fit's refusals into warnings, never the validation's", () => {
    const r = checkGroup({ body: { id: "/g", apps: [app("big", { mem: 64000 }), app("Bad")] }, marathon: EMPTY_MARATHON, mesos: { state: stateOf(RUNBOOK_AGENTS), fetchedAt: null }, skipFit: true });
    expect(r.errors.map((e) => e.path)).toEqual(["/apps/1/id"]);
    expect(r.warnings.some((w) => w.path === "/apps/0")).toBe(true);
  });
});
