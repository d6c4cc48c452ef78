"use client";

import { useDeployForm } from "./formContext";

/** The check's errors and warnings whose JSON Pointer is exactly this field's. */
export function FieldIssues({ at }: { at: string }) {
  const { errors, warnings } = useDeployForm();
  const mine = [...errors.filter((i) => i.path === at).map((i) => ({ ...i, level: "error" as const })), ...warnings.filter((i) => i.path === at).map((i) => ({ ...i, level: "warning" as const }))];
  if (mine.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs">
      {mine.map((i, n) => (
        <li key={n} role={i.level === "error" ? "alert" : undefined} data-testid={`field-${i.level}`} data-path={at} className={i.level === "error" ? "text-red-700" : "text-amber-800"}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
