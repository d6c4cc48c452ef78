// Client-safe. A status probe ends by printing one machine-readable line and exiting with the
// code of what it found, so the runner stores a report instead of reading prose back.

export const SERVICE_STATES = ["up", "down", "not_installed"] as const;
export type ServiceStateName = (typeof SERVICE_STATES)[number];

/** Distinct exit codes: a script that dies for another reason (exit 1, 127, …) is a real failure. */
export const STATUS_EXIT_CODES: Record<ServiceStateName, number> = { up: 0, down: 3, not_installed: 4 };

export const SERVICE_STATE_LABELS: Record<ServiceStateName, string> = { up: "up", down: "down", not_installed: "not installed" };

const MARK = "armdeck-status";

/**
 * Shell function `armdeck_report STATE TARGET ANSWER`: one tab-separated line. The answer is
 * whatever the probed service (or the tool) said, flattened to one line and cut short, so no
 * output of the service can forge a second report line.
 */
export const STATUS_LINE_FUNCTION = [
  "armdeck_report() {",
  `  printf '${MARK}\\t%s\\t%s\\t%s\\n' "$1" "$2" "$(printf '%s' "$3" | tr '\\t\\r\\n' '   ' | cut -c1-400)"`,
  "}",
].join("\n");

export interface ServiceStatusLine {
  state: ServiceStateName;
  /** What was probed, e.g. "http://192.0.2.1:5050/health answers 200". */
  target: string;
  /** What answered, in the probe's own words ("HTTP 200", "curl: (7) Failed to connect …"). */
  answer: string;
}

/** The last report line of a status job's output, or null when the probe printed none. */
export function parseServiceStatusLine(output: string): ServiceStatusLine | null {
  const lines = output.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.replace(/\r$/, "");
    if (!line.startsWith(`${MARK}\t`)) continue;
    const [, state, target = "", ...rest] = line.split("\t");
    if (!(SERVICE_STATES as readonly string[]).includes(state ?? "")) return null;
    return { state: state as ServiceStateName, target, answer: rest.join(" ").trim() };
  }
  return null;
}
