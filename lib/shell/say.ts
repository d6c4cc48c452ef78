import { shQuote } from "./quote.ts";

/** A shell line that prints `[armdeck] <text>` verbatim, whatever the text holds. */
export function say(text: string, toStderr = false): string {
  return `printf '%s\\n' ${shQuote(`[armdeck] ${text}`)}${toStderr ? " >&2" : ""}`;
}
