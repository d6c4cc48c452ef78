import { z } from "zod";

// Client-safe. Every value here ends up inside shell scripts run as root on the nodes, so each is
// held to a strict grammar (and still quoted where it is used).

// Each segment starts with its own "/", so there is one way to match a path: a nested quantifier
// here (`(?:seg\/?)*`) backtracked exponentially and let one request freeze the server.
const SAFE_PATH = /^(?:\/[A-Za-z0-9._-]+)+\/?$/;
const absPath = (what: string) =>
  z
    .string()
    .trim()
    .min(2, `${what}: an absolute path`)
    .max(200, `${what}: at most 200 characters`)
    .regex(SAFE_PATH, `${what}: an absolute path of letters, digits, '.', '_', '-' and '/'`)
    .refine((p) => !p.split("/").includes(".."), `${what}: no '..'`);

const version = z
  .string()
  .trim()
  .min(1, "Required")
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "A version or tag: letters, digits, '.', '_', '-'");

const downloadUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~%+\/{}-]*)?$/, "An http(s) URL without spaces, quotes or query strings");

export const MESOS_VERSIONS = ["1.4.0", "1.4.3", "1.5.3", "1.6.2", "1.7.3", "1.8.1", "1.9.0", "1.10.0", "1.11.0"] as const;
export const MARATHON_VERSIONS = ["v1.5.1", "v1.5.12", "v1.6.567", "v1.7.189", "v1.8.222", "v1.9.109", "v1.10.17"] as const;
export const WEAVE_VERSIONS = ["2.8.1"] as const;

export const portRangeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}-\d{1,5}$/, "A range like 31000-32000")
  .refine((r) => {
    const [lo, hi] = r.split("-").map(Number) as [number, number];
    return lo >= 1 && hi <= 65535 && lo <= hi;
  }, "Ports between 1 and 65535, low-high");

/**
 * How Mesos is compiled on today's distributions (docs/builds.md has the evidence for each).
 * Their own block, beside the sources and versions they go with.
 */
const buildToolchainSettings = {
  /** Passes --disable-python: the Python bindings need Python 2, which Debian 12 and Ubuntu 24.04 no longer package; Marathon does not use them. */
  mesosDisablePython: z.boolean().default(true),
  /** "auto" picks per node from its OS (lib/recipes/jdkPackage.ts); otherwise a Debian package name. */
  jdkPackage: z.string().trim().regex(/^[a-z0-9][a-z0-9.+-]*$/, "A Debian package name, or auto").default("auto"),
};

// Verify's schedule, per cluster. Empty (never set) means the server's ARMDECK_VERIFY_INTERVAL_S,
// so a cluster that never chose keeps the default the operator gave the server; 0 turns it off.
export const VERIFY_INTERVAL_MAX_MINUTES = 10_080;
const verifySettings = {
  // A number, not coerced: the form sends an empty field as undefined (ClusterSettingsForm), so "" is never 0 (off).
  verifyIntervalMinutes: z
    .number({ error: "Minutes: a whole number" })
    .int("Minutes: a whole number")
    .min(0, "0 (off) or more minutes")
    .max(VERIFY_INTERVAL_MAX_MINUTES, `At most ${VERIFY_INTERVAL_MAX_MINUTES} minutes (a week)`)
    .optional(),
};

export const clusterSettingsSchema = z.object({
  // The last release: the runbook's 1.4.0 does not compile on any current OS (docs/builds.md).
  mesosVersion: version.default("1.11.0"),
  mesosSource: z.enum(["git", "tarball"]).default("git"),
  mesosGitUrl: downloadUrl.default("https://github.com/apache/mesos.git"),
  /** {version} is replaced by mesosVersion. */
  mesosTarballUrl: downloadUrl.default("https://archive.apache.org/dist/mesos/{version}/mesos-{version}.tar.gz"),
  /** Passes Mesos's configure the zlib check's answer (git sources only: autoconf 2.70+ breaks the check). */
  mesosZlibCheckFix: z.boolean().default(true),
  /** Passes --disable-werror: GCC 9+ warnings are fatal under Mesos's default -Werror. */
  mesosDisableWerror: z.boolean().default(true),
  marathonVersion: version.default("v1.5.1"),
  marathonGitUrl: downloadUrl.default("https://github.com/mesosphere/marathon.git"),
  /**
   * git: clone the tag and build it with sbt (the runbook; sbt and a JDK of Marathon's era);
   * tarball: Marathon's own release, unpacked (no sbt, no build: a Java runtime runs it).
   */
  marathonSource: z.enum(["git", "tarball"]).default("git"),
  /** {version} is marathonVersion without its leading "v" (v1.5.1 → 1.5.1), as Marathon's release URLs name it. */
  marathonTarballUrl: downloadUrl.default("https://downloads.mesosphere.com/marathon/v{version}/marathon-{version}.tgz"),
  weaveVersion: version.default("2.8.1"),
  weaveScriptUrl: downloadUrl.default("https://github.com/weaveworks/weave/releases/download/v{version}/weave"),
  sbtAptRepo: downloadUrl.default("https://repo.scala-sbt.org/scalasbt/debian"),
  sbtKeyId: z.string().trim().regex(/^[0-9A-F]{16,40}$/, "A GPG key id in hex").default("2EE0EA64E40A89B84B2DF73499E82A75642AC823"),
  sbtKeyserver: z
    .string()
    .trim()
    .regex(/^hkps?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/, "hkp://host[:port]")
    .default("hkp://keyserver.ubuntu.com:80"),
  dockerPackage: z.string().trim().regex(/^[a-z0-9][a-z0-9.+-]*$/, "A Debian package name").default("docker.io"),
  dockerImage: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._/-]*(?::[A-Za-z0-9._-]+)?$/, "An image like ubuntu:16.04")
    .default("ubuntu:16.04"),
  sourceDir: absPath("Source folder").default("/opt/armdeck"),
  armdeckDir: absPath("Armdeck folder").default("/var/lib/armdeck"),
  logDir: absPath("Service log folder").default("/var/log/armdeck"),
  mesosMasterWorkDir: absPath("Mesos master work dir").default("/var/lib/mesos/master"),
  mesosAgentWorkDir: absPath("Mesos agent work dir").default("/var/lib/mesos/agent"),
  zookeeperPort: z.coerce.number().int().min(1).max(65535).default(2181),
  mesosMasterPort: z.coerce.number().int().min(1).max(65535).default(5050),
  mesosAgentPort: z.coerce.number().int().min(1).max(65535).default(5051),
  marathonPort: z.coerce.number().int().min(1).max(65535).default(8080),
  agentPorts: portRangeSchema.default("31000-32000"),
  ...buildToolchainSettings,
  ...verifySettings,
});

export type ClusterSettings = z.infer<typeof clusterSettingsSchema>;
export const DEFAULT_SETTINGS: ClusterSettings = clusterSettingsSchema.parse({});

/** The runbook offers every port; that is a warning, not an error. */
export function settingsWarnings(s: ClusterSettings): string[] {
  const warnings: string[] = [];
  const [lo, hi] = s.agentPorts.split("-").map(Number) as [number, number];
  if (hi - lo > 30000) {
    warnings.push(
      `Agents offer ports ${s.agentPorts} as resources: tasks may then take ports the nodes' own services use (sshd, ZooKeeper, Mesos, Marathon). The runbook does this for a demo; offer only the ports tasks need.`,
    );
  }
  const fixed = [s.zookeeperPort, s.mesosMasterPort, s.mesosAgentPort, s.marathonPort];
  if (fixed.some((p) => p >= lo && p <= hi)) warnings.push(`The agent port range ${s.agentPorts} includes a port a cluster service listens on.`);
  return warnings;
}
