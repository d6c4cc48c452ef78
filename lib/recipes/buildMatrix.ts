// Client-safe: what real compiles showed about building Mesos on today's distributions
// (docs/builds.md has the evidence: the errors verbatim, the versions, how far each build got).
// The settings form shows the version notes next to the version, preflight's `toolchain` check
// compares a node with the proven rows, and the JDK choice reads which JDKs an OS packages.

export type Evidence = "proven" | "expected" | "known-problem";

/** What a distribution ships that the build depends on (its own package lists, not measured here). */
export interface OsToolchain {
  osId: string;
  osVersion: string;
  name: string;
  /** The major version of the gcc that build-essential installs. */
  gccMajor: number;
  autoconf: string;
  /** Whether apt still packages a Python 2 (Mesos's Python bindings need one). */
  python2: boolean;
  /** openjdk-N-jdk-headless packages in the release's main archive. */
  jdks: number[];
}

export const OS_TOOLCHAINS: readonly OsToolchain[] = [
  { osId: "ubuntu", osVersion: "20.04", name: "Ubuntu 20.04", gccMajor: 9, autoconf: "2.69", python2: true, jdks: [8, 11, 17] },
  { osId: "ubuntu", osVersion: "22.04", name: "Ubuntu 22.04", gccMajor: 11, autoconf: "2.71", python2: true, jdks: [8, 11, 17] },
  { osId: "ubuntu", osVersion: "24.04", name: "Ubuntu 24.04", gccMajor: 13, autoconf: "2.71", python2: false, jdks: [8, 11, 17, 21] },
  { osId: "debian", osVersion: "11", name: "Debian 11", gccMajor: 10, autoconf: "2.69", python2: true, jdks: [11, 17] },
  { osId: "debian", osVersion: "12", name: "Debian 12", gccMajor: 12, autoconf: "2.71", python2: false, jdks: [17] },
];

export function osToolchain(osId: string, osVersion: string): OsToolchain | undefined {
  return OS_TOOLCHAINS.find((o) => o.osId === osId && o.osVersion === osVersion);
}

/** A combination a real build compiled here (Debian 12, GCC 12.2, x86_64: docs/builds.md). */
export interface ProvenBuild {
  mesosVersion: string;
  osId: string;
  osVersion: string;
  gccMajor: number;
  arch: string;
  /** How far it got, in words. */
  reached: string;
}

export const PROVEN_BUILDS: readonly ProvenBuild[] = [
  {
    mesosVersion: "1.11.0",
    osId: "debian",
    osVersion: "12",
    gccMajor: 12,
    arch: "x86_64",
    reached: "configure with the Java bindings on (JDK 17), then the bundled 3rdparty, libprocess, 277 objects of src/ with the master and the agent, and the JNI bindings compiled with --disable-werror --disable-python; the link and make install were not run here",
  },
];

/**
 * Known problems of each selectable Mesos version on today's systems, read from the sources of
 * each tag and, for 1.4.0 and 1.11.0, met in a real compile. Shown next to the version setting.
 */
export const MESOS_VERSION_NOTES: Record<string, string> = {
  "1.4.0":
    "The runbook's version. Does not compile on any current OS as released: stout includes <xlocale.h>, gone since glibc 2.26 (fixed in 1.4.1); configure looks for libjvm only in a JDK 8 layout and the Java bindings need javah, gone since JDK 10 (both fixed in 1.4.3). Choose 1.4.3 to stay on 1.4.",
  "1.4.3": "Closest to the runbook that compiles on glibc 2.26+ and finds JDK 9+ (javac -h). Bundles boost 1.53 and glog 0.3.3 with GCC 9+: not compiled here.",
  "1.11.0": "The last release, compiled here on Debian 12 with GCC 12 (docs/builds.md). Needs --disable-werror with GCC 9+ and --disable-python where there is no Python 2.",
};

/** Mesos versions whose configure finds a JDK 9+ and whose bindings build without javah (read from each tag's sources). */
export function mesosAcceptsModernJdk(version: string): boolean {
  return version !== "1.4.0";
}

/**
 * The JDK Marathon 1.x's sbt build is of (Scala 2.11/2.12 and sbt 0.13/1.1 of 2017-2020). Not
 * built here: Debian 12 packages no JDK 8 and sbt needs the internet (docs/builds.md).
 */
export const MARATHON_BUILD_JDK = 8;
