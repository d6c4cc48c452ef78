import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_ERROR_IDS, explainBuildErrors, type BuildErrorId } from "./buildErrors.ts";

// The fixtures are real build output (fixtures/real-build-errors/README.md says where each is from).
const FIXTURES = path.join(import.meta.dirname, "fixtures", "real-build-errors");
const fixture = (id: string) => readFileSync(path.join(FIXTURES, `${id}.log`), "utf8");

/** What the fix must name for each class met for real: the setting, package or version that gets past it. */
const FIX_NAMES: Partial<Record<BuildErrorId, string[]>> = {
  werror: ["mesosDisableWerror", "--disable-werror"],
  "zlib-check": ["mesosZlibCheckFix", "zlib1g-dev"],
  python2: ["mesosDisablePython", "--disable-python"],
  "jdk-layout": ["mesosVersion", "1.4.3", "openjdk-8-jdk-headless"],
  xlocale: ["mesosVersion", "1.4.3"],
  "compiler-killed": ["memory or swap"],
  javah: ["mesosVersion", "1.4.3"],
  "maven-offline": ["repo.maven.apache.org"],
};

describe("the known-error explainer on real build output", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".log")).map((f) => f.replace(/\.log$/, ""));

  it("has a fixture of real output for every class met for real, and each fixture is a known class", () => {
    expect(files.sort()).toEqual(Object.keys(FIX_NAMES).sort());
  });

  for (const id of Object.keys(FIX_NAMES) as BuildErrorId[]) {
    it(`recognises ${id} and names its fix`, () => {
      const found = explainBuildErrors(fixture(id));
      expect(found.map((e) => e.id)).toContain(id);
      const e = found.find((x) => x.id === id)!;
      for (const name of FIX_NAMES[id]!) expect(e.fix).toContain(name);
      // The line it was recognised by is (the start of) one of the fixture's own lines.
      expect(fixture(id).split("\n").some((l) => l.trim().startsWith(e.line))).toBe(true);
    });
  }

  it("says nothing about output without a known error (a successful build's lines, a plain failure)", () => {
    const ok = [
      "checking for deflate, gzread, gzwrite, inflate in -lz... (cached) yes",
      "libtool: compile:  g++ -Wall -Werror -Wsign-compare -c ../../src/master/master.cpp -o master/.libs/libmesos_no_3rdparty_la-master.o",
      "warning: 'int google::protobuf::MessageLite::ByteSize() const' is deprecated [-Wdeprecated-declarations]",
      "make: *** [Makefile:797: all] Error 2",
    ].join("\n");
    expect(explainBuildErrors(ok)).toEqual([]);
  });

  it("lists each class once, in the order its first line appears", () => {
    const both = `${fixture("xlocale")}\n${fixture("werror")}\n${fixture("xlocale")}`;
    expect(explainBuildErrors(both).map((e) => e.id)).toEqual(["xlocale", "werror"]);
  });

  it("names the package for each missing build library, in configure's own words", () => {
    const found = explainBuildErrors("configure: error: cannot find libsvn_subr-1 headers\n");
    expect(found).toMatchObject([{ id: "missing-dev-package" }]);
    expect(found[0]!.fix).toContain("libsvn-dev");
    expect(explainBuildErrors("configure: error: no\nWe need CRAM-MD5 support for SASL authentication.\n")[0]!.fix).toContain("libsasl2-modules");
  });

  it("every id it can give is a documented one", () => {
    expect(new Set(BUILD_ERROR_IDS).size).toBe(BUILD_ERROR_IDS.length);
  });
});
