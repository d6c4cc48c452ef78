"use client";

import { json, jsonParseLinter } from "@codemirror/lang-json";
import { lintGutter, linter, type Diagnostic } from "@codemirror/lint";
import { StateEffect } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DeployIssue } from "@/lib/deploy/deployContract";
import { pointerRange } from "./pointerRange";

export interface LineProblem {
  line: number;
  severity: "error" | "warning";
  message: string;
}

const parseLint = jsonParseLinter();
/** The check answered anew: lint again although the text did not change. */
const issuesChanged = StateEffect.define<null>();

/**
 * The group as JSON text in CodeMirror: syntax errors at their line (the JSON parser's own
 * position), and the check's issues at the line of their JSON Pointer. The list under the editor
 * says the same in words, with line numbers, for those who do not see the gutter.
 */
export function JsonEditor({ value, onChange, issues, readOnly }: { value: string; onChange: (text: string) => void; issues: { errors: DeployIssue[]; warnings: DeployIssue[] }; readOnly: boolean }) {
  const issuesRef = useRef(issues);
  issuesRef.current = issues;
  const viewRef = useRef<EditorView | null>(null);
  const [problems, setProblems] = useState<LineProblem[]>([]);

  const extensions = useMemo(
    () => [
      json(),
      lintGutter(),
      linter(
        (view) => {
          const text = view.state.doc.toString();
          const syntax = parseLint(view);
          const found: Diagnostic[] = [...syntax];
          // Pointers only make sense on JSON that parses.
          if (syntax.length === 0) {
            for (const [severity, list] of [["error", issuesRef.current.errors], ["warning", issuesRef.current.warnings]] as const) {
              for (const i of list) {
                const r = pointerRange(text, i.path);
                if (r) found.push({ from: r.from, to: Math.min(r.to, view.state.doc.lineAt(r.from).to), severity, message: i.path ? `${i.path}: ${i.message}` : i.message });
              }
            }
          }
          const lines = found.map((d) => ({ line: view.state.doc.lineAt(d.from).number, severity: d.severity === "error" ? ("error" as const) : ("warning" as const), message: d.message }));
          queueMicrotask(() => setProblems(lines));
          return found;
        },
        { delay: 250, needsRefresh: (u) => u.transactions.some((t) => t.effects.some((e) => e.is(issuesChanged))) },
      ),
    ],
    [],
  );

  // By content: the parent passes a new object each render.
  const issuesKey = JSON.stringify(issues);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: issuesChanged.of(null) });
  }, [issuesKey]);

  return (
    <div className="space-y-2">
      <div className="overflow-hidden rounded border border-slate-300" data-testid="json-editor">
        <CodeMirror
          value={value}
          height="480px"
          extensions={extensions}
          editable={!readOnly}
          onChange={onChange}
          onCreateEditor={(view) => {
            viewRef.current = view;
          }}
          basicSetup={{ foldGutter: true, highlightActiveLine: true }}
        />
      </div>
      {problems.length > 0 && (
        <ul className="space-y-0.5 text-xs" data-testid="json-problems">
          {problems.map((p, i) => (
            <li key={i} data-testid="json-problem" data-line={p.line} className={p.severity === "error" ? "text-red-700" : "text-amber-800"}>
              Line {p.line}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
