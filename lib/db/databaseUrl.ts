import path from "node:path";
import { env } from "../env.ts";

/** Everything Armdeck keeps (SQLite file, generated secret key) lives under ARMDECK_DATA_DIR. */
export function dataDir(): string {
  return path.resolve(env().ARMDECK_DATA_DIR);
}

export function databaseUrl(): string {
  return `file:${path.join(dataDir(), "armdeck.db")}`;
}
