import type { ClusterSettings } from "../../cluster/clusterSettingsSchema.ts";

export interface ConfigureArg {
  arg: string;
  /** Shown in the dry run and the downloaded runbook, above the configure line. */
  why: string;
}

/**
 * What Mesos's configure needs on today's distributions, each measured by a real build
 * (docs/builds.md; docs/jobs-and-recipes.md, "Configure arguments"). Constants only: nothing here comes from a
 * person, so the values need no grammar of their own (they are still quoted where they are used).
 */
export function mesosConfigureArgs(settings: ClusterSettings): ConfigureArg[] {
  const args: ConfigureArg[] = [];
  if (settings.mesosSource === "git" && settings.mesosZlibCheckFix) {
    args.push({
      arg: "ac_cv_lib_z_deflate__gzread__gzwrite__inflate=yes",
      why: "autoconf 2.70+ (Debian 12, Ubuntu 22.04+) turns Mesos's zlib check into invalid C++ and configure stops with 'cannot find libz'; a release tarball's configure predates it",
    });
  }
  if (settings.mesosDisableWerror) {
    args.push({
      arg: "--disable-werror",
      why: "GCC 9+ warns where Mesos's default -Werror makes every warning fatal (863 in the first 35 objects of src/ with GCC 12)",
    });
  }
  if (settings.mesosDisablePython) {
    args.push({
      arg: "--disable-python",
      why: "Mesos's Python bindings need Python 2 (configure stops at 'checking python2 module: google.protobuf... no'), which Debian 12 and Ubuntu 24.04 no longer package; Marathon uses the Java bindings, which stay on",
    });
  }
  return args;
}
