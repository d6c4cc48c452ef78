import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRegexes } from "./sourceRegexes.ts";

describe("findRegexes", () => {
  it("finds literals and RegExp constructions, not look-alikes in strings, comments or divisions", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "regexes-"));
    mkdirSync(path.join(root, "lib"));
    writeFileSync(
      path.join(root, "lib/a.ts"),
      [
        `// a comment with /not(a)+regex/`,
        `const s = "/also(not)+/";`,
        `const half = 10 / 2 / 5;`,
        `const MARK = "EXIT";`,
        `export const A = /^(a+)+$/i;`,
        `export const B = new RegExp(\`\${MARK} (\\\\d+)\`, "g");`,
        `export const C = (x: string) => new RegExp(x);`,
      ].join("\n"),
    );
    writeFileSync(path.join(root, "lib/a.test.ts"), `const T = /ignored/;`);
    const found = findRegexes(root).map(({ source, flags, dynamic, line }) => ({ source, flags, dynamic, line }));
    expect(found).toEqual([
      { source: "^(a+)+$", flags: "i", dynamic: false, line: 5 },
      { source: "EXIT (\\d+)", flags: "g", dynamic: false, line: 6 },
      { source: "x", flags: "", dynamic: true, line: 7 },
    ]);
  });
});
