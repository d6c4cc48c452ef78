// The layout's rules, checked on the import graph: lib/ never imports app/, components/ or
// workers/; what the browser runs (components/) never reaches server code. The project does not
// use the `server-only` package, because server.ts and the workers load lib/ under tsx, outside
// Next's bundler, where that package throws; this test is the check instead.
import { describe, expect, it } from "vitest";
import { importsOf, reachable, sourceFiles } from "../harness/importGraph";

// What only a server can run: a database, sockets to nodes, the file system, processes.
const SERVER_ONLY = [/^node:/, /^(ssh2|better-sqlite3|pino|socket\.io)$/, /^@prisma\//, /^lib\/db\/client\.ts$/, /^lib\/db\/generated\//];

describe("layering", () => {
  it("lib/ imports nothing from app/, components/ or workers/", () => {
    const upward = sourceFiles("lib")
      .flatMap(importsOf)
      .filter((e) => /^(app|components|workers)\//.test(e.to))
      .map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it("components/ reach no server-only module through any chain of value imports", () => {
    const leaks: string[] = [];
    for (const file of sourceFiles("components")) {
      for (const [to, via] of reachable(file)) {
        if (SERVER_ONLY.some((r) => r.test(to))) leaks.push(via.join(" → "));
      }
    }
    expect(leaks).toEqual([]);
  });

  it("finds imports at all (the graph is not empty, and it sees a server module from lib/)", () => {
    expect(importsOf("lib/nodes/createNode.ts").some((e) => e.to === "lib/db/client.ts")).toBe(true);
    expect([...reachable("lib/nodes/createNode.ts").keys()]).toContain("ssh2");
  });
});
