"use client";

import type { CheckReply } from "@/lib/deploy/deployContract";
import type { Verdict } from "./checkVerdict";

function IssueList({ title, items, tone, testId }: { title: string; items: { path: string; message: string }[]; tone: string; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div>
      <p className="font-semibold">{title}</p>
      <ul className={`list-disc pl-5 ${tone}`} data-testid={testId}>
        {items.map((i, n) => (
          <li key={n}>
            {i.path && <span className="font-mono text-xs">{i.path}</span>} {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the check said of the whole group: create or update, the fit in the runbook's words, every issue. */
export function CheckPanel({ check, verdict, pending }: { check: CheckReply | null; verdict: Verdict | null; pending: boolean }) {
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="check-panel" aria-label="Check" aria-busy={pending}>
      <header className="flex items-baseline gap-3">
        <h2 className="text-lg font-semibold">Check</h2>
        <span className="text-xs text-slate-500" data-testid="check-state">{pending ? "checking…" : check ? (check.ok ? "passes" : "fails") : "not checked yet"}</span>
      </header>
      {check && (
        <>
          <p data-testid="deploy-method">
            {check.exists ? (
              <>Group <span className="font-mono">{check.groupId}</span> exists: deploying <strong>updates</strong> it (PUT); Marathon changes only what differs.</>
            ) : (
              <>Group <span className="font-mono">{check.groupId}</span> is new: deploying <strong>creates</strong> it (POST).</>
            )}
          </p>
          {check.fit.checked ? (
            <p data-testid="fit-summary">{check.fit.summary}</p>
          ) : (
            <p className="text-amber-800" data-testid="fit-summary">The agents' state could not be read, so only the validation ran: {check.fit.summary}</p>
          )}
          {verdict && <IssueList title="Errors (deploying is refused)" items={verdict.validation} tone="text-red-700" testId="check-errors" />}
          {verdict && <IssueList title="Does not fit the cluster now" items={verdict.fit} tone="text-red-700" testId="fit-errors" />}
          <IssueList title="Warnings" items={check.warnings} tone="text-amber-800" testId="check-warnings" />
        </>
      )}
    </section>
  );
}
