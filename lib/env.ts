import { z } from "zod";

// Every setting Armdeck reads from the environment, declared once and checked at start.
const boolFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** Named points where ARMDECK_CRASH_AT kills the runner's process (tests only, lib/jobs/crashPoint.ts). */
export const CRASH_POINTS = ["job-claimed", "job-folder-recorded", "job-started-on-node"] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  ARMDECK_DATA_DIR: z.string().min(1).default("data"),
  /** 32 bytes as 64 hex characters or base64; when absent a key file is generated in the data dir. */
  ARMDECK_SECRET_KEY: z.string().min(1).optional(),
  /** Creates or resets user "admin" at start, for automation and tests. */
  ARMDECK_ADMIN_PASSWORD: z.string().min(12, "ARMDECK_ADMIN_PASSWORD must have at least 12 characters").optional(),
  /** The address people use to reach the dashboard; used in the printed setup link. */
  ARMDECK_PUBLIC_URL: z.string().url().optional(),
  /** Force Secure cookies even when the request did not arrive over https (e.g. TLS ends at a proxy that does not say so). */
  ARMDECK_SECURE_COOKIES: boolFlag.optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Armdeck. */
  ARMDECK_TRUST_PROXY: boolFlag.default(false),
  ARMDECK_SSH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  ARMDECK_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /** How often the background checker re-tests every node's reachability; 0 turns it off. */
  ARMDECK_NODE_CHECK_INTERVAL_S: z.coerce.number().int().min(0).default(300),
  /** How often "Verify" (drift) runs on a brought-up cluster that did not set verifyIntervalMinutes; 0 turns it off (docs/preflight.md). */
  ARMDECK_VERIFY_INTERVAL_S: z.coerce.number().int().min(0).default(3600),
  ARMDECK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Tests only: the process kills itself at this point of a job's start, as a crash would. */
  ARMDECK_CRASH_AT: z.enum(CRASH_POINTS).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}
