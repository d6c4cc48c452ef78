/** Text safe inside a shell comment: control characters (line breaks above all) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ");
}
