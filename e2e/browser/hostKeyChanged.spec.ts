import { expect, test } from "@playwright/test";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, type TestSshHost } from "../harness/sshHosts";
import { e2eState, signIn } from "./state";

let host: TestSshHost;
let nodeId: string;

test.beforeAll(async () => {
  const s = e2eState();
  host = await startTestSshHost({ arch: "aarch64" });
  const admin = new TestClient(s.url);
  await admin.login(s.admin.username, s.admin.password);
  const res = await admin.call("POST", "/api/v1/nodes", {
    body: { name: "rekeyed", address: host.address, port: host.port, username: "root", auth: { kind: "key", privateKey: host.root.privateKey }, role: "agent", hostKeyFingerprint: await host.hostKeyFingerprint() },
  });
  expect(res.status).toBe(201);
  nodeId = res.body.id;
});
test.afterAll(async () => {
  await host?.dispose();
});

test("a changed host key is a hard stop that only an admin can lift", async ({ page, browser }) => {
  const s = e2eState();
  const pinned = await host.hostKeyFingerprint();
  // Another key type, so the panel's type and bits are the new key's, not the pinned one's.
  await host.regenerateHostKey("ecdsa");
  const offered = await host.hostKeyFingerprint();
  const [bits, , ...rest] = (await host.hostKeyListing()).split(" "); // "256 SHA256:… comment (ECDSA)"
  const offeredLine = `${bits} ${offered} ${rest.at(-1)}`;

  // An operator re-checks, sees both keys, and cannot re-pin.
  const operatorPage = await (await browser.newContext()).newPage();
  await signIn(operatorPage, s.operator, `/nodes/${nodeId}`);
  await operatorPage.getByRole("button", { name: "Re-check" }).click();
  const panel = operatorPage.getByTestId("host-key-changed");
  await expect(panel).toContainText(pinned);
  await expect(panel).toContainText(offered);
  await expect(panel.getByTestId("host-key-line").nth(1)).toHaveText(offeredLine);
  expect(offeredLine).toMatch(/^256 SHA256:\S+ \(ECDSA\)$/);
  await expect(panel).toContainText("Only an admin can re-pin");
  await expect(operatorPage.getByRole("button", { name: "Re-pin to the offered key" })).toHaveCount(0);

  // The admin verifies and re-pins; the node is reachable again with the new key.
  await signIn(page, s.admin, `/nodes/${nodeId}`);
  await expect(page.getByTestId("host-key-changed")).toBeVisible();
  const repin = page.getByRole("button", { name: "Re-pin to the offered key" });
  await expect(repin).toBeDisabled();
  await page.getByLabel("I verified the offered fingerprint on the machine").check();
  await repin.click();
  await expect(page.getByTestId("host-key-changed")).toHaveCount(0);
  await expect(page.getByText("reachable", { exact: true })).toBeVisible();
  await expect(page.getByTestId("host-key-fingerprint")).toHaveText(offered);
});
