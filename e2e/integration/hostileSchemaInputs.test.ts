import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE_LENGTH } from "../harness/hostileInputs.ts";
import { findRouteInputSchemas } from "../harness/routeInputSchemas.ts";

// Every schema an API route parses, fed 10,000-character hostile values in every field, must come
// back. The bound is not a performance target: linear validation of all of a schema's inputs takes
// milliseconds of CPU, a backtracking regex takes minutes. It is counted in the child's CPU time, not
// in wall time, so a machine busy with other work cannot make a linear schema look hung.
const HANG_CPU_MS = 2_000;
/** Only for a child that neither finishes nor gets CPU at all. */
const WALL_LIMIT_MS = 90_000;
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

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
  const cpuAtStart = cpuMsOf(c.pid!);
  const startedAt = Date.now();
  c.send({ op: "run" });
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setInterval(() => {
      if (cpuMsOf(c.pid!) - cpuAtStart < HANG_CPU_MS && Date.now() - startedAt < WALL_LIMIT_MS) return;
      c.kill("SIGKILL");
      child = null;
      resolve("hung");
    }, 100);
  });
  const done = nextReply(c).then((r) => ({ count: r.count!, refused: r.refused! }));
  try {
    return await Promise.race([done, hung]);
  } finally {
    clearInterval(timer);
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
      expect(result, `${s.exportName} was still validating after ${HANG_CPU_MS} ms of CPU`).not.toBe("hung");
      expect((result as { count: number }).count).toBeGreaterThan(100);
    });
  }
});
