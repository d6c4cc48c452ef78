import { oneLine } from "../../shell/oneLine.ts";
import { shQuote } from "../../shell/quote.ts";
import { jdkPackageFor } from "../jdkPackage.ts";
import type { RecipeContext, StepDef } from "../recipeTypes.ts";

// The runbook's packages under today's names (python-* became python3-*, openjdk-8 is gone from
// current releases: the JDK is a setting, "auto" choosing per OS). netcat-openbsd is for the ZooKeeper status probe.
export const BASE_PACKAGES = [
  "tar", "wget", "git", "curl", "ca-certificates", "gnupg",
  "autoconf", "libtool", "automake", "bc",
  "build-essential", "python3-dev", "python3-six", "python3-virtualenv", "libcurl4-nss-dev", "libsasl2-dev", "libsasl2-modules",
  "maven", "libapr1-dev", "libsvn-dev", "zlib1g-dev", "netcat-openbsd",
];

const jdk = (c: RecipeContext) => shQuote(jdkPackageFor(c.settings, c.node).pkg);

const allInstalled = (pkgs: string) =>
  `for p in ${pkgs}; do dpkg-query -W -f='\${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || exit 1; done`;

export const prerequisiteSteps: StepDef[] = [
  {
    id: "prereq.packages",
    component: "prerequisites",
    title: "Install build packages and the JDK",
    where: "all",
    after: [],
    mutating: true,
    check: (c) => allInstalled(`${BASE_PACKAGES.join(" ")} ${jdk(c)}`),
    run: (c) =>
      [
        `# ${oneLine(`${jdkPackageFor(c.settings, c.node).pkg}: ${jdkPackageFor(c.settings, c.node).why}`)}`,
        "apt-get update",
        `apt-get install -y --no-install-recommends ${BASE_PACKAGES.join(" ")} ${jdk(c)}`,
      ].join("\n"),
  },
  {
    id: "prereq.docker",
    component: "prerequisites",
    title: "Install Docker",
    where: "all",
    after: ["prereq.packages"],
    mutating: true,
    check: () => "command -v docker",
    run: (c) => `apt-get install -y --no-install-recommends ${c.q.dockerPackage}`,
  },
  {
    id: "prereq.sbt",
    component: "prerequisites",
    title: "Install sbt (to build Marathon)",
    where: "master",
    after: ["prereq.packages"],
    mutating: true,
    // Only the git route builds Marathon; a release tarball needs no sbt.
    appliesTo: (c) => c.settings.marathonSource === "git",
    check: () => "command -v sbt",
    run: (c) =>
      [
        `echo "deb "${c.q.sbtAptRepo}" all main" > /etc/apt/sources.list.d/sbt.list`,
        `apt-key adv --keyserver ${c.q.sbtKeyserver} --recv ${c.q.sbtKeyId}`,
        "apt-get update",
        "apt-get install -y --no-install-recommends sbt",
      ].join("\n"),
  },
  {
    id: "prereq.image",
    component: "prerequisites",
    title: "Pre-pull the base container image",
    where: "all",
    after: ["prereq.docker"],
    mutating: true,
    check: (c) => `docker image inspect ${c.q.dockerImage} >/dev/null`,
    run: (c) => `docker pull ${c.q.dockerImage}`,
  },
];
