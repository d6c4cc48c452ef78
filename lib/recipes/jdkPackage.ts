import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { MARATHON_BUILD_JDK, osToolchain } from "./buildMatrix.ts";

// Client-safe. Which JDK package a node installs when the jdkPackage setting is "auto".

export interface JdkChoice {
  pkg: string;
  /** Shown in the dry run and the runbook above the install line. */
  why: string;
}

export function jdkPackageFor(settings: Pick<ClusterSettings, "jdkPackage">, node: { osId?: string; osVersion?: string }): JdkChoice {
  if (settings.jdkPackage !== "auto") return { pkg: settings.jdkPackage, why: "the jdkPackage setting" };
  const os = osToolchain(node.osId ?? "", node.osVersion ?? "");
  if (!os) {
    const named = [node.osId, node.osVersion].filter(Boolean).join(" ") || "this OS";
    return { pkg: "default-jdk-headless", why: `auto: ${named} is not in Armdeck's build matrix, so its default JDK` };
  }
  if (os.jdks.includes(MARATHON_BUILD_JDK)) {
    return { pkg: `openjdk-${MARATHON_BUILD_JDK}-jdk-headless`, why: `auto: ${os.name} still packages JDK ${MARATHON_BUILD_JDK}, the JDK Marathon's sbt build is of; Mesos's bindings accept it` };
  }
  const newest = Math.max(...os.jdks.filter((v) => v <= 17));
  return { pkg: `openjdk-${newest}-jdk-headless`, why: `auto: ${os.name} packages no JDK ${MARATHON_BUILD_JDK}; Mesos's Java bindings compile with JDK ${newest} (docs/builds.md)` };
}
