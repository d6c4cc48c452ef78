"use client";

import { useRef, useState } from "react";
import { buttonClass, secondaryButtonClass } from "../ui/Field";

export interface NewToken {
  name: string;
  token: string;
}

type CopyState = "idle" | "copied" | "failed";

/** Only rendered after a create in this browser, so window is there to name the origin. */
export function NewTokenBox({ created, onDismiss }: { created: NewToken; onDismiss: () => void }) {
  const tokenRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  async function copyToken() {
    try {
      // navigator.clipboard is missing outside secure contexts, e.g. Armdeck on plain http in a LAN.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(created.token);
      setCopy("copied");
    } catch {
      setCopy("failed");
      const node = tokenRef.current;
      if (node) window.getSelection()?.selectAllChildren(node);
    }
  }

  const curl = `curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/v1/nodes`;
  return (
    <div data-testid="new-token" role="status" className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">
        New token “{created.name}”. Copy it now: it will not be shown again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code ref={tokenRef} className="select-all break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-amber-300">
          {created.token}
        </code>
        <button type="button" className={buttonClass} onClick={copyToken}>
          {copy === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      {copy === "failed" && <p className="text-sm text-amber-900">This browser did not allow copying; the token is selected, press Ctrl+C (⌘C).</p>}
      <div className="space-y-1">
        <p className="text-xs text-slate-600">Example:</p>
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">{curl}</pre>
      </div>
      <button type="button" className={secondaryButtonClass} onClick={onDismiss}>
        I have saved it
      </button>
    </div>
  );
}
