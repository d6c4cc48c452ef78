import { expect, test } from "@playwright/test";
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
