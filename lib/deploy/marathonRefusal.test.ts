// Marathon's refusals, with bodies as notes §9 and the audit (§1.4-1.6) give them, mapped to
// Armdeck's 409/422: pointers for Marathon's "(i)" paths, app-relative paths placed under the
// app when only one app could be meant.
import { describe, expect, it } from "vitest";
import { marathonApiError } from "../marathon/marathonApiError.ts";
import { UpstreamError } from "../http/upstreamError.ts";
import { marathonPathToPointer, refusalOf } from "./marathonRefusal.ts";

const reply = (status: number, body: unknown) => marathonApiError({ url: "http://127.0.0.1:8080/v2/groups", status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) })!;
const extra = (e: unknown) => (e as { status: number; code: string; extra: Record<string, any> });

describe("Marathon's refusals as Armdeck's replies", () => {
  it("writes Marathon's paths as JSON Pointers", () => {
    expect(marathonPathToPointer("/groups(0)/groups(1)/apps(2)/id")).toBe("/groups/0/groups/1/apps/2/id");
    expect(marathonPathToPointer("/")).toBe("");
  });

  it("409 app-locked → marathon_conflict with the blocking deployment ids", () => {
    const e = extra(refusalOf(reply(409, { message: "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.", deployments: [{ id: "97c1" }] })));
    expect(e).toMatchObject({ status: 409, code: "marathon_conflict" });
    expect(e.extra.deployments).toEqual(["97c1"]);
    expect(e.extra.upstream).toEqual({ status: 409, message: expect.stringContaining("App is locked") });
  });

  it("422 → marathon_invalid: group paths as pointers; an app-relative path under the only app", () => {
    const body = { id: "/arm-demo", groups: [{ id: "g", apps: [{ id: "a", cmd: "sleep 1" }] }] };
    const e = extra(refusalOf(reply(422, { message: "Object is not valid", details: [{ path: "/groups(0)/apps(0)/id", errors: ["Identifier is not child of /arm-demo/g. Hint: use relative paths."] }, { path: "/container/docker/image", errors: ["error.minLength"] }] }), body, ["/groups/0/apps/0"]));
    expect(e).toMatchObject({ status: 422, code: "marathon_invalid" });
    expect(e.extra.issues.map((i: { path: string }) => i.path)).toEqual(["/groups/0/apps/0/id", "/groups/0/apps/0/container/docker/image"]);
  });

  it("an app-relative path with several apps stays unplaced, Marathon's path kept in the message", () => {
    const body = { id: "/g", apps: [{ id: "a" }, { id: "b" }] };
    const e = extra(refusalOf(reply(422, { message: "Object is not valid", details: [{ path: "/cmd", errors: ["must not be empty"] }] }), body, ["/apps/0", "/apps/1"]));
    expect(e.extra.issues).toEqual([{ path: "", message: "must not be empty (Marathon's path /cmd)" }]);
  });

  it("a 404 keeps its status and words; Marathon unreachable is a 502 in words, never a 500", () => {
    expect(extra(refusalOf(reply(404, { message: "App '/x' does not exist" })))).toMatchObject({ status: 404, code: "marathon_refused" });
    const down = new UpstreamError({ upstream: "marathon", url: "http://127.0.0.1:1/v2/groups", kind: "refused", message: "Marathon at 127.0.0.1:1 refused the connection" });
    expect(extra(refusalOf(down))).toMatchObject({ status: 502, code: "upstream_refused" });
  });
});
