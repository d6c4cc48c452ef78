import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { MARATHON_BUILD_JDK, mesosAcceptsModernJdk, osToolchain, PROVEN_BUILDS } from "../recipes/buildMatrix.ts";
import { jdkPackageFor } from "../recipes/jdkPackage.ts";
import type { CheckStatus } from "./checkNames.ts";
import { probeValue, type ProbeValues } from "./probeOutput.ts";

// The `toolchain` check: is this node's OS, compiler and JDK a combination docs/builds.md proved
// for the chosen Mesos version? Outside it the build may still pass, so it warns (never fails),
// naming the combination and the setting to change.

const major = (v: string | undefined) => (v && /^\d+/.test(v) ? Number(/^\d+/.exec(v)![0]) : null);
const normalArch = (a: string) => (a === "amd64" ? "x86_64" : a === "arm64" ? "aarch64" : a);
/** `javac 17.0.15` → 17, `javac 1.8.0_392` → 8. */
const javacMajor = (v: string | undefined) => {
  const m = v ? /^javac (\d+)(?:\.(\d+))?/.exec(v) : null;
  if (!m) return null;
  return m[1] === "1" && m[2] ? Number(m[2]) : Number(m[1]);
};

export function evaluateToolchain(settings: ClusterSettings, node: { isMaster: boolean }, values: ProbeValues): { status: CheckStatus; detail: string } {
  const get = (k: string) => probeValue(values, k);
  const osId = get("os_id") ?? "";
  const osVersion = get("os_version") ?? "";
  const arch = normalArch(get("arch") ?? "");
  const os = osToolchain(osId, osVersion);
  const osName = os?.name ?? ([osId, osVersion].filter(Boolean).join(" ") || "an unknown OS");
  // Before Prepare there is often no gcc yet: build-essential will install the release's own.
  const gcc = major(get("gcc")) ?? os?.gccMajor ?? null;
  const gccWords = get("gcc") ? `GCC ${get("gcc")}` : gcc ? `GCC ${gcc} (build-essential, once Prepare installs it)` : "an unknown GCC";
  const jdk = jdkPackageFor(settings, { osId, osVersion }).pkg;
  const installed = javacMajor(get("javac"));
  const javac = installed ?? major(/^openjdk-(\d+)/.exec(jdk)?.[1]);
  const candidate = get("jdk_candidate");
  const combo = `Mesos ${settings.mesosVersion} on ${osName} with ${gccWords} (${arch || "unknown architecture"})`;

  const problems: string[] = [];
  if (settings.mesosVersion === "1.4.0") {
    problems.push("1.4.0 does not compile on glibc 2.26+ (<xlocale.h>): set mesosVersion to 1.4.3 or 1.11.0");
  }
  if (gcc !== null && gcc >= 9 && !settings.mesosDisableWerror) problems.push(`GCC ${gcc}'s warnings are fatal under -Werror: turn on mesosDisableWerror`);
  if (!settings.mesosDisablePython && !os?.python2) problems.push(`${osName} has no Python 2 for the Python bindings: turn on mesosDisablePython`);
  if (javac !== null && javac > 8 && !mesosAcceptsModernJdk(settings.mesosVersion)) {
    problems.push(`Mesos ${settings.mesosVersion}'s configure and javah need JDK 8, not ${javac}: set mesosVersion to 1.4.3 or later`);
  }
  if (installed === null && candidate !== undefined && (candidate === "" || candidate === "(none)")) {
    const offered = os ? ` (${os.name} packages ${os.jdks.map((v) => `openjdk-${v}-jdk-headless`).join(", ")})` : "";
    problems.push(`apt has no candidate for ${jdk}: set jdkPackage to a JDK this OS packages${offered}, or run apt-get update`);
  }
  if (node.isMaster && javac !== null && javac !== MARATHON_BUILD_JDK) {
    problems.push(
      settings.marathonSource === "git"
        ? `Marathon's sbt build is of JDK ${MARATHON_BUILD_JDK}'s era and is not proven with JDK ${javac} (${jdk}): where the OS packages openjdk-8, set jdkPackage to openjdk-8-jdk-headless, or set marathonSource to tarball (Marathon's release: no sbt build)`
        : `Marathon ${settings.marathonVersion}'s release is built for Java ${MARATHON_BUILD_JDK}; running it on JDK ${javac} (${jdk}) is not proven: where the OS packages openjdk-8, set jdkPackage to openjdk-8-jdk-headless`,
    );
  }
  if (problems.length) return { status: "warn", detail: `${combo}: ${problems.join("; ")} (docs/builds.md)` };

  const proven = PROVEN_BUILDS.find((p) => p.mesosVersion === settings.mesosVersion && p.osId === osId && p.osVersion === osVersion && p.gccMajor === gcc && p.arch === arch);
  if (proven) return { status: "ok", detail: `${combo}: proven by a real build (${proven.reached})` };
  const where = PROVEN_BUILDS.map((p) => `${p.mesosVersion} on ${osToolchain(p.osId, p.osVersion)?.name ?? p.osId} with GCC ${p.gccMajor} (${p.arch})`).join(", ");
  return {
    status: "warn",
    detail: `${combo} is not a combination a real build proved (docs/builds.md proves ${where}); it is expected to build with the configure arguments shown, and the build's failure names the fix if not. To stay on proven ground use that OS or set mesosVersion to ${PROVEN_BUILDS[0]!.mesosVersion}`,
  };
}
