import { randomBytes } from "node:crypto";

// The structured lines a probe script prints among its readable ones: "pf<nonce><TAB>key<TAB>value".
// The nonce is fresh for every script, so a value the node reports (a hostname, os-release text)
// cannot forge a line of its own: text after a newline in a value lacks the nonce and is dropped.
// That costs the node no process per line (the script prints dozens), unlike filtering each value.

export function probeNonce(): string {
  return randomBytes(8).toString("hex");
}

/** Shell function every probe script defines first. */
export function probeLineFunction(nonce: string): string {
  if (!/^[0-9a-f]{16}$/.test(nonce)) throw new Error("probe nonce: 16 hex digits");
  return `pf() { printf 'pf${nonce}\\t%s\\t%s\\n' "$1" "$2"; }`;
}

/** What the line a key is reported on starts with (the clock's arrival time is taken on it). */
export const probeLinePrefix = (nonce: string, key: string) => `pf${nonce}\t${key}\t`;

const LINE = /^pf([0-9a-f]{16})\t([a-z_]+(?::[0-9a-z_.-]+)?)\t(.*)$/;

/** key → every value it was given, in order (listen, service_up repeat; the rest appear once). */
export type ProbeValues = Map<string, string[]>;

export function parseProbeOutput(output: string, nonce: string): ProbeValues {
  const values: ProbeValues = new Map();
  for (const raw of output.split("\n")) {
    const m = LINE.exec(raw.replace(/\r$/, ""));
    if (!m || m[1] !== nonce) continue;
    const value = m[3]!.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, 400);
    const list = values.get(m[2]!) ?? [];
    if (list.length < 500) list.push(value);
    values.set(m[2]!, list);
  }
  return values;
}

export function probeValue(values: ProbeValues, key: string): string | undefined {
  return values.get(key)?.[0];
}
