// The benchmark's group: big, and shaped like real ones (layers of dependencies, constraints, ports).

/** 500 apps in 10 subgroups of 50, each layer depending on the one before, a third with constraints and bridge ports. */
export function bigGroup(apps = 500): Record<string, unknown> {
  const groups = Array.from({ length: 10 }, (_, g) => ({
    id: `team-${g}`,
    ...(g > 0 ? { dependencies: [`../team-${g - 1}`] } : {}),
    apps: Array.from({ length: apps / 10 }, (_, a) => ({
      id: `svc-${a}`,
      instances: 1 + (a % 3),
      cpus: 0.1 + (a % 4) * 0.05,
      mem: 64 + (a % 5) * 64,
      disk: 100,
      cmd: "sleep 10000",
      ...(a % 3 === 0 ? { constraints: [["hostname", "UNIQUE"]], container: { type: "DOCKER", docker: { image: "nginx:1.13", network: "BRIDGE", portMappings: [{ containerPort: 80 }] } } } : {}),
      ...(a % 3 === 1 ? { constraints: [["arch", "LIKE", "aarch64"]] } : {}),
      env: { TEAM: String(g) },
    })),
  }));
  return { id: "/bench-group", groups };
}

