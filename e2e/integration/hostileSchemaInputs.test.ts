import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE_LENGTH } from "../harness/hostileInputs.ts";
import { findRouteInputSchemas } from "../harness/routeInputSchemas.ts";

// Every schema an API route parses, fed 10,000-character hostile values in every field, must come
// back. The bound is not a performance target: linear validation of all of a schema's inputs takes
// milliseconds, a backtracking regex takes minutes, and 2 s tells the two apart on a busy machine.
const HANG_MS = 2_000;

const root = path.resolve(import.meta.dirname, "../..");
const { schemas, unresolved } = findRouteInputSchemas(root);
const childScript = path.join(root, "e2e/harness/hostileValidation.child.ts");

let child: ChildProcess | null = null;
type Reply = { op: "loaded" | "done" | "error"; count?: number; refused?: number; message?: string };

function nextReply(c: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => reject(new Error(`validation process exited (${code ?? signal})`));
    c.once("message", (m: Reply) => {
      c.off("exit", onExit);
      resolve(m);
    });
    c.once("exit", onExit);
  });
}

async function validateWithin(modulePath: string, exportName: string): Promise<{ count: number; refused: number } | "hung"> {
  child ??= fork(childScript, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const c = child;
  c.send({ op: "load", modulePath, exportName });
  const loaded = await nextReply(c);
  if (loaded.op !== "loaded") throw new Error(loaded.message);
  c.send({ op: "run" });
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => {
      c.kill("SIGKILL");
      child = null;
      resolve("hung");
    }, HANG_MS);
  });
  const done = nextReply(c).then((r) => ({ count: r.count!, refused: r.refused! }));
  try {
    return await Promise.race([done, hung]);
  } finally {
    clearTimeout(timer);
    done.catch(() => undefined);
  }
}

afterAll(() => {
  child?.kill("SIGKILL");
});

describe(`every API input schema, with ${HOSTILE_LENGTH}-character hostile values`, () => {
  it("is found from the route files, each an imported, named schema", () => {
    expect(unresolved).toEqual([]);
    const names = schemas.map((s) => s.exportName);
    for (const known of ["clusterSettingsSchema", "createNodeSchema", "updateNodeSchema", "probeSchema", "factsRequestSchema", "repinSchema", "loginSchema", "setupSchema", "changePasswordSchema", "createUserSchema", "updateUserSchema", "createTokenSchema", "auditQuerySchema", "planRequestSchema", "planQuerySchema", "planRunRequestSchema", "planRunFilterSchema", "groupBodySchema", "deployQuerySchema", "forceQuerySchema", "scaleBodySchema"]) {
      expect(names).toContain(known);
    }
  });

  for (const s of schemas) {
    it(`${s.kind} of ${s.route} (${s.exportName}) validates every hostile value without hanging`, { timeout: 120_000 }, async () => {
      const result = await validateWithin(s.modulePath, s.exportName);
      expect(result, `${s.exportName} was still validating after ${HANG_MS} ms`).not.toBe("hung");
      expect((result as { count: number }).count).toBeGreaterThan(100);
    });
  }
});
