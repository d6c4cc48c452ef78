"use client";

import { useState } from "react";
import { dangerButtonClass, secondaryButtonClass } from "./Field";

/** A destructive action asks once more, in place, naming what it will do. */
export function ConfirmButton({ label, question, onConfirm, disabled }: { label: string; question: string; onConfirm: () => void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button className={secondaryButtonClass} onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2" role="group" aria-label={question}>
      <span className="text-sm text-red-800">{question}</span>
      <button className={dangerButtonClass} onClick={() => { setAsking(false); onConfirm(); }}>
        Yes, {label.toLowerCase()}
      </button>
      <button className={secondaryButtonClass} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
