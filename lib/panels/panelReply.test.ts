import { afterEach, describe, expect, it, vi } from "vitest";
import { panelReply } from "./panelReply.ts";

afterEach(() => vi.restoreAllMocks());

describe("panelReply", () => {
  it("writes one view's JSON once however many replies carry it, each reply with its own age", async () => {
    const view = { agents: [{ id: "a1", cpus: 4 }], total: { cpus: 4 }, ageMs: "overwritten" };
    const stringify = vi.spyOn(JSON, "stringify");
    const first = await panelReply({ source: "mesos.state", data: {}, fetchedAt: 1_000, ageMs: 250 }, "mesos", () => view).json();
    const second = await panelReply({ source: "mesos.state", data: {}, fetchedAt: 1_000, ageMs: 4_000 }, "mesos", () => view).json();
    expect(first).toEqual({ ...view, fetchedAt: new Date(1_000).toISOString(), ageMs: 250 });
    expect(second).toEqual({ ...view, fetchedAt: new Date(1_000).toISOString(), ageMs: 4_000 });
    // Whatever object carries the view's agents to JSON.stringify: once, not once per reply.
    expect(stringify.mock.calls.filter(([v]) => (v as { agents?: unknown } | null)?.agents === view.agents)).toHaveLength(1);
  });

  it("an empty view is just its age", async () => {
    expect(await panelReply({ source: "x", data: {}, fetchedAt: null, ageMs: null }, "marathon", () => ({})).json()).toEqual({ fetchedAt: null, ageMs: null });
  });
});
