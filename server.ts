import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { Server as SocketServer } from "socket.io";
import { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER } from "./lib/api/requestMeta.ts";
import { recordAuditEvent, SYSTEM_ACTOR } from "./lib/audit/recordAuditEvent.ts";
import { authenticate } from "./lib/auth/principal.ts";
import { issueSetupToken } from "./lib/auth/setupToken.ts";
import { ensureAdminFromPassword } from "./lib/auth/users.ts";
import { dbReady } from "./lib/db/client.ts";
import { databaseUnavailable } from "./lib/db/databaseUnavailable.ts";
import { dataDir } from "./lib/db/databaseUrl.ts";
import { env } from "./lib/env.ts";
import { isApiPath, isPublicPath } from "./lib/http/accessGate.ts";
import { logger } from "./lib/logger.ts";
import { registerPublisher } from "./lib/realtime/publish.ts";
import { allowSocketRequest, bindSocketToCredential, socketAuthMiddleware } from "./lib/realtime/socketAuth.ts";
import { registerSocketHandlers } from "./lib/realtime/socketHandlers.ts";
import { takeRunnerLock } from "./lib/jobs/runnerLock.ts";
import { JobRunner } from "./workers/jobRunner.ts";
import { secretKey } from "./lib/crypto/secretKey.ts";
import { startNodeHealthChecker } from "./workers/nodeHealthChecker.ts";
import { startVerifyScheduler } from "./workers/verifyScheduler.ts";
import { startSessionSweeper } from "./workers/sessionSweeper.ts";
import { clusterPollSources } from "./lib/cluster/clusterPollSources.ts";
import { clusterMarathonEvents } from "./lib/cluster/clusterMarathonEvents.ts";
import { listClusterIds } from "./lib/cluster/clusters.ts";
import { socketRoomAudience } from "./lib/upstream/socketRoomAudience.ts";
import { startClusterPollers } from "./workers/clusterPollers.ts";
import { resourceHistoryRecorder } from "./lib/history/resourceHistoryRecorder.ts";

const config = env();
const dev = config.NODE_ENV !== "production";

function requestProto(req: IncomingMessage): "http" | "https" {
  if (config.ARMDECK_TRUST_PROXY) {
    const forwarded = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim();
    if (forwarded === "https" || forwarded === "http") return forwarded;
  }
  return "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
}

function requestIp(req: IncomingMessage): string {
  if (config.ARMDECK_TRUST_PROXY) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** Refuses anonymous callers before Next sees the request: 401 JSON for APIs, /login for pages. */
async function gate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://placeholder");
  if (isPublicPath(url.pathname)) return true;
  const principal = await authenticate({ cookie: req.headers.cookie, authorization: req.headers.authorization });
  if (principal) return true;
  if (isApiPath(url.pathname)) {
    res.writeHead(401, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { code: "unauthenticated", message: "Sign in first" } }));
  } else {
    const nextPath = url.pathname + url.search;
    res.writeHead(303, { Location: `/login?next=${encodeURIComponent(nextPath)}`, "Cache-Control": "no-store" });
    res.end();
  }
  return false;
}

async function main() {
  await dbReady();
  // One job runner per data folder, taken before anything else runs: a second Armdeck on the
  // same folder exits here, having changed nothing (lib/jobs/runnerLock.ts).
  const runnerLock = takeRunnerLock(dataDir());
  if (!runnerLock.held) {
    logger.fatal(runnerLock.message);
    process.exit(1);
  }
  secretKey(); // fail at start, not at the first node, when the key is unusable

  if (config.ARMDECK_ADMIN_PASSWORD) {
    const outcome = await ensureAdminFromPassword(config.ARMDECK_ADMIN_PASSWORD);
    await recordAuditEvent({ actor: SYSTEM_ACTOR, action: `user.admin-${outcome}`, target: "admin", result: "success", detail: { via: "ARMDECK_ADMIN_PASSWORD" } });
    logger.info(`User "admin" ${outcome} from ARMDECK_ADMIN_PASSWORD`);
  }

  const app = next({ dev, hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer(async (req, res) => {
    try {
      // Overwritten on every request, so what route handlers read is what the socket said.
      req.headers[CLIENT_IP_HEADER] = requestIp(req);
      req.headers[CLIENT_PROTO_HEADER] = requestProto(req);
      if (await gate(req, res)) await handle(req, res);
    } catch (error) {
      // The gate reads sessions: a database that cannot answer is a 503 in words, as in the routes.
      const unavailable = databaseUnavailable(error);
      logger.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(unavailable ? 503 : 500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: unavailable ? { code: unavailable.code, message: unavailable.message } : { code: "internal", message: "Internal error" } }));
    }
  });

  const io = new SocketServer(server, { serveClient: false, allowRequest: allowSocketRequest(requestProto) });
  io.use(socketAuthMiddleware(requestProto));
  io.on("connection", (socket) => {
    bindSocketToCredential(socket);
    registerSocketHandlers(socket);
  });
  registerPublisher({
    publish: (room, event, payload) => io.to(room).emit(event, payload),
    disconnect: (room) => io.in(room).disconnectSockets(true),
  });
  const stopSessionSweeper = startSessionSweeper();
  // One sequential poller per cluster; who watches is the membership of the cluster:<id> rooms.
  const audience = socketRoomAudience(io);
  // The resource history is recorded from the polls' own replies (never a request of its own).
  const stopPollers = await startClusterPollers({ audience, sourcesFor: clusterPollSources, eventsFor: clusterMarathonEvents, clusterIds: listClusterIds, listeners: [resourceHistoryRecorder()] });

  const stopChecker = startNodeHealthChecker(config.ARMDECK_NODE_CHECK_INTERVAL_S * 1000);
  const stopVerifier = startVerifyScheduler(config.ARMDECK_VERIFY_INTERVAL_S * 1000);
  const runner = new JobRunner();
  await runner.start();

  server.listen(config.PORT, config.HOST, async () => {
    const base = config.ARMDECK_PUBLIC_URL ?? `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
    logger.info(`Armdeck listening on ${base} (${dev ? "development" : "production"})`);
    const setupToken = await issueSetupToken();
    if (setupToken) {
      // stdout on purpose: this is the one thing the operator must see on first start.
      console.log(`\nNo users yet. Create the admin account (link valid 24 h, once):\n  ${base}/setup?token=${setupToken}\n`);
    }
  });

  const shutdown = () => {
    stopChecker();
    stopVerifier();
    void stopPollers();
    audience.close();
    void runner.stop().finally(() => runnerLock.release());
    io.close();
    stopSessionSweeper();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error) => {
  logger.fatal({ err: error }, "Armdeck failed to start");
  process.exit(1);
});
