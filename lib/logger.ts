import pino from "pino";
import { env } from "./env.ts";

// Redaction is a second line of defence: secrets are never passed to the logger on purpose.
export const logger = pino({
  level: env().ARMDECK_LOG_LEVEL,
  redact: {
    paths: ["*.password", "*.privateKey", "*.passphrase", "*.token", "*.secret", "*.secretCipher", "auth", "*.auth"],
    censor: "[redacted]",
  },
});
