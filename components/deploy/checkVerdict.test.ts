import { describe, expect, it } from "vitest";
import type { CheckReply } from "@/lib/deploy/deployContract";
import { checkVerdict } from "./checkVerdict";

const amounts = { cpus: 0, memMb: 0, diskMb: 0, ports: 0 };
function reply(errors: CheckReply["errors"], apps: { path: string; ok: boolean; explanation: string }[]): CheckReply {
  return {
    ok: errors.length === 0,
    groupId: "/g",
    exists: false,
    errors,
    warnings: [],
    fit: {
      checked: true,
      fetchedAt: null,
      agents: [],
      need: { ...amounts, instances: 1 },
      free: amounts,
      apps: apps.map((a) => ({ ...a, id: `/g${a.path}`, instances: 1, each: amounts, agentsThatFitOne: 0, placeable: 0 })),
      summary: "",
    },
  };
}

describe("checkVerdict", () => {
  const big = { path: "/apps/0", ok: false, explanation: "No agent has 16 GB of free memory; the largest has 4 GB (od1000-0)." };

  it("offers skipping the fit when the only errors are the fit's own, at the field that does not fit", () => {
    const v = checkVerdict(reply([{ path: "/apps/0/mem", message: big.explanation }], [big]));
    expect(v).toMatchObject({ canSkipFit: true, validation: [] });
    expect(v.fit).toHaveLength(1);
  });

  it("never offers it when a validation error stands, even inside the app that does not fit", () => {
    const v = checkVerdict(reply([{ path: "/apps/0/mem", message: big.explanation }, { path: "/apps/0/cpus", message: "cpus must be a number" }], [big]));
    expect(v.canSkipFit).toBe(false);
    expect(v.validation).toEqual([{ path: "/apps/0/cpus", message: "cpus must be a number" }]);
  });

  it("treats every error as validation when the fit passed", () => {
    const v = checkVerdict(reply([{ path: "/id", message: "bad id" }], [{ ...big, ok: true }]));
    expect(v).toEqual({ validation: [{ path: "/id", message: "bad id" }], fit: [], canSkipFit: false });
  });
});
