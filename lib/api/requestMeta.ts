import { ownOrigin } from "../http/originCheck.ts";

// server.ts overwrites these headers on every request with what it saw on the socket, so a
// client cannot forge them; route handlers read the caller's address and scheme from here.
export const CLIENT_IP_HEADER = "x-armdeck-client-ip";
export const CLIENT_PROTO_HEADER = "x-armdeck-proto";

export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}

export function isHttps(headers: Headers): boolean {
  return headers.get(CLIENT_PROTO_HEADER) === "https";
}

export function expectedOrigin(headers: Headers): string {
  return ownOrigin(isHttps(headers) ? "https" : "http", headers.get("host"));
}
