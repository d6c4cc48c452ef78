import type { CSSProperties } from "react";

// anser's own palette is xterm's on black (pure blue is unreadable on a dark page). Asking anser
// for class names and mapping them here keeps colours legible and in one place; the palette is
// GitHub's dark terminal one, which operators already read every day.

const BASE: Record<string, string> = {
  "ansi-black": "#484f58",
  "ansi-red": "#ff7b72",
  "ansi-green": "#3fb950",
  "ansi-yellow": "#d29922",
  "ansi-blue": "#58a6ff",
  "ansi-magenta": "#bc8cff",
  "ansi-cyan": "#39c5cf",
  "ansi-white": "#b1bac4",
  "ansi-bright-black": "#6e7681",
  "ansi-bright-red": "#ffa198",
  "ansi-bright-green": "#56d364",
  "ansi-bright-yellow": "#e3b341",
  "ansi-bright-blue": "#79c0ff",
  "ansi-bright-magenta": "#d2a8ff",
  "ansi-bright-cyan": "#56d4dd",
  "ansi-bright-white": "#f0f6fc",
};

const CUBE = [0, 95, 135, 175, 215, 255];

/** xterm's 256-colour table above the 16 named colours: a 6×6×6 cube, then 24 greys. */
export function palette256(index: number): string {
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const i = index - 16;
  return `rgb(${CUBE[Math.floor(i / 36) % 6]}, ${CUBE[Math.floor(i / 6) % 6]}, ${CUBE[i % 6]})`;
}

function colour(cls: string | null | undefined, truecolor: string | null | undefined): string | undefined {
  if (!cls) return undefined;
  if (cls === "ansi-truecolor") return truecolor ? `rgb(${truecolor})` : undefined;
  if (cls.startsWith("ansi-palette-")) return palette256(Number(cls.slice(13)));
  return BASE[cls];
}

export interface AnsiPart {
  fg: string | null;
  bg: string | null;
  fg_truecolor: string | null;
  bg_truecolor: string | null;
  decorations: readonly string[];
}

export function ansiStyle(part: AnsiPart): CSSProperties | undefined {
  const style: CSSProperties = {};
  const fg = colour(part.fg, part.fg_truecolor);
  const bg = colour(part.bg, part.bg_truecolor);
  if (fg) style.color = fg;
  if (bg) style.backgroundColor = bg;
  const lines: string[] = [];
  for (const d of part.decorations) {
    if (d === "bold") style.fontWeight = 700;
    else if (d === "dim") style.opacity = 0.65;
    else if (d === "italic") style.fontStyle = "italic";
    else if (d === "underline") lines.push("underline");
    else if (d === "strikethrough") lines.push("line-through");
    else if (d === "hidden") style.visibility = "hidden";
  }
  if (lines.length) style.textDecoration = lines.join(" ");
  return Object.keys(style).length ? style : undefined;
}
