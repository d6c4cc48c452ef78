import { shQuote } from "../../shell/quote.ts";
import { marathonBin } from "../recipeContext.ts";
import type { RecipeContext, StepDef } from "../recipeTypes.ts";

const fromGit = (c: RecipeContext) => c.settings.marathonSource === "git";
/** Marathon's release URLs name the version without the tag's "v" (v1.5.1 → marathon-1.5.1.tgz). */
const releaseVersion = (c: RecipeContext) => shQuote(c.settings.marathonVersion.replace(/^v/, ""));
const launcher = (c: RecipeContext) => shQuote(marathonBin(c.settings));

export const marathonBuildSteps: StepDef[] = [
  {
    id: "marathon.fetch",
    component: "marathon",
    title: "Fetch Marathon (the source, or the release tarball)",
    where: "master",
    after: ["prereq.packages"],
    mutating: true,
    check: (c) =>
      fromGit(c)
        ? `[ "$(git -C ${c.paths.marathon} describe --tags --exact-match 2>/dev/null)" = ${c.q.marathonVersion} ]`
        : `[ "$(cat ${c.paths.marathon}/.armdeck-version 2>/dev/null)" = ${c.q.marathonVersion} ] && [ -x ${launcher(c)} ]`,
    run: (c) =>
      fromGit(c)
        ? [
            `mkdir -p ${c.q.sourceDir}`,
            `if [ ! -d ${c.paths.marathon}/.git ]; then git clone ${c.q.marathonGitUrl} ${c.paths.marathon}; fi`,
            `git -C ${c.paths.marathon} checkout ${c.q.marathonVersion}`,
          ].join("\n")
        : [
            // The release is what sbt would stage (bin/ and lib/): nothing to build, no sbt, no JDK of its era.
            `url=$(printf '%s' ${c.q.marathonTarballUrl} | sed "s/{version}/"${releaseVersion(c)}"/g")`,
            `mkdir -p ${c.paths.marathon}`,
            `curl -fsSL -o ${c.paths.marathon}.tgz "$url"`,
            `tar xzf ${c.paths.marathon}.tgz --strip-components=1 -C ${c.paths.marathon}`,
            `test -x ${launcher(c)}`,
            `printf '%s\\n' ${c.q.marathonVersion} > ${c.paths.marathon}/.armdeck-version`,
          ].join("\n"),
  },
  {
    id: "marathon.build",
    component: "marathon",
    title: "Build Marathon with sbt",
    where: "master",
    after: ["marathon.fetch", "prereq.sbt"],
    mutating: true,
    appliesTo: fromGit,
    check: (c) => `[ "$(cat ${c.paths.state}/marathon-built 2>/dev/null)" = ${c.q.marathonVersion} ] && [ -x ${launcher(c)} ]`,
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
