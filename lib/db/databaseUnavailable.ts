import { ServiceUnavailableError } from "../errors.ts";

// SQLite's result codes for "the database cannot take this write now", in words an operator can
// act on. Prisma (through the driver adapter) and better-sqlite3 both carry the code in `code`.
const CAUSES: { code: RegExp; cause: string; retryAfterSeconds?: number }[] = [
  { code: /^SQLITE_READONLY/, cause: "the database is read-only (check the data folder's permissions and mount)" },
  { code: /^SQLITE_FULL$/, cause: "the disk holding the database is full" },
  { code: /^SQLITE_(BUSY|LOCKED)/, cause: "the database is busy with another write", retryAfterSeconds: 5 },
  { code: /^SQLITE_IOERR/, cause: "the database file could not be written (read-only or immutable file, or a failing disk)" },
  { code: /^SQLITE_CANTOPEN$/, cause: "the database file cannot be opened" },
];

/** The 503 a database error stands for, or null when it is not one of these. */
export function databaseUnavailable(error: unknown): ServiceUnavailableError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  const known = CAUSES.find((c) => c.code.test(code));
  if (!known) return null;
  return new ServiceUnavailableError(`Armdeck cannot save this now: ${known.cause} (${code}). Nothing was saved; try again once it is fixed.`, {
    cause: code,
    ...(known.retryAfterSeconds ? { retryAfterSeconds: known.retryAfterSeconds } : {}),
  });
}
