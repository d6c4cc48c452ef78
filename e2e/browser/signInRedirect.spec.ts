import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eState } from "./state";

// Issue 6 item 5: Chromium reads "\" as "/", so /login?next=/%5C127.0.0.2:PORT/phish once sent a
// freshly signed-in user to another host. A real listener stands in for the phishing site, so a
// regression lands on its page rather than on an error page.
let phish: Server;
let phishPort: number;

test.beforeAll(async () => {
  phish = createServer((_req, res) => res.end("<h1>phish</h1>"));
  await new Promise<void>((resolve) => phish.listen(0, "127.0.0.2", resolve));
  phishPort = (phish.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise((resolve) => phish.close(resolve));
});

for (const next of ["/%5C127.0.0.2:PORT/phish", "%5C%5C127.0.0.2:PORT/phish", "/%09/127.0.0.2:PORT/phish", "/.//127.0.0.2:PORT/phish"]) {
  test(`signing in with next=${next} stays on the dashboard`, async ({ page, context }) => {
    const s = e2eState();
    await context.clearCookies();
    await page.goto(`${s.url}/login?next=${next.replace("PORT", String(phishPort))}`);
    await page.getByLabel("Username").fill(s.viewer.username);
    await page.getByLabel("Password").fill(s.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${s.url}/nodes`);
    expect(new URL(page.url()).origin).toBe(s.url);
    await expect(page.getByText("phish")).toHaveCount(0);
  });
}
