import type { ReactNode } from "react";

export interface Column {
  label: string;
  align?: "right";
}

/** The app's one table frame: header row, body rows, and a message row when there is nothing to show. */
export function DataTable({ testId, columns, message, children }: { testId?: string; columns: Column[]; message?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left" data-testid={testId}>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c, i) => (
              <th key={i} className={`px-3 py-2 ${c.align === "right" ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {message && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-sm text-slate-500">
                {message}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
