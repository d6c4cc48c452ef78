import { z } from "zod";
import { ValidationError } from "../errors.ts";

// Keyset pagination over (createdAt, id), newest first: a page never repeats or skips a run when
// new runs start while someone pages back through the history.

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().regex(/^[a-z0-9]{1,64}$/i) });
export type RunsCursor = { createdAt: Date; id: string };

export function encodeRunsCursor(run: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: run.createdAt.toISOString(), id: run.id })).toString("base64url");
}

export function decodeRunsCursor(cursor: string): RunsCursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.t), id: parsed.id };
  } catch {
    throw new ValidationError({ cursor: "Not a cursor this server gave out: start from the first page" });
  }
}
