import fs from "node:fs";
import { Readable } from "node:stream";
import { logPath } from "./logStore.ts";

/** Streams one or more job logs as they are on disk, so a large log never sits in memory. */
export function logStream(parts: { id: string; header?: string }[]): ReadableStream<Uint8Array> {
  async function* generate() {
    for (const part of parts) {
      if (part.header) yield Buffer.from(part.header);
      if (fs.existsSync(logPath(part.id))) for await (const chunk of fs.createReadStream(logPath(part.id))) yield chunk as Buffer;
      if (part.header) yield Buffer.from("\n");
    }
  }
  return Readable.toWeb(Readable.from(generate())) as ReadableStream<Uint8Array>;
}
