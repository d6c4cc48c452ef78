import { jsonLanguage } from "@codemirror/lang-json";
import type { SyntaxNode } from "@lezer/common";
import { parsePointer } from "./jsonPointer";

// Where a JSON Pointer's value is in the JSON text, from the editor's own syntax tree, so an issue
// from the check lands on the line the user wrote it. A path the text does not have falls back to
// its deepest ancestor that it does (a missing "mem" marks its app).

function children(node: SyntaxNode, names: string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (names.includes(c.name)) out.push(c);
  return out;
}

const VALUES = ["Object", "Array", "String", "Number", "True", "False", "Null"];

function unquote(text: string): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}

export function pointerRange(text: string, pointer: string): { from: number; to: number } | null {
  const tree = jsonLanguage.parser.parse(text);
  let node: SyntaxNode | null = children(tree.topNode, VALUES)[0] ?? null;
  if (!node) return null;
  // The member (name and value) when the last step was a property, so the mark covers the key.
  let mark: SyntaxNode = node;
  for (const seg of parsePointer(pointer)) {
    let next: SyntaxNode | null = null;
    let member: SyntaxNode | null = null;
    if (node.name === "Object") {
      // The last duplicate key wins in JSON.parse, and so here.
      for (const p of children(node, ["Property"])) {
        const name = p.getChild("PropertyName");
        if (name && unquote(text.slice(name.from, name.to)) === seg) {
          member = p;
          next = children(p, VALUES)[0] ?? null;
        }
      }
    } else if (node.name === "Array" && /^\d+$/.test(seg)) {
      next = children(node, VALUES)[Number(seg)] ?? null;
      member = next;
    }
    if (!next || !member) break;
    node = next;
    mark = member;
  }
  return { from: mark.from, to: mark.to };
}
