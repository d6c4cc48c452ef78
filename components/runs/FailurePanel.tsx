"use client";

import { useLayoutEffect, useRef, type MouseEvent, type ReactNode } from "react";
import type { JobView } from "@/lib/jobs/jobViews";
import { AnsiText } from "../logs/AnsiText";
import { failuresInOrder } from "../logs/jobChoice";
import { RelativeTime } from "../ui/RelativeTime";
import { useJobDetail } from "./planRunQueries";

function ShowLink({ job, onShow, children }: { job: JobView; onShow: (jobId: string) => void; children: ReactNode }) {
  return (
    <a
      href={`?job=${encodeURIComponent(job.id)}`}
      onClick={(e: MouseEvent) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return; // a new tab is fine too
        e.preventDefault();
        onShow(job.id);
      }}
      className="font-medium text-red-800 underline hover:text-red-950"
    >
      {children}
    </a>
  );
}

/** What an operator needs first when a run breaks: where, why, and the output just before. */
export function FailurePanel({ jobs, onShow }: { jobs: readonly JobView[]; onShow: (jobId: string) => void }) {
  const [first, ...others] = failuresInOrder(jobs);
  if (!first) return null;
  return (
    <section data-testid="failure-panel" data-job={first.id} className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4" aria-labelledby="failure-title">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="failure-title" className="font-semibold text-red-900">
          {first.status === "interrupted" ? "Interrupted" : "Failed"}: {first.title} on {first.nodeName}
        </h2>
        <span className="text-sm text-red-800">
          exit code <span className="font-mono" data-testid="failure-exit-code">{first.exitCode ?? "—"}</span>
          {first.attempt > 1 && <> · attempt {first.attempt}</>}
          {first.finishedAt && (
            <>
              {" "}
              · <RelativeTime iso={first.finishedAt} />
            </>
          )}
        </span>
        <span className="ml-auto text-sm">
          <ShowLink job={first} onShow={onShow}>
            Show full log
          </ShowLink>
        </span>
      </div>
      <FailureText failure={first.failure ?? (first.exitCode !== null ? `Exit code ${first.exitCode}` : "The step did not finish")} />
      <LastLines job={first} />
      {others.length > 0 && (
        <p className="text-sm text-red-900">
          Also failed:{" "}
          {others.map((j, i) => (
            <span key={j.id}>
              {i > 0 && ", "}
              <ShowLink job={j} onShow={onShow}>
                {j.nodeName} / {j.title}
              </ShowLink>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

const KNOWN = "Known problem: ";

/** The failure's first line as the runner wrote it; each known build error it names in its own box, fix included. */
function FailureText({ failure }: { failure: string }) {
  const lines = failure.split("\n");
  const known = lines.filter((l) => l.startsWith(KNOWN));
  const rest = lines.filter((l) => !l.startsWith(KNOWN)).join("\n");
  return (
    <>
      <p className="whitespace-pre-wrap break-words font-mono text-sm text-red-900" data-testid="failure-text">
        {rest}
      </p>
      {known.map((k) => (
        <p key={k} role="note" data-testid="failure-known-problem" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <span className="font-semibold">Known problem: </span>
          {k.slice(KNOWN.length)}
        </p>
      ))}
    </>
  );
}

function LastLines({ job }: { job: JobView }) {
  const detail = useJobDetail(job);
  const box = useRef<HTMLPreElement>(null);
  const text = detail.data?.lastLines ?? "";
  // The error is usually at the very end: show that end first.
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [text]);
  if (detail.error) return <p className="text-sm text-red-800">Could not load the last lines: {detail.error.message}</p>;
  if (detail.isLoading) return <p className="text-sm text-red-800">Loading the last lines…</p>;
  if (!text) return <p className="text-sm text-red-800">The step wrote no output.</p>;
  return (
    <pre ref={box} data-testid="failure-last-lines" className="max-h-72 overflow-auto rounded-md bg-[#0d1117] p-3 font-mono text-xs leading-[18px] text-[#e6edf3]">
      {text.split("\n").map((line, i) => (
        <div key={i} className="whitespace-pre">
          <AnsiText raw={line} />
        </div>
      ))}
    </pre>
  );
}
