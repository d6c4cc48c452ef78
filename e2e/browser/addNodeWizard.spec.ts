import { expect, test, type Page } from "@playwright/test";
import { TestClient } from "../harness/httpClient";
import { startTestSshHost, type TestSshHost } from "../harness/sshHosts";
import { e2eState, signIn } from "./state";

test("an admin adds an aarch64 node through the wizard, confirming its fingerprint", async ({ page }) => {
  const s = e2eState();
  await signIn(page, s.admin);
  await page.getByRole("link", { name: "Add node" }).click();
  await expect(page.getByRole("heading", { name: "Add a node" })).toBeVisible();

  // Step 1: a bad address is refused in place, before anything is sent.
  await page.getByLabel("Name").fill("od1000-1");
  await page.getByLabel("Address").fill("od1000-1; reboot");
  await page.getByLabel("SSH port").fill(String(s.arm.port));
  await page.getByLabel("Private key", { exact: true }).fill(s.arm.privateKey);
  await page.getByRole("button", { name: "Connect and show host key" }).click();
  await expect(page.locator('[data-field-error="address"]')).toContainText("hostname");

  await page.getByLabel("Address").fill(s.arm.address);
  await page.getByRole("button", { name: "Connect and show host key" }).click();

  // Step 2: the fingerprint shown is the one ssh-keygen -lf prints for the host's key file.
  await expect(page.getByTestId("host-key-fingerprint")).toHaveText(s.arm.fingerprint);
  await page.screenshot({ path: ".test-reports/screenshots/wizard-host-key.png", fullPage: true });
  const trust = page.getByRole("button", { name: "Trust this key and read facts" });
  await expect(trust).toBeDisabled();
  await page.getByLabel("I compared the fingerprint and it matches").check();
  await trust.click();

  // Step 3: facts read over SSH, with the Arm architecture.
  await expect(page.getByTestId("facts").locator('[data-arch="aarch64"]')).toBeVisible();
  await page.screenshot({ path: ".test-reports/screenshots/wizard-facts.png", fullPage: true });
  await page.getByRole("button", { name: "Next: role" }).click();

  // Step 4: the runbook's warning for an agent on the master.
  await page.getByLabel(/Master and agent/).check();
  await expect(page.getByRole("note")).toContainText("security");
  await page.getByRole("button", { name: "Save node" }).click();

  await page.waitForURL(/\/nodes\?added=/);
  const row = page.locator('tr[data-node="od1000-1"]');
  await expect(row.locator('[data-arch="aarch64"]')).toHaveText("aarch64");
  await expect(row).toContainText("reachable");
  await expect(row).toContainText("master + agent");
  await page.screenshot({ path: ".test-reports/screenshots/inventory.png", fullPage: true });
});

test("a wrong password is said in words and the wizard keeps what was typed", async ({ page }) => {
  const s = e2eState();
  await signIn(page, s.operator);
  await page.goto(`${s.url}/nodes/new`);
  await page.getByLabel("Name").fill("wrong-pw");
  await page.getByLabel("Address").fill(s.x86.address);
  await page.getByLabel("SSH port").fill(String(s.x86.port));
  await page.getByLabel("User").fill("root");
  await page.getByLabel("Use a password").check();
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Connect and show host key" }).click();
  await page.getByLabel("I compared the fingerprint and it matches").check();
  await page.getByRole("button", { name: "Trust this key and read facts" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "refused the credentials" })).toBeVisible();
  await expect(page.getByTestId("host-key-fingerprint")).toHaveText(s.x86.fingerprint);
});

test.describe("a machine or a name already in the inventory", () => {
  let host: TestSshHost;
  // Fresh per worker: after a failure Playwright runs beforeAll again against the same server.
  let existing: string;
  test.beforeAll(async () => {
    existing = `enrolled-${Math.random().toString(36).slice(2, 8)}`;
    const s = e2eState();
    host = await startTestSshHost({ arch: "x86_64" });
    const admin = new TestClient(s.url);
    await admin.login(s.admin.username, s.admin.password);
    const res = await admin.call("POST", "/api/v1/nodes", {
      body: { name: existing, address: host.address, port: host.port, username: "root", auth: { kind: "key", privateKey: host.root.privateKey }, role: "agent", hostKeyFingerprint: await host.hostKeyFingerprint() },
    });
    expect(res.status).toBe(201);
  });
  test.afterAll(async () => {
    await host?.dispose();
  });

  async function fillStep1(page: Page, name: string) {
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Address").fill(host.address);
    await page.getByLabel("SSH port").fill(String(host.port));
    await page.getByLabel("Private key", { exact: true }).fill(host.root.privateKey);
    await page.getByRole("button", { name: "Connect and show host key" }).click();
  }

  test("a taken name is said beside the name field at step 1", async ({ page }) => {
    const s = e2eState();
    await signIn(page, s.operator, "/nodes/new");
    await fillStep1(page, existing);
    await expect(page.locator('[data-field-error="name"]')).toHaveText("This name is taken");
    await expect(page.getByRole("button", { name: "Connect and show host key" })).toBeVisible();
    await expect(page.getByTestId("host-key-fingerprint")).toHaveCount(0);
  });

  test("the same machine again is named with a link, and goes on only when the operator confirms", async ({ page }) => {
    const s = e2eState();
    await signIn(page, s.operator, "/nodes/new");
    await fillStep1(page, `${existing}-again`);
    const warning = page.getByTestId("same-machine");
    await expect(warning).toContainText("This machine is already enrolled");
    await expect(warning).toContainText("same host key");
    await expect(warning).toContainText(`same address ${host.address}:${host.port}`);
    await expect(warning.getByRole("link", { name: existing })).toHaveAttribute("href", /^\/nodes\/c/);
    await page.screenshot({ path: ".test-reports/screenshots/wizard-same-machine.png", fullPage: true });

    await page.getByLabel("I compared the fingerprint and it matches").check();
    const trust = page.getByRole("button", { name: "Trust this key and read facts" });
    await expect(trust).toBeDisabled();
    await page.getByLabel("Add this machine again anyway").check();
    await trust.click();
    await page.getByRole("button", { name: "Next: role" }).click();
    await page.getByRole("button", { name: "Save node" }).click();
    await page.waitForURL(/\/nodes\?added=/);
    await expect(page.locator(`tr[data-node="${existing}-again"]`)).toContainText("reachable");
  });
});
