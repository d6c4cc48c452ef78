// Client-safe: where the sign-in page may send a user afterwards.

export const AFTER_SIGN_IN = "/nodes";

/**
 * `next` as a path on `origin`, or the default page. A string test cannot do this: browsers drop
 * tabs and newlines, read "\" as "/" and resolve "/./" before they navigate, so "/\evil" or
 * "/\t/evil" go to another host. Parsing the way the browser will, against our own origin, and
 * keeping only a same-origin path (never a scheme-relative "//…") leaves nothing to reinterpret.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next) return AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (url.origin !== new URL(origin).origin) return AFTER_SIGN_IN;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil" parses to the path "//evil", which navigates off-site once it is a URL on its own.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, origin).origin !== url.origin) return AFTER_SIGN_IN;
  return path;
}
