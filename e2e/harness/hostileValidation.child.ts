import type { ZodType } from "zod";
import { hostileInputs } from "./hostileInputs.ts";

// Runs one schema's hostile inputs in its own process, so the parent can kill a validation that
// hangs (a backtracking regex never yields to a timer in the same thread).

type Msg = { op: "load"; modulePath: string; exportName: string } | { op: "run" };
let inputs: unknown[] = [];
let schema: ZodType | null = null;

process.on("message", async (msg: Msg) => {
  if (msg.op === "load") {
    const mod = (await import(msg.modulePath)) as Record<string, ZodType>;
    schema = mod[msg.exportName] ?? null;
    if (!schema) return process.send!({ op: "error", message: `${msg.modulePath} exports no ${msg.exportName}` });
    inputs = hostileInputs(schema);
    process.send!({ op: "loaded", count: inputs.length });
  } else {
    let refused = 0;
    for (const input of inputs) {
      try {
        if (!schema!.safeParse(input).success) refused++;
      } catch {
        refused++; // a transform that parses again throws its ZodError instead of returning it
      }
    }
    process.send!({ op: "done", count: inputs.length, refused });
  }
});
