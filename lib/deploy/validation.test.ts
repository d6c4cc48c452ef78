// The validation rules against Marathon's own rules as the references state them
// (../shared/reference/marathon/notes.md §4, §5, §10), never against this code's output: each
// case is a body the notes say Marathon refuses (or accepts), and the pointer where it belongs.
import { describe, expect, it } from "vitest";
import { checkGroup } from "./checkGroup.ts";
import { EMPTY_MARATHON, marathonContext } from "./marathonContext.ts";
import { resolvePathId } from "./marathonPath.ts";
import basic from "../../standin/fixtures/basic.json" with { type: "json" };

const check = (body: unknown, marathon = EMPTY_MARATHON) => checkGroup({ body, marathon, mesos: null });
const paths = (body: unknown) => check(body).errors.map((e) => e.path);
const app = (id: string, extra: Record<string, unknown> = {}) => ({ id, cmd: "sleep 1000", ...extra });

describe("Marathon's id rules", () => {
  it("resolves relative ids as notes §4 says: 'group1' under /arm-demo, '../x', '.'", () => {
    expect(resolvePathId("group1", "/arm-demo")).toBe("/arm-demo/group1");
    expect(resolvePathId("../database", "/product/service")).toBe("/product/database");
    expect(resolvePathId("specific/../../database", "/product/service")).toBe("/product/database");
    expect(resolvePathId("./x", "/a")).toBe("/a/x");
  });

  it("accepts the runbook's basic.json and the same tree written with relative ids", () => {
    expect(check(basic).errors).toEqual([]);
    const relative = { id: "/arm-demo", groups: [{ id: "group1", apps: [app("ubuntu1")] }, { id: "group2", dependencies: ["../group1"], apps: [app("./ubuntu2")] }] };
    expect(check(relative).errors).toEqual([]);
  });

  it("refuses segments outside the pattern (uppercase, leading '-', '_', whitespace, '//') at the id's pointer", () => {
    for (const bad of ["/Arm", "/-arm", "/arm_demo", "/arm demo", "/arm//demo", "/arm-"]) {
      expect(paths({ id: bad }), bad).toContain("/id");
    }
    expect(paths({ id: "/ok", apps: [app("Bad")] })).toContain("/apps/0/id");
  });

  it("refuses an app or group that is not a direct child of its group (Identifier is not child of …)", () => {
    expect(paths({ id: "/arm-demo", apps: [app("/elsewhere/x")] })).toContain("/apps/0/id");
    expect(paths({ id: "/arm-demo", groups: [{ id: "a/b", apps: [] }] })).toContain("/groups/0/id");
  });

  it("refuses the root as id, a body without id, a nested group without id, reserved app names", () => {
    expect(paths({ id: "/" })).toContain("/id");
    expect(paths({ apps: [] })).toContain("/id");
    expect(paths({ id: "/g", groups: [{ apps: [] }] })).toContain("/groups/0/id");
    for (const name of ["restart", "tasks", "versions"]) expect(paths({ id: "/g", apps: [app(name)] })).toContain("/apps/0/id");
  });

  it("refuses an id used twice and an app sharing a group's id (Groups and Applications may not have the same identifier)", () => {
    expect(paths({ id: "/g", apps: [app("a"), app("a")] })).toContain("/apps/1/id");
    const clash = check({ id: "/g", apps: [app("a")], groups: [{ id: "a" }] });
    expect(clash.errors.some((e) => /same identifier/.test(e.message))).toBe(true);
  });

  it("refuses version/scaleBy mixed into a definition (they are separate actions)", () => {
    expect(paths({ id: "/g", version: "2026-01-01T00:00:00.000Z" })).toContain("/version");
    expect(paths({ id: "/g", scaleBy: 2 })).toContain("/scaleBy");
  });
});

describe("resource minimums and app fields (notes §5)", () => {
  it("cpus below 0.001 is an error, below 0.01 a warning; negative mem/disk, fractional instances are errors", () => {
    expect(paths({ id: "/g", apps: [app("a", { cpus: 0.0005 })] })).toContain("/apps/0/cpus");
    const small = check({ id: "/g", apps: [app("a", { cpus: 0.005, mem: 16 })] });
    expect(small.errors).toEqual([]);
    expect(small.warnings.map((w) => w.path).filter(Boolean)).toEqual(["/apps/0/cpus", "/apps/0/mem"]);
    expect(paths({ id: "/g", apps: [app("a", { mem: -1 })] })).toContain("/apps/0/mem");
    expect(paths({ id: "/g", apps: [app("a", { disk: -1 })] })).toContain("/apps/0/disk");
    expect(paths({ id: "/g", apps: [app("a", { instances: 1.5 })] })).toContain("/apps/0/instances");
  });

  it("cmd of one character, cmd with args, and no command without an image are errors; an image alone is enough", () => {
    expect(paths({ id: "/g", apps: [app("a", { cmd: "x" })] })).toContain("/apps/0/cmd");
    expect(paths({ id: "/g", apps: [app("a", { args: ["a"] })] })).toContain("/apps/0/args");
    expect(paths({ id: "/g", apps: [{ id: "a" }] })).toContain("/apps/0");
    expect(check({ id: "/g", apps: [{ id: "a", container: { type: "DOCKER", docker: { image: "nginx" } } }] }).errors).toEqual([]);
  });

  it("port mappings with host networking, both network fields, NONE, bad ports and duplicate names are errors", () => {
    const docker = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: "/g", apps: [{ id: "a", container: { type: "DOCKER", docker: { image: "x", ...d } }, ...extra }] });
    expect(paths(docker({ network: "HOST", portMappings: [{ containerPort: 80 }] }))).toContain("/apps/0/container/docker/portMappings");
    expect(paths(docker({ network: "BRIDGE" }, { networks: [{ mode: "container/bridge" }] }))).toContain("/apps/0/container/docker/network");
    expect(paths(docker({ network: "NONE" }))).toContain("/apps/0/container/docker/network");
    expect(paths(docker({ network: "BRIDGE", portMappings: [{ containerPort: 70000 }] }))).toContain("/apps/0/container/docker/portMappings/0/containerPort");
    expect(paths(docker({ network: "BRIDGE", portMappings: [{ containerPort: 80, name: "web" }, { containerPort: 81, name: "web" }] }))).toContain("/apps/0/container/docker/portMappings/1/name");
  });

  it("constraints follow each operator's rule (UNIQUE takes no value, MAX_PER an integer, unknown operators refused)", () => {
    const c = (constraints: unknown) => paths({ id: "/g", apps: [app("a", { constraints })] });
    expect(check({ id: "/g", apps: [app("a", { constraints: [["hostname", "UNIQUE"], ["rack", "GROUP_BY", "2"], ["arch", "LIKE", "aarch64|x86_64"], ["rack", "MAX_PER", "2"]] })] }).errors).toEqual([]);
    expect(c([["hostname", "UNIQUE", "x"]])).toContain("/apps/0/constraints/0/2");
    expect(c([["rack", "MAX_PER", "two"]])).toContain("/apps/0/constraints/0/2");
    expect(c([["rack", "GROUP_BY", "x"]])).toContain("/apps/0/constraints/0/2");
    expect(c([["rack", "NEAR"]])).toContain("/apps/0/constraints/0/1");
    expect(c([["arch", "LIKE", "("]])).toContain("/apps/0/constraints/0/2");
    expect(c(["hostname:UNIQUE"])).toContain("/apps/0/constraints/0");
  });

  it("a health check's portIndex must address one of the app's ports; at most one MESOS_* check", () => {
    expect(paths({ id: "/g", apps: [app("a", { healthChecks: [{ protocol: "TCP", portIndex: 1 }] })] })).toContain("/apps/0/healthChecks/0/portIndex");
    expect(paths({ id: "/g", apps: [app("a", { healthChecks: [{ protocol: "MESOS_TCP" }, { protocol: "MESOS_HTTP" }] })] })).toContain("/apps/0/healthChecks/1/protocol");
  });
});

describe("dependencies (notes §4, §10.10)", () => {
  it("must name a group or app in the body or in Marathon; Marathon's ids count", () => {
    const body = { id: "/p", groups: [{ id: "svc", dependencies: ["../db"], apps: [app("web")] }] };
    expect(paths(body)).toContain("/groups/0/dependencies/0");
    const marathon = marathonContext({ id: "/", groups: [{ id: "/p", groups: [{ id: "/p/db", apps: [{ id: "/p/db/pg", instances: 1, cpus: 1, mem: 1, disk: 0, gpus: 0 }] }] }] });
    expect(checkGroup({ body, marathon, mesos: null }).errors).toEqual([]);
  });

  it("refuses self, ancestor and descendant references", () => {
    expect(paths({ id: "/p", dependencies: ["/p"], apps: [app("a")] })).toContain("/dependencies/0");
    expect(paths({ id: "/p", groups: [{ id: "g", dependencies: ["/p"], apps: [app("a")] }] })).toContain("/groups/0/dependencies/0");
    expect(paths({ id: "/p", dependencies: ["/p/g"], groups: [{ id: "g", apps: [app("a")] }] })).toContain("/dependencies/0");
    expect(paths({ id: "/p", apps: [app("a", { dependencies: ["/p"] })] })).toContain("/apps/0/dependencies/0");
  });

  it("refuses a cycle across groups and apps (Dependency graph has cyclic dependencies)", () => {
    const body = {
      id: "/p",
      groups: [
        { id: "a", dependencies: ["../b"], apps: [app("x")] },
        { id: "b", apps: [app("y", { dependencies: ["/p/a/x"] })] },
      ],
    };
    const r = check(body);
    expect(r.ok).toBe(false);
    expect(r.errors.some((e) => /cyclic/.test(e.message))).toBe(true);
    // Without the back edge the same tree is fine.
    const acyclic = structuredClone(body);
    delete (acyclic.groups[1]!.apps[0] as { dependencies?: string[] }).dependencies;
    expect(check(acyclic).errors).toEqual([]);
  });
});
