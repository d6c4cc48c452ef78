import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import { recordAuditEvent, type AuditActor } from "../audit/recordAuditEvent.ts";
import { csrfRefusal } from "../auth/csrf.ts";
import { authenticate, type Principal } from "../auth/principal.ts";
import { roleAllows, type Role } from "../auth/roles.ts";
import { dbReady } from "../db/client.ts";
import { databaseUnavailable } from "../db/databaseUnavailable.ts";
import { AppError, ForbiddenError, UnauthenticatedError, ValidationError } from "../errors.ts";
import { logger } from "../logger.ts";
import { clientIp, expectedOrigin } from "./requestMeta.ts";
import { zodFieldErrors } from "./zodFields.ts";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  principal: Principal;
  actor: AuditActor;
  ip: string | null;
  /** Parses the JSON body with a schema; a bad body is a 400 with field errors. */
  body<T>(schema: ZodType<T>): Promise<T>;
  query<T>(schema: ZodType<T>): T;
}

type RouteContext<P> = { params: Promise<P> };

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ZodError) error = new ValidationError(zodFieldErrors(error));
  const unavailable = databaseUnavailable(error);
  if (unavailable) {
    logger.warn({ err: error }, unavailable.message);
    error = unavailable;
  }
  if (error instanceof AppError) {
    const field = typeof error.extra.field === "string" ? error.extra.field : null;
    const fields = (error.extra.fields as Record<string, string> | undefined) ?? (field ? { [field]: error.message } : undefined);
    const headers: Record<string, string> = {};
    if (typeof error.extra.retryAfterSeconds === "number") headers["Retry-After"] = String(error.extra.retryAfterSeconds);
    return NextResponse.json({ error: { code: error.code, message: error.message, ...error.extra, fields } }, { status: error.status, headers });
  }
  logger.error({ err: error }, "unhandled API error");
  return NextResponse.json({ error: { code: "internal", message: "Internal error: see the server log" } }, { status: 500 });
}

async function parseBody<T>(req: NextRequest, schema: ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new ValidationError({ _: "The request body must be JSON" }, "The request body must be JSON");
  }
  return schema.parse(raw);
}

/**
 * Every API handler goes through here: authentication, role, CSRF for cookie writes, and one
 * error-to-status mapping. A route opts out of authentication only with `public: true`.
 */
export function apiRoute<P = Record<string, never>>(
  options: { role: Role } | { public: true },
  handler: (ctx: ApiContext<P>) => Promise<unknown>,
) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const ip = clientIp(req.headers);
    let principal: Principal | null = null;
    try {
      await dbReady();
      if (!("public" in options)) {
        principal = await authenticate({ cookie: req.headers.get("cookie"), authorization: req.headers.get("authorization") });
        if (!principal) throw new UnauthenticatedError();
        const refusal = csrfRefusal(principal, {
          method: req.method,
          csrfHeader: req.headers.get("x-csrf-token"),
          origin: req.headers.get("origin"),
          expectedOrigin: expectedOrigin(req.headers),
        });
        if (refusal) throw new ForbiddenError(refusal);
        if (!roleAllows(principal.role, options.role)) throw new ForbiddenError(`Your role (${principal.role}) does not allow this; it needs ${options.role}`);
      }
      const ctx: ApiContext<P> = {
        req,
        params: route?.params ? await route.params : ({} as P),
        principal: principal as Principal,
        actor: principal ? { userId: principal.userId, username: principal.username, ip } : { username: "anonymous", ip },
        ip,
        body: (schema) => parseBody(req, schema),
        query: (schema) => schema.parse(Object.fromEntries(req.nextUrl.searchParams)),
      };
      const result = await handler(ctx);
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      if (error instanceof ForbiddenError) {
        await recordAuditEvent({
          actor: principal ? { userId: principal.userId, username: principal.username, ip } : { username: "anonymous", ip },
          action: "api.denied",
          target: `${req.method} ${req.nextUrl.pathname}`,
          result: "denied",
          detail: { reason: error.message },
        }).catch(() => undefined);
      }
      return errorResponse(error);
    }
  };
}
