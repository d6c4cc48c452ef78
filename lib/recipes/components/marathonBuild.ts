import type { StepDef } from "../recipeTypes.ts";

export const marathonBuildSteps: StepDef[] = [
  {
    id: "marathon.fetch",
    component: "marathon",
    title: "Fetch the Marathon source",
    where: "master",
    after: ["prereq.packages"],
    mutating: true,
    check: (c) => `[ "$(git -C ${c.paths.marathon} describe --tags --exact-match 2>/dev/null)" = ${c.q.marathonVersion} ]`,
    run: (c) =>
      [
        `mkdir -p ${c.q.sourceDir}`,
        `if [ ! -d ${c.paths.marathon}/.git ]; then git clone ${c.q.marathonGitUrl} ${c.paths.marathon}; fi`,
        `git -C ${c.paths.marathon} checkout ${c.q.marathonVersion}`,
      ].join("\n"),
  },
  {
    id: "marathon.build",
    component: "marathon",
    title: "Build Marathon with sbt",
    where: "master",
    after: ["marathon.fetch", "prereq.sbt"],
    mutating: true,
    check: (c) => `[ "$(cat ${c.paths.state}/marathon-built 2>/dev/null)" = ${c.q.marathonVersion} ] && [ -x ${c.paths.marathon}/target/universal/stage/bin/marathon ]`,
    run: (c) =>
      [
        `cd ${c.paths.marathon}`,
        // `stage` gives a runnable bin/marathon, where the runbook's `sbt run` only works in the foreground.
        "sbt universal:stage",
        `mkdir -p ${c.paths.state}`,
        `printf '%s\\n' ${c.q.marathonVersion} > ${c.paths.state}/marathon-built`,
      ].join("\n"),
  },
];
