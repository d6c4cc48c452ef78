import crypto from "node:crypto";

/** Sortable, URL- and filename-safe ids: time first, then randomness. */
export function createId(): string {
  return Date.now().toString(36).padStart(9, "0") + crypto.randomBytes(8).toString("hex");
}
