import { expect, test } from "@playwright/test";
import { startStandin, type Standin } from "../../standin/server";
import { freePort } from "../harness/sshHosts";
import { e2eState, signIn } from "./state";

// An operator adopts a running cluster from the clusters page and reads the probe, endpoint by
// endpoint: the stand-in's master and Marathon answer, a port nobody listens on is refused.
let standin: Standin;

test.beforeAll(async () => {
  standin = await startStandin({ agents: 2, apps: 1 });
});

test.afterAll(async () => {
  await standin?.stop();
});

test("adopting a cluster in the UI shows what each endpoint answered", async ({ page }) => {
  const s = e2eState();
  const refusing = `http://127.0.0.1:${await freePort()}`;
  await signIn(page, s.operator, "/clusters");
  const form = page.getByRole("form", { name: "Adopt a running cluster" });
  await form.getByLabel("Name").fill(`adopted-${Date.now().toString(36)}`);
  await form.getByLabel(/Mesos masters/).fill(`${standin.mesosUrls[0]}\n${refusing}`);
  await form.getByLabel(/Marathon instances/).fill(standin.marathonUrls[0]!);
  await form.getByRole("button", { name: "Adopt cluster" }).click();
  const probe = form.getByTestId("probe-results");
  await expect(probe).toContainText(`${standin.mesosUrls[0]}: Mesos`);
  await expect(probe).toContainText(`${refusing}: `);
  await expect(probe).toContainText("refused the connection");
  await expect(probe).toContainText(`${standin.marathonUrls[0]}: Marathon`);
  await expect(page.getByTestId("cluster-table")).toContainText(standin.mesosUrls[0]!);
});

test("a hostile endpoint is refused next to its field", async ({ page }) => {
  const s = e2eState();
  await signIn(page, s.operator, "/clusters");
  const form = page.getByRole("form", { name: "Adopt a running cluster" });
  await form.getByLabel("Name").fill("hostile-ui");
  await form.getByLabel(/Mesos masters/).fill("http://user:pw@m1.example.com:5050");
  await form.getByRole("button", { name: "Adopt cluster" }).click();
  await expect(form).toContainText("No user name or password in the URL");
});
