// The structured lines a probe script prints among its readable ones: "pf<TAB>key<TAB>value".
// Values are flattened on the node (no tab, CR or newline, at most 400 bytes) so a value cannot
// forge a second line; the parser still drops control characters and caps what it keeps.

/** Shell function every probe script defines first. */
export const PROBE_LINE_FUNCTION =
  "pf() { printf 'pf\\t%s\\t%s\\n' \"$1\" \"$(printf '%s' \"$2\" | tr -d '\\t\\r' | tr '\\n' ' ' | cut -c1-400)\"; }";

const LINE = /^pf\t([a-z_]+(?::[0-9a-z_.-]+)?)\t([^\t]*)$/;

/** key → every value it was given, in order (listen, service_up repeat; the rest appear once). */
export type ProbeValues = Map<string, string[]>;

export function parseProbeOutput(output: string): ProbeValues {
  const values: ProbeValues = new Map();
  for (const raw of output.split("\n")) {
    const m = LINE.exec(raw.replace(/\r$/, ""));
    if (!m) continue;
    const value = m[2]!.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 400);
    const list = values.get(m[1]!) ?? [];
    if (list.length < 500) list.push(value);
    values.set(m[1]!, list);
  }
  return values;
}

export function probeValue(values: ProbeValues, key: string): string | undefined {
  return values.get(key)?.[0];
}
