import type { ZodError } from "zod";
import type { FieldErrors } from "../errors.ts";

/** One message per field path ("auth.privateKey"), the first zod reported. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
