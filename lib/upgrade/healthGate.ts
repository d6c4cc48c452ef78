import type { ClusterSettings } from "../cluster/clusterSettingsSchema.ts";
import { SERVICES } from "../recipes/components/services.ts";
import { hostPort, recipeContext } from "../recipes/recipeContext.ts";
import type { RecipeContext, RecipeNode, StepDef } from "../recipes/recipeTypes.ts";
import { shQuote } from "../shell/quote.ts";
import { say } from "../shell/say.ts";
import { GATE_PYTHON } from "./gatePython.ts";
import { GATE_STEP_ID } from "./stepIds.ts";

// The health gate after one node's restart: the node's own probes AND the cluster's view of it.
// A gate that does not pass in time fails its job, so every later node's jobs are cancelled.

export const GATE_SECONDS = 60;
export { GATE_STEP_ID } from "./stepIds.ts";

export interface GateCheck {
  /** In words, for the dry run and the runbook. */
  text: string;
  /** Exit 0 when it holds; prints why not. */
  script: (c: RecipeContext) => string;
}

const service = (component: StepDef["component"]) => SERVICES.find((s) => s.component === component)!;
const python = (mode: string, args: string[]) => `python3 -c ${shQuote(GATE_PYTHON)} ${mode} ${args.map(shQuote).join(" ")}`;

function probeCheck(component: StepDef["component"], ctx: RecipeContext): GateCheck {
  const s = service(component);
  return {
    text: `${s.title}: ${s.probeText(ctx)}`,
    script: (c) => `{ ${s.probe(c)}; } || { echo ${shQuote(`${s.title}: ${s.probeText(c)} failed`)}; return 1; }`,
  };
}

/** Which checks a node's gate runs: its services' probes, then what the cluster says of it. */
export function gateChecks(node: RecipeNode, settings: ClusterSettings, masters: RecipeNode[], changed: { weave: boolean } = { weave: false }): GateCheck[] {
  const checks: GateCheck[] = [];
  // The same context the gate's job gets, so the words say exactly what its script probes.
  const ctx = recipeContext(settings, node, masters);
  const masterHosts = masters.map((m) => hostPort(m.address, settings.mesosMasterPort));
  if (changed.weave) checks.push(probeCheck("weave-router", ctx), weaveRouterCheck(settings.weaveVersion));
  if (node.isMaster) {
    const me = hostPort(node.address, settings.mesosMasterPort);
    checks.push(probeCheck("mesos-master", ctx), {
      text: `Mesos master: /version on ${me} says ${settings.mesosVersion}, and /master/redirect names a leading master`,
      script: () => `${python("master", [me, settings.mesosVersion])} || return 1`,
    });
  }
  if (node.isAgent) {
    const me = hostPort(node.address, settings.mesosAgentPort);
    checks.push(probeCheck("mesos-agent", ctx), {
      text: `Mesos agent: the leading master's /master/slaves lists ${me} as active, version ${settings.mesosVersion}`,
      script: () => `${python("agent", [me, settings.mesosVersion, ...masterHosts])} || return 1`,
    });
  }
  if (node.isMaster) {
    const me = hostPort(node.address, settings.marathonPort);
    checks.push(probeCheck("marathon-service", ctx), {
      text: `Marathon: /v2/leader on ${me} names a leader`,
      script: () => `${python("marathon", [me, ""])} || return 1`,
    });
  }
  return checks;
}

/** The router that runs is the new version (weave status reports the running router's), and every connection is established. */
function weaveRouterCheck(version: string): GateCheck {
  return {
    text: `Weave Net: weave status says Version ${version}, and every connection to a peer is established`,
    script: () =>
      [
        "s=$(weave status 2>&1) || { printf 'weave status failed: %s\\n' \"$s\"; return 1; }",
        `printf '%s\\n' "$s" | grep -qF ${shQuote(`Version: ${version} `)} || { printf 'the Weave router runs %s, not %s\\n' "$(printf '%s\\n' "$s" | sed -n 's/^ *Version: \\([^ ]*\\).*/\\1/p')" ${shQuote(version)}; return 1; }`,
        `c=$(printf '%s\\n' "$s" | sed -n 's/^ *Connections: //p')`,
        // "N (E established, …)": every one of the N counted connections established (none: a lone node).
        `n=\${c%% *}; e=$(printf '%s' "$c" | sed -n 's/.*(\\([0-9]*\\) established.*/\\1/p')`,
        `[ "$n" = 0 ] || [ "$e" = "$n" ] || { printf 'Weave connections not all established: %s\\n' "$c"; return 1; }`,
      ].join("\n  "),
  };
}

/** The gate as a step: retried for GATE_SECONDS, then it fails with what it saw and the rollback command. */
export function gateStep(checks: GateCheck[], rollback: string, versions: string): StepDef {
  return {
    id: GATE_STEP_ID,
    component: "mesos",
    title: `Health gate: back and healthy on ${versions}`,
    where: "all",
    after: [],
    mutating: false,
    run: (c) =>
      [
        // Tracing off: the gate says what it checked; one trace line per second of retrying says nothing.
        "{ set +x; } 2>/dev/null",
        "armdeck_gate() {",
        ...checks.map((k) => `  ${k.script(c)}`),
        "}",
        "i=0",
        'until why=$(armdeck_gate 2>&1); do',
        "  i=$((i + 1))",
        `  if [ "$i" -ge ${GATE_SECONDS} ]; then`,
        `    ${say(`${c.node.name} did not come back healthy on ${versions} within ${GATE_SECONDS} s; the upgrade stops here and no later node is touched:`, true)}`,
        `    printf '%s\\n' "$why" >&2`,
        `    printf '%s\\n' ${shQuote(rollback)} >&2`,
        "    exit 1",
        "  fi",
        "  sleep 1",
        "done",
        `printf '%s\\n' "$why"`,
        say(`${c.node.name} passed its health gate on ${versions}`),
      ].join("\n"),
  };
}
