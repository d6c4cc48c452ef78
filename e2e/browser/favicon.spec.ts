import { expect, test, type Page } from "@playwright/test";
import { e2eState, signIn } from "./state";

/** Every 404 response and console error the page meets, from now on. */
function watchForErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 404) seen.push(`404 ${res.url()}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.push(`console: ${msg.text()}`);
  });
  return seen;
}

/** The icon the page declares, fetched the way the browser does: an SVG, answered 200. */
async function expectIcon(page: Page) {
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/svg\+xml/);
}

test("the sign-in page and signed-in pages load their icon with no 404 in the console", async ({ page, browser }) => {
  const s = e2eState();
  const anonymous = await (await browser.newContext()).newPage();
  const anonymousErrors = watchForErrors(anonymous);
  await anonymous.goto(`${s.url}/login`);
  await expect(anonymous.getByRole("heading", { name: "Sign in to Armdeck" })).toBeVisible();
  await expectIcon(anonymous);
  await anonymous.waitForLoadState("networkidle");
  expect(anonymousErrors).toEqual([]);

  const errors = watchForErrors(page);
  await signIn(page, s.operator, "/nodes");
  // Pages that ask nothing of Mesos or Marathon: a cluster home whose upstream is down rightly
  // gets 502s from the panel API (the browser logs those), which is not what this test is about.
  for (const path of ["/nodes", "/nodes/new", "/clusters", "/runs"]) {
    await page.goto(s.url + path);
    await page.waitForLoadState("networkidle");
    await expectIcon(page);
  }
  expect(errors).toEqual([]);
});
