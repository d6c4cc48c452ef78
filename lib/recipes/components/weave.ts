import type { StepDef } from "../recipeTypes.ts";

export const weaveSteps: StepDef[] = [
  {
    id: "weave.install",
    component: "weave",
    title: "Install the weave script",
    where: "all",
    after: ["prereq.packages"],
    mutating: true,
    check: (c) => `[ -x /usr/local/bin/weave ] && /usr/local/bin/weave version 2>/dev/null | grep -q "script "${c.q.weaveVersion}`,
    run: (c) =>
      [
        `url=$(printf '%s' ${c.q.weaveScriptUrl} | sed "s/{version}/"${c.q.weaveVersion}"/g")`,
        'curl -fsSL -o /usr/local/bin/weave.download "$url"',
        "chmod a+x /usr/local/bin/weave.download",
        "mv /usr/local/bin/weave.download /usr/local/bin/weave",
        "/usr/local/bin/weave version || true",
      ].join("\n"),
  },
];
