// Which paths answer without a session. Everything else needs one: this is the allow-list, and
// the route crawl test proves nothing outside it answers an anonymous caller.
const PUBLIC_PAGES = new Set(["/login", "/setup"]);
const PUBLIC_API = new Set(["/api/v1/auth/login", "/api/v1/auth/setup"]);
const PUBLIC_PREFIXES = ["/_next/static/", "/_next/webpack-hmr", "/__nextjs"];
// /icon.svg is app/icon.svg (Next's icon convention): the login page needs it before anyone signs in.
const PUBLIC_FILES = new Set(["/favicon.ico", "/icon.svg", "/robots.txt"]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PAGES.has(pathname) || PUBLIC_API.has(pathname) || PUBLIC_FILES.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}
