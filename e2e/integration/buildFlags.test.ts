// The Build on a test host with the flags today's systems need (docs/builds.md): configure runs
// with the chosen arguments (read from what the host's configure recorded, not from Armdeck's
// script), a tree that fails the way the real ones failed is explained in words naming the
// setting, and builds once the setting is on. One x86_64 host, only Prerequisites and Mesos.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClusterHost } from "../harness/clusterHosts";
import { useRunnerCluster } from "../harness/inProcessRuns";
import { useFreshTestDatabase } from "../harness/testDatabase";

useFreshTestDatabase();
const { saveClusterSettings, getClusterSettings } = await import("../../lib/cluster/clusterSettings.ts");
const { logPath } = await import("../../lib/jobs/logStore.ts");

const actor = { username: "tester" };
const CLUSTER = 1; // the migration's "default" cluster
const cluster = useRunnerCluster([{ arch: "x86_64", hostname: "bf-node" }], actor);
let host: ClusterHost;
beforeAll(() => {
  host = cluster.hosts[0]!;
});

async function build(settings: Record<string, unknown>) {
  await saveClusterSettings(CLUSTER, { ...(await getClusterSettings(CLUSTER)), ...settings }, actor);
  const run = await cluster.runPlan("bring-up", 300_000, { components: ["prerequisites", "mesos"] });
  const failed = run.jobs.find((j) => j.status === "failed");
  return { run, failed };
}

/** What the host's configure itself recorded of its command line (config.log, as the real one writes it). */
const recordedConfigure = () => readFileSync(host.hostPath("/opt/armdeck/mesos-1.11.0/build/config.log"), "utf8").split("\n").find((l) => l.startsWith("  $ ")) ?? "";

describe("building Mesos with the flags today's systems need", () => {
  it("without --disable-python, configure stops for want of Python 2, and the failure says which setting fixes it", async () => {
    const { run, failed } = await build({ mesosDisablePython: false, mesosDisableWerror: false });
    expect(run.status).toBe("failed");
    expect(failed).toMatchObject({ stepId: "mesos.configure", nodeName: "bf-node" });
    expect(readFileSync(logPath(failed!.id), "utf8")).toContain("configure: error: failed to find required module google.protobuf");
    expect(failed!.failure).toContain("Known problem: The Python bindings need Python 2.");
    expect(failed!.failure).toContain("mesosDisablePython");
    // The default version, checked out for real on the host.
    expect((await host.exec("git -C /opt/armdeck/mesos-1.11.0 describe --tags --exact-match")).stdout).toBe("1.11.0\n");
  });

  it("with -Werror left on, GCC 12's first warning stops make, and the failure names --disable-werror's setting", async () => {
    const { run, failed } = await build({ mesosDisablePython: true, mesosDisableWerror: false });
    expect(run.status).toBe("failed");
    expect(failed).toMatchObject({ stepId: "mesos.make" });
    const configured = recordedConfigure();
    expect(configured).toContain("'--disable-python'");
    expect(configured).toContain("'ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes'");
    expect(configured).not.toContain("--disable-werror");
    expect(readFileSync(logPath(failed!.id), "utf8")).toContain("cc1plus: all warnings being treated as errors");
    expect(failed!.failure).toContain("Known problem: A compiler warning made fatal by -Werror.");
    expect(failed!.failure).toContain("mesosDisableWerror");
  });

  it("with the defaults, configure runs again with --disable-werror and Mesos builds and installs", async () => {
    const { run, failed } = await build({ mesosDisablePython: true, mesosDisableWerror: true });
    expect(failed).toBeUndefined();
    expect(run.status).toBe("succeeded");
    const configured = recordedConfigure();
    for (const arg of ["'ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes'", "'--disable-werror'", "'--disable-python'"]) expect(configured).toContain(arg);
    expect((await host.exec("/usr/local/sbin/mesos-master --version")).stdout).toBe("mesos 1.11.0\n");
    // The JDK Prepare chose for this Debian 12 host (it packages no JDK 8).
    expect((await host.exec("dpkg-query -W -f='${Status}' openjdk-17-jdk-headless")).stdout).toBe("install ok installed");
  });
});
