import { isArm64 } from "../../nodes/nodeFacts.ts";
import { shQuote } from "../../shell/quote.ts";
import type { RecipeContext, StepDef } from "../recipeTypes.ts";
import { mesosConfigureArgs } from "./mesosConfigureArgs.ts";

const jobs = (c: RecipeContext) => (c.node.cpus && c.node.cpus > 0 ? String(c.node.cpus) : '"$(nproc)"');
const builtMarker = (c: RecipeContext) => `${c.paths.mesos}/build/.armdeck-built`;
const needsConfigGuessFix = (c: RecipeContext) => isArm64(c.node.arch);
const configuredWith = (c: RecipeContext) => `${c.paths.mesos}/build/.armdeck-configure-args`;
const configureLine = (c: RecipeContext) => mesosConfigureArgs(c.settings).map((a) => shQuote(a.arg)).join(" ");

/** The newest automake's config.guess knows aarch64; Mesos 1.4's bundled libraries ship older ones. */
const FIND_AUTOMAKE_CONFIG_GUESS = [
  "ref=$(ls /usr/share/automake-*/config.guess 2>/dev/null | sort -V | tail -n 1)",
  'if [ -z "$ref" ]; then echo "[armdeck] automake\'s config.guess not found: run Prepare (it installs automake)" >&2; exit 1; fi',
].join("\n");

export const mesosBuildSteps: StepDef[] = [
  {
    id: "mesos.fetch",
    component: "mesos",
    title: "Fetch the Mesos source",
    where: "all",
    after: ["prereq.packages"],
    mutating: true,
    check: (c) =>
      c.settings.mesosSource === "git"
        ? `[ "$(git -C ${c.paths.mesos} describe --tags --exact-match 2>/dev/null)" = ${c.q.mesosVersion} ]`
        : `[ "$(cat ${c.paths.mesos}/.armdeck-version 2>/dev/null)" = ${c.q.mesosVersion} ]`,
    run: (c) =>
      c.settings.mesosSource === "git"
        ? [
            `mkdir -p ${c.q.sourceDir}`,
            `if [ ! -d ${c.paths.mesos}/.git ]; then git clone ${c.q.mesosGitUrl} ${c.paths.mesos}; fi`,
            `git -C ${c.paths.mesos} checkout ${c.q.mesosVersion}`,
          ].join("\n")
        : [
            `url=$(printf '%s' ${c.q.mesosTarballUrl} | sed "s/{version}/"${c.q.mesosVersion}"/g")`,
            `mkdir -p ${c.paths.mesos}`,
            `curl -fsSL -o ${c.paths.mesos}.tar.gz "$url"`,
            `tar xzf ${c.paths.mesos}.tar.gz --strip-components=1 -C ${c.paths.mesos}`,
            `printf '%s\\n' ${c.q.mesosVersion} > ${c.paths.mesos}/.armdeck-version`,
          ].join("\n"),
  },
  {
    id: "mesos.bootstrap",
    component: "mesos",
    title: "Bootstrap the build system (git checkouts only)",
    where: "all",
    after: ["mesos.fetch"],
    mutating: true,
    appliesTo: (c) => c.settings.mesosSource === "git",
    check: (c) => `[ -x ${c.paths.mesos}/configure ]`,
    run: (c) => `cd ${c.paths.mesos}\n./bootstrap`,
  },
  {
    id: "mesos.configure",
    component: "mesos",
    title: "Configure in build/",
    where: "all",
    after: ["mesos.fetch", "mesos.bootstrap"],
    mutating: true,
    // Configured with other arguments (a setting changed): configure again and build again.
    check: (c) => `[ -f ${c.paths.mesos}/build/Makefile ] && [ "$(cat ${configuredWith(c)} 2>/dev/null)" = ${shQuote(configureLine(c))} ]`,
    run: (c) =>
      [
        `mkdir -p ${c.paths.mesos}/build`,
        `cd ${c.paths.mesos}/build`,
        ...mesosConfigureArgs(c.settings).map((a) => `# ${a.arg}: ${a.why}`),
        `rm -f ${builtMarker(c)} ${c.paths.mesos}/build/.armdeck-first-pass`,
        `../configure${configureLine(c) ? ` ${configureLine(c)}` : ""}`,
        `printf '%s\\n' ${shQuote(configureLine(c))} > ${configuredWith(c)}`,
      ].join("\n"),
  },
  {
    id: "mesos.make-first-pass",
    component: "mesos",
    title: "aarch64: first make (expected to fail on old config.guess files)",
    where: "all",
    after: ["mesos.configure"],
    mutating: true,
    appliesTo: needsConfigGuessFix,
    check: (c) => `[ -f ${builtMarker(c)} ] || [ -f ${c.paths.mesos}/build/.armdeck-first-pass ]`,
    run: (c) =>
      [
        `cd ${c.paths.mesos}/build`,
        `if make -j${jobs(c)}; then`,
        `  touch ${builtMarker(c)}`,
        '  echo "[armdeck] aarch64: the first make succeeded; no config.guess fix was needed"',
        "else",
        '  echo "[armdeck] aarch64: the first make failed, as the runbook expects: the bundled libraries\' config.guess files are too old to know aarch64. They are replaced next."',
        "fi",
        `touch ${c.paths.mesos}/build/.armdeck-first-pass`,
      ].join("\n"),
  },
  {
    id: "mesos.fix-config-guess",
    component: "mesos",
    title: "aarch64: replace outdated config.guess files with automake's",
    where: "all",
    after: ["mesos.make-first-pass"],
    mutating: true,
    appliesTo: needsConfigGuessFix,
    check: (c) =>
      [
        `[ -f ${builtMarker(c)} ] && exit 0`,
        FIND_AUTOMAKE_CONFIG_GUESS,
        `find ${c.paths.mesos} -name config.guess -type f | while IFS= read -r f; do cmp -s "$f" "$ref" || exit 1; done`,
      ].join("\n"),
    run: (c) =>
      [
        FIND_AUTOMAKE_CONFIG_GUESS,
        'echo "[armdeck] aarch64 fix: searching the Mesos tree for config.guess files older than $ref"',
        // Tracing off for the loop: its own lines say what it replaced.
        "{ set +x; } 2>/dev/null",
        "n=0",
        'list=$(mktemp)',
        `find ${c.paths.mesos} -name config.guess -type f > "$list"`,
        // A redirect rather than a pipe, so the loop runs in this shell and keeps the count.
        "while IFS= read -r f; do",
        '  if ! cmp -s "$f" "$ref"; then cp "$ref" "$f"; n=$((n + 1)); echo "[armdeck] aarch64 fix: replaced $f"; fi',
        'done < "$list"',
        'rm -f "$list"',
        'echo "[armdeck] aarch64 fix: $n config.guess file(s) replaced with $ref; the build goes on"',
        "set -x",
      ].join("\n"),
  },
  {
    id: "mesos.make",
    component: "mesos",
    title: "Build Mesos (make)",
    where: "all",
    after: ["mesos.configure", "mesos.fix-config-guess"],
    mutating: true,
    check: (c) => `[ -f ${builtMarker(c)} ]`,
    run: (c) => `cd ${c.paths.mesos}/build\nmake -j${jobs(c)}\ntouch ${builtMarker(c)}`,
  },
  {
    id: "mesos.install",
    component: "mesos",
    title: "Install Mesos and refresh the linker cache",
    where: "all",
    after: ["mesos.make"],
    mutating: true,
    check: (c) => `[ "$(cat ${c.paths.state}/mesos-installed 2>/dev/null)" = ${c.q.mesosVersion} ] && [ -x /usr/local/sbin/mesos-master ] && [ -f /usr/local/lib/libmesos.so ]`,
    run: (c) =>
      [`cd ${c.paths.mesos}/build`, "make install", "ldconfig", `mkdir -p ${c.paths.state}`, `printf '%s\\n' ${c.q.mesosVersion} > ${c.paths.state}/mesos-installed`].join("\n"),
  },
];
