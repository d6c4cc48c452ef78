import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRegexes } from "../harness/sourceRegexes.ts";

// recheck's pure-JS checker: no JVM and no native binary, so the suite needs only npm. Read at
// call time by recheck, so setting it before the first check is enough.
process.env.RECHECK_BACKEND = "pure";
const { check } = await import("recheck");

const root = path.resolve(import.meta.dirname, "../..");
const regexes = findRegexes(root);

// Every regex in the app's source may one day see user or upstream input (request bodies, node
// output, log lines), so each must match in linear time: one super-linear regex lets one request
// freeze the event loop for every user.
describe("every regex in lib/, components/, app/, workers/ and server.ts", () => {
  it("is found by parsing the source", () => {
    expect(regexes.length).toBeGreaterThan(30);
    expect(regexes.map((r) => r.file)).toContain("lib/cluster/clusterSettingsSchema.ts");
  });

  it("has a constant pattern (a pattern built from run-time values cannot be checked)", () => {
    expect(regexes.filter((r) => r.dynamic).map((r) => `${r.file}:${r.line} ${r.source}`)).toEqual([]);
  });

  it("is linear-time according to recheck", { timeout: 120_000 }, async () => {
    const unsafe: string[] = [];
    for (const r of regexes.filter((x) => !x.dynamic)) {
      const d = await check(r.source, r.flags, { timeout: 20_000 });
      if (d.status !== "safe") {
        const how = d.status === "vulnerable" ? `${d.complexity.type}, attack ${d.attack.pattern}` : `unknown: ${d.error.kind}`;
        unsafe.push(`${r.file}:${r.line} /${r.source}/${r.flags} is ${how}`);
      }
    }
    expect(unsafe).toEqual([]);
  });
});
