import { isIpv4 } from "./checkLayout.ts";

// `weave ps <container>` prints `<name or id, cut to 12 characters> <MAC> <CIDR>…` (weave@v2.8.1
// echo_addresses; samples.md A9). `mesos-<uuid>` cut to 12 characters is ambiguous, so each
// container is asked alone and its line is prefixed with the full name Armdeck asked about.
// A container Weave never attached prints no CIDR.

export function weavePsCommand(names: readonly string[], quote: (v: string) => string): string {
  return `for c in ${names.map(quote).join(" ")}; do printf '%s ' "$c"; weave ps "$c" 2>&1 | head -n 1; echo; done`;
}

const CIDR = /^([0-9.]+)\/[0-9]{1,2}$/;

/** name → its first Weave IP, for the names asked about; names without one are left out. */
export function parseWeavePs(output: string, names: readonly string[]): Map<string, string> {
  const asked = new Set(names);
  const ips = new Map<string, string>();
  for (const line of output.split("\n")) {
    const [name, ...rest] = line.trim().split(/\s+/);
    if (!name || !asked.has(name) || ips.has(name)) continue;
    const ip = rest.map((w) => CIDR.exec(w)?.[1]).find((a): a is string => !!a && isIpv4(a));
    if (ip) ips.set(name, ip);
  }
  return ips;
}
