// One server and two sshd test hosts (aarch64 and x86_64) for the browser specs, described to
// them through a state file; everything is stopped in the returned teardown.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "../harness/appServer";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, stopAllTestSshHosts } from "../harness/sshHosts";
import type { E2eState } from "./state";

export default async function globalSetup() {
  const [server, arm, x86] = await Promise.all([startAppServer(), startTestSshHost({ arch: "aarch64" }), startTestSshHost({ arch: "x86_64" })]);
  const admin = new TestClient(server.url);
  await admin.login("admin", server.adminPassword);
  const users = { viewer: { username: "vera-viewer", password: "viewer-password-123" }, operator: { username: "otto-operator", password: "operator-password-123" } };
  for (const [role, u] of Object.entries(users)) {
    const res = await admin.call("POST", "/api/v1/users", { body: { ...u, role } });
    if (res.status !== 201) throw new Error(`could not create ${role}: ${res.text}`);
  }
  const host = async (h: typeof arm) => ({ address: h.address, port: h.port, privateKey: h.root.privateKey, fingerprint: await h.hostKeyFingerprint(), dir: h.dir });
  const state: E2eState = {
    url: server.url,
    admin: { username: "admin", password: server.adminPassword },
    ...users,
    arm: await host(arm),
    x86: await host(x86),
  };
  const file = path.join(os.tmpdir(), `armdeck-e2e-state-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(state));
  process.env.ARMDECK_E2E_STATE = file;
  return async () => {
    await stopAllTestSshHosts();
    await server.stop();
  };
}
