import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../cluster/clusterSettingsSchema.ts";
import { buildPlan } from "../plans/buildPlan.ts";
import { renderRunbook } from "../plans/renderRunbook.ts";
import { jdkPackageFor } from "./jdkPackage.ts";
import type { RecipeNode } from "./recipeTypes.ts";

const node = (osId: string, osVersion: string): RecipeNode => ({
  id: `${osId}${osVersion}`, name: `${osId}-${osVersion}`, address: "192.0.2.10", arch: "x86_64", cpus: 2, osId, osVersion, systemd: true, isMaster: true, isAgent: true,
});

describe("the JDK a node installs", () => {
  it("auto: JDK 8 where the OS still packages it, else the newest up to 17, else the OS default", () => {
    expect(jdkPackageFor(DEFAULT_SETTINGS, { osId: "ubuntu", osVersion: "22.04" }).pkg).toBe("openjdk-8-jdk-headless");
    expect(jdkPackageFor(DEFAULT_SETTINGS, { osId: "ubuntu", osVersion: "24.04" }).pkg).toBe("openjdk-8-jdk-headless");
    expect(jdkPackageFor(DEFAULT_SETTINGS, { osId: "debian", osVersion: "12" })).toMatchObject({ pkg: "openjdk-17-jdk-headless", why: expect.stringContaining("packages no JDK 8") });
    expect(jdkPackageFor(DEFAULT_SETTINGS, { osId: "debian", osVersion: "11" }).pkg).toBe("openjdk-17-jdk-headless");
    expect(jdkPackageFor(DEFAULT_SETTINGS, { osId: "fedora", osVersion: "40" })).toMatchObject({ pkg: "default-jdk-headless", why: expect.stringContaining("fedora 40 is not in Armdeck's build matrix") });
  });

  it("a package named in the setting wins on every OS", () => {
    expect(jdkPackageFor({ jdkPackage: "openjdk-11-jdk-headless" }, { osId: "debian", osVersion: "12" }).pkg).toBe("openjdk-11-jdk-headless");
  });

  it("the runbook installs each node's JDK, with why above the install line", () => {
    const text = renderRunbook(buildPlan("prepare", DEFAULT_SETTINGS, [node("debian", "12"), { ...node("ubuntu", "22.04"), isMaster: false }]), new Date(0));
    expect(text).toContain("# openjdk-17-jdk-headless: auto: Debian 12 packages no JDK 8");
    expect(text).toMatch(/apt-get install -y --no-install-recommends .* 'openjdk-17-jdk-headless'\n/);
    expect(text).toMatch(/apt-get install -y --no-install-recommends .* 'openjdk-8-jdk-headless'\n/);
  });
});
