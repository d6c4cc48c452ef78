import { expect, test } from "@playwright/test";
import { appRoutes, PUBLIC_ROUTES } from "../harness/appRoutes";
import { e2eState } from "./state";

test("every page sends an anonymous visitor to the sign-in page", async ({ page }) => {
  const s = e2eState();
  const pages = appRoutes().filter((r) => r.kind === "page" && !PUBLIC_ROUTES.has(r.pattern));
  expect(pages.length).toBeGreaterThanOrEqual(5);
  for (const route of pages) {
    await page.goto(s.url + route.path);
    await expect(page, `${route.pattern} did not redirect`).toHaveURL(`${s.url}/login?next=${encodeURIComponent(route.path)}`);
    await expect(page.getByRole("heading", { name: "Sign in to Armdeck" })).toBeVisible();
  }
});

test("after signing in, the visitor lands where they were going", async ({ page }) => {
  const s = e2eState();
  await page.goto(`${s.url}/settings/tokens`);
  await page.getByLabel("Username").fill(s.operator.username);
  await page.getByLabel("Password").fill(s.operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${s.url}/settings/tokens`);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});

test("sign-in refuses a wrong password and an off-site next", async ({ page }) => {
  const s = e2eState();
  await page.goto(`${s.url}/login?next=//evil.example/`);
  await page.getByLabel("Username").fill(s.admin.username);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password" })).toBeVisible();
  await page.getByLabel("Password").fill(s.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${s.url}/nodes`);
});
