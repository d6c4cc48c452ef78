/**
 * POSIX single-quoting: the result is one shell word whose value is exactly `value`, whatever it
 * contains. Every value that reaches a remote shell goes through here or through a validator.
 */
export function shQuote(value: string): string {
  if (value.includes("\0")) throw new Error("A NUL byte cannot be passed to a shell");
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
