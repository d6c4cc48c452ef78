import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../harness/appServer";

let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer({ adminPassword: null });
});
test.afterAll(async () => {
  await server?.stop();
});

test("the first start prints a one-time setup link that creates the admin", async ({ page }) => {
  let link: string | undefined;
  for (let i = 0; i < 50 && !link; i++) {
    link = (await server.output()).match(/http:\/\/\S+\/setup\?token=[\w-]+/)?.[0];
    if (!link) await page.waitForTimeout(100);
  }
  expect(link, "no setup link printed").toBeDefined();

  await page.goto(link!);
  await page.getByLabel("Admin username").fill("root-admin");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat password").fill("short");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByLabel("Repeat password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/nodes`);
  await expect(page.getByTestId("current-user")).toContainText("root-admin");
  await expect(page.getByTestId("current-user")).toContainText("admin");

  // The link is spent.
  await page.goto(link!);
  await expect(page.getByRole("alert").filter({ hasText: "invalid, used or expired" })).toBeVisible();
});
