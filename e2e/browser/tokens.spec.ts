import { expect, test } from "@playwright/test";
import { e2eState, signIn } from "./state";

test("an API token is shown once and works as a Bearer token", async ({ page, request }) => {
  const s = e2eState();
  await signIn(page, s.operator, "/settings/tokens");
  await page.getByLabel("Name").fill("deploy-script");
  await page.getByRole("button", { name: /create/i }).click();
  const box = page.getByTestId("new-token");
  await expect(box).toContainText("will not be shown again");
  const token = (await box.locator("code, input, pre").first().textContent()) || (await box.locator("input").first().inputValue());
  const match = token.match(/ad_[\w-]+/);
  expect(match).not.toBeNull();
  const res = await request.get(`${s.url}/api/v1/nodes`, { headers: { authorization: `Bearer ${match![0]}` } });
  expect(res.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByTestId("tokens-table")).toContainText("deploy-script");
  await expect(page.getByTestId("tokens-table")).not.toContainText(match![0]);
});
