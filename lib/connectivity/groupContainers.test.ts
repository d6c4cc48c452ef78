import { describe, expect, it } from "vitest";
import { marathonGroupSchema } from "../marathon/marathonSchemas.ts";
import { mesosStateSchema } from "../mesos/mesosSchemas.ts";
import { groupContainers, type GroupNode } from "./groupContainers.ts";
import { nodeCheckScript } from "./nodeCheckScript.ts";
import { nodePlans, planLayout } from "./planCheck.ts";

// The join from Marathon's tasks and Mesos' container ids to containers on Armdeck's nodes, with a
// hostile Marathon state: what is not a valid name or container id is left out with a note, and an
// app id (never needed by the node scripts) stays data in the layout only.

const HOSTILE_APP = "/arm-demo/$(touch /tmp/armdeck-canary)";
const HOSTILE_HOSTNAME = "ubuntu2.weave.local;touch /tmp/armdeck-canary";
const HOSTILE_CONTAINER = "c3'; touch /tmp/armdeck-canary; '";

const app = (id: string, hostname: string | null, tasks: { id: string; host: string }[]) => ({
  id,
  instances: tasks.length,
  container: { type: "DOCKER", docker: { image: "ubuntu:16.04", network: "BRIDGE", parameters: hostname ? [{ key: "hostname", value: hostname }] : [] } },
  tasks: tasks.map((t) => ({ ...t, appId: id, state: "TASK_RUNNING" })),
});

const group = marathonGroupSchema.parse({
  id: "/arm-demo",
  groups: [
    { id: "/arm-demo/group1", apps: [app("/arm-demo/group1/ubuntu1", "ubuntu1.weave.local", [{ id: "t1", host: "192.0.2.1" }, { id: "t2", host: "od1000-1" }])] },
    { id: "/arm-demo/group2", apps: [app("/arm-demo/group2/ubuntu2", HOSTILE_HOSTNAME, [{ id: "t3", host: "192.0.2.1" }]), app(HOSTILE_APP, null, [{ id: "t4", host: "192.0.2.1" }, { id: "t5", host: "elsewhere" }])] },
  ],
});

const task = (id: string, containerId: string) => ({ id, state: "TASK_RUNNING", slave_id: "a1", statuses: [{ state: "TASK_RUNNING", container_status: { container_id: { value: containerId } } }] });
const state = mesosStateSchema.parse({
  id: "master-1",
  slaves: [{ id: "a1", hostname: "192.0.2.1" }],
  frameworks: [{ id: "marathon", name: "marathon", tasks: [task("t1", "c1"), task("t2", "c2"), task("t3", HOSTILE_CONTAINER), task("t4", "c4"), task("t5", "c5")] }],
});

const nodes: GroupNode[] = [
  { id: "n0", name: "od1000-0", aliases: ["od1000-0", "192.0.2.1"] },
  { id: "n1", name: "od1000-1", aliases: ["od1000-1", "192.0.2.2"] },
];

describe("groupContainers", () => {
  const found = groupContainers(group, state, nodes);

  it("joins tasks to containers (mesos-<container id>) on the nodes Mesos and Marathon name", () => {
    expect(found.containers.map((c) => [c.task, c.node, c.container, c.hostname])).toEqual([
      ["t1", "od1000-0", "mesos-c1", "ubuntu1.weave.local"],
      ["t2", "od1000-1", "mesos-c2", "ubuntu1.weave.local"],
      ["t4", "od1000-0", "mesos-c4", null],
    ]);
  });

  it("leaves out what is not valid, each with a note that names it", () => {
    expect(found.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining("is not a name in the weave.local domain"),
        expect.stringContaining("which is not a Docker container name; left out"),
        expect.stringContaining(`has no "hostname" parameter`),
        expect.stringContaining(`Task "t5" runs on "elsewhere", which is not one of this cluster's nodes`),
      ]),
    );
  });

  it("no app id, hostile hostname or hostile container id reaches a node script", () => {
    const layout = planLayout("/arm-demo", found.containers, (c) => `10.32.0.${found.containers.indexOf(c) + 1}`, found.notes);
    for (const plan of nodePlans(layout).values()) {
      const script = nodeCheckScript(plan, "Connectivity check of /arm-demo");
      for (const bad of [HOSTILE_APP, "touch /tmp/armdeck-canary", "/arm-demo/group1/ubuntu1"]) expect(script).not.toContain(bad);
    }
    expect(layout.containers.find((c) => c.task === "t4")?.app).toBe(HOSTILE_APP);
  });
});
