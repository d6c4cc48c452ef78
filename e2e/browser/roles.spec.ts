import { expect, test } from "@playwright/test";
import { e2eState, signIn } from "./state";

test("a viewer sees the inventory but cannot add a node", async ({ page }) => {
  const s = e2eState();
  await signIn(page, s.viewer);
  await expect(page.getByRole("heading", { name: "Nodes" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("viewer");
  await expect(page.getByRole("link", { name: "Add node" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-check" })).toHaveCount(0);

  await page.goto(`${s.url}/nodes/new`);
  await expect(page.getByRole("alert").filter({ hasText: "Your role (viewer)" })).toBeVisible();
  await expect(page.getByLabel("Address")).toHaveCount(0);

  // The server refuses too, whatever the page shows.
  const status = await page.evaluate(async () => (await fetch("/api/v1/nodes/probe", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status);
  expect(status).toBe(403);

  await page.goto(`${s.url}/admin/audit`);
  await expect(page.getByRole("alert").filter({ hasText: "viewer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});

test("an admin sees sign-ins in the audit log", async ({ page }) => {
  const s = e2eState();
  await signIn(page, s.admin);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-table").locator('[data-action="auth.login"]').first()).toBeVisible();
});
