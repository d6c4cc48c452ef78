import { expect, test, type Page, type WebSocket } from "@playwright/test";
import { e2eState, signIn } from "./state";

// DESIGN: one socket per page. The provisioned cluster's home has the cluster's live panels
// (room cluster:1) and its recent runs (room runs); every component shares the page's one
// socket.io connection, each room is joined once, and a room is left when the last component
// that needs it goes.

/** Every WebSocket the page opens, with the socket.io events it sent ("subscribe cluster:1"). */
function recordSockets(page: Page) {
  const sockets: { ws: WebSocket; sent: string[] }[] = [];
  page.on("websocket", (ws) => {
    const entry = { ws, sent: [] as string[] };
    sockets.push(entry);
    ws.on("framesent", (f) => {
      const m = typeof f.payload === "string" ? /^42(\[.*\])$/.exec(f.payload) : null;
      if (!m) return;
      const [event, arg] = JSON.parse(m[1]!) as [string, unknown];
      entry.sent.push(`${event} ${typeof arg === "string" ? arg : JSON.stringify(arg)}`);
    });
  });
  return sockets;
}

test("a cluster page opens one socket for all its components; a room is left when its last user unmounts", async ({ page }) => {
  const sockets = recordSockets(page);
  await signIn(page, e2eState().viewer, "/clusters/1");
  await expect(page.getByTestId("cluster-heading")).toBeVisible();
  await expect.poll(() => sockets.flatMap((s) => s.sent)).toEqual(expect.arrayContaining(["subscribe cluster:1", "subscribe runs"]));
  // Long enough for any component that would open a socket of its own to have done so.
  await page.waitForTimeout(1500);
  const open = sockets.filter((s) => !s.ws.isClosed());
  expect(open).toHaveLength(1);
  expect(open[0]!.sent.filter((e) => e === "subscribe cluster:1")).toHaveLength(1);

  // Away from the cluster (client-side): the same socket leaves the cluster's room.
  await page.getByRole("link", { name: "Runs", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/runs");
  await expect.poll(() => open[0]!.sent).toContain("unsubscribe cluster:1");
  expect(sockets.filter((s) => !s.ws.isClosed())).toHaveLength(1);
});
