// Errors a service may throw on purpose; lib/api/handler.ts maps each to one HTTP status.
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(readonly fields: FieldErrors, message = "Some fields are not valid") {
    super(message, 400, "validation_failed", { fields });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in first") {
    super(message, 401, "unauthenticated");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this") {
    super(message, 403, "forbidden");
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(`${what} not found`, 404, "not_found");
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 409, "conflict", extra);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, 429, "rate_limited", {
      retryAfterSeconds,
    });
  }
}

/** Armdeck cannot do this right now for a reason outside the request (e.g. its database takes no writes). */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 503, "service_unavailable", extra);
  }
}

/** A plan that changes nodes was sent without `confirm: true`; the body says what it would change. */
export class ConfirmationRequiredError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 422, "confirmation_required", extra);
  }
}
