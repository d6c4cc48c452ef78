import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { shQuote } from "../shell/quote.ts";
import type { StepDef } from "../recipes/recipeTypes.ts";

// Weave Net "built beside": its script for the new version downloaded next to a copy of the one
// the node runs (the rollback's), while the router keeps running; put in place only on the node's
// turn, right before its router restarts.

const BESIDE_DIR = "/usr/local/lib/armdeck";
const WEAVE = "/usr/local/bin/weave";

export const WEAVE_FETCH_STEP_ID = "upgrade.weave-fetch";
export const WEAVE_INSTALL_STEP_ID = "upgrade.weave-install";

/** Where a version's weave script waits beside the running one. */
export const weaveBeside = (version: string) => `${BESIDE_DIR}/weave-${version}`;

/** The lines that put a version's script in place (the rolling step and the rollback script). */
export const putWeaveInPlace = (version: string) => `install -m 0755 ${shQuote(weaveBeside(version))} ${WEAVE}\n${WEAVE} version || true`;

export function weaveFetchStep(old: ClusterSettings): StepDef {
  return {
    id: WEAVE_FETCH_STEP_ID,
    component: "weave",
    title: `Download the weave script of the new version beside Weave ${old.weaveVersion}'s`,
    where: "all",
    after: [],
    mutating: true,
    check: (c) => `[ -x ${shQuote(weaveBeside(c.settings.weaveVersion))} ] && [ -x ${shQuote(weaveBeside(old.weaveVersion))} ]`,
    run: (c) =>
      [
        `mkdir -p ${BESIDE_DIR}`,
        // The rollback's copy: the script this node runs now, kept before anything replaces it.
        `if [ ! -x ${shQuote(weaveBeside(old.weaveVersion))} ]; then cp ${WEAVE} ${shQuote(weaveBeside(old.weaveVersion))}; fi`,
        `url=$(printf '%s' ${c.q.weaveScriptUrl} | sed "s/{version}/"${c.q.weaveVersion}"/g")`,
        `curl -fsSL -o ${shQuote(`${weaveBeside(c.settings.weaveVersion)}.download`)} "$url"`,
        `chmod a+x ${shQuote(`${weaveBeside(c.settings.weaveVersion)}.download`)}`,
        `mv ${shQuote(`${weaveBeside(c.settings.weaveVersion)}.download`)} ${shQuote(weaveBeside(c.settings.weaveVersion))}`,
        `${shQuote(weaveBeside(c.settings.weaveVersion))} version || true`,
      ].join("\n"),
  };
}

export const weaveInstallStep: StepDef = {
  id: WEAVE_INSTALL_STEP_ID,
  component: "weave",
  title: "Put the new weave script in place",
  where: "all",
  after: [],
  mutating: true,
  run: (c) => putWeaveInPlace(c.settings.weaveVersion),
};
