// The one comparison of a request's Origin with the dashboard's own, for HTTP writes (CSRF),
// sign-in, setup and socket handshakes alike, so the two paths cannot drift apart again.

export type OriginVerdict = "same" | "missing" | "foreign";

/** The dashboard's origin as the browser sees it: scheme of the connection and the Host it asked for. */
export function ownOrigin(proto: "http" | "https", host: string | null | undefined): string {
  return `${proto}://${host ?? ""}`;
}

function canonical(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const origin = new URL(value).origin;
  // "null" is an opaque origin (sandboxed frame, file:, data:): it names no site, so never ours.
  return origin === "null" ? null : origin;
}

/**
 * "missing" is left to the caller's policy (a browser omits Origin on some same-origin GETs);
 * anything present must be exactly a serialized origin equal to ours, so `null`, garbage or a
 * value with a path is "foreign" and never throws.
 */
export function checkOrigin(origin: string | null | undefined, own: string): OriginVerdict {
  if (origin === undefined || origin === null || origin === "") return "missing";
  const expected = canonical(own);
  return expected !== null && canonical(origin) === origin && origin === expected ? "same" : "foreign";
}
