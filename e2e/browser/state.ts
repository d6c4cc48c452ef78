import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

export interface E2eHost {
  address: string;
  port: number;
  privateKey: string;
  fingerprint: string;
  dir: string;
}

export interface E2eState {
  url: string;
  admin: { username: string; password: string };
  viewer: { username: string; password: string };
  operator: { username: string; password: string };
  arm: E2eHost;
  x86: E2eHost;
}

export function e2eState(): E2eState {
  const file = process.env.ARMDECK_E2E_STATE;
  if (!file) throw new Error("ARMDECK_E2E_STATE is not set: run through playwright.config.ts");
  return JSON.parse(readFileSync(file, "utf8")) as E2eState;
}

export async function signIn(page: Page, who: { username: string; password: string }, next = "/nodes") {
  await signInAt(page, e2eState().url, who, next);
}

/** Signs in through the login page of the server at `url` and waits to land on `next`. */
export async function signInAt(page: Page, url: string, who: { username: string; password: string }, next: string) {
  await page.goto(`${url}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next);
}
