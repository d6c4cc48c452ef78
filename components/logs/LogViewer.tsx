"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { JobView } from "@/lib/jobs/jobViews";
import { isFinal } from "@/lib/jobs/jobStatus";
import { defaultJob } from "./jobChoice";
import { JobPicker } from "./JobPicker";
import { statusBadgeClass } from "./jobStatusStyle";
import { LogLines } from "./LogLines";
import { LogSearchBox } from "./LogSearchBox";
import { LogStatusBar, emptyText } from "./LogStatusBar";
import { useJobLog } from "./useJobLog";
import { useStoredToggle } from "./useStoredToggle";
import { clearLineHash, useLineHash } from "./useLineHash";
import { lowerBound, useLogSearch } from "./useLogSearch";

const toolButton = "inline-flex h-7 items-center gap-1 rounded border px-2 text-xs font-medium";
const toggleClass = (on: boolean) => `${toolButton} ${on ? "border-sky-500 bg-sky-500/20 text-sky-200" : "border-slate-600 text-slate-300 hover:bg-slate-700"}`;

export interface LogViewerProps {
  /** One job, or a plan run's jobs (then node and step filters choose which one is shown). */
  jobs: readonly JobView[];
  /** Controlled choice; without it the viewer picks (running, else last failed, else last run). */
  selectedJobId?: string | null;
  onSelectJob?: (jobId: string) => void;
  /**
   * The reader started working with the shown log (scrolled away from the end, searched, picked
   * a line): a parent that moves the viewer along with a run should stop doing so now.
   */
  onEngage?: (jobId: string) => void;
  /** Height of the scrolling area. */
  heightClass?: string;
}

export function LogViewer({ jobs, selectedJobId, onSelectJob, onEngage, heightClass = "h-[65vh]" }: LogViewerProps) {
  const [ownChoice, setOwnChoice] = useState<string | null>(null);
  const wanted = selectedJobId ?? ownChoice;
  const job = jobs.find((j) => j.id === wanted) ?? defaultJob(jobs);
  // A #L… in the address was meant for the log shown first, not for one the run moves on to.
  const [firstJobId] = useState(() => job?.id ?? null);
  const select = useCallback(
    (id: string) => {
      // Line numbers of one job's log mean nothing in another's.
      clearLineHash();
      if (onSelectJob) onSelectJob(id);
      else setOwnChoice(id);
    },
    [onSelectJob],
  );
  if (!job) {
    return (
      <section data-testid="log-viewer" className="rounded-lg border border-slate-800 bg-[#0d1117] p-6 text-sm text-slate-400">
        No steps to show.
      </section>
    );
  }
  const picker = jobs.length > 1 ? <JobPicker jobs={jobs} selected={job} onSelect={select} /> : null;
  return <LogPane key={job.id} job={job} picker={picker} heightClass={heightClass} honourHash={job.id === firstJobId} onEngage={onEngage} />;
}

interface LogPaneProps {
  job: JobView;
  picker: ReactNode;
  heightClass: string;
  honourHash: boolean;
  onEngage?: (jobId: string) => void;
}

function LogPane({ job, picker, heightClass, honourHash, onEngage }: LogPaneProps) {
  const { buffer, version, lineCount: count, bytes, next, connected, reconnecting, error } = useJobLog(job.id);
  const hash = useLineHash(honourHash);
  const [follow, setFollow] = useState(true);
  const [showTime, setShowTime] = useStoredToggle("armdeck.log.timestamps", false);
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState<number | null>(null);
  const [jump, setJump] = useState<{ line: number; seq: number } | null>(null);
  const [pendingLine, setPendingLine] = useState<number | null>(null);
  const topLineRef = useRef(0);
  const searchInput = useRef<HTMLInputElement>(null);
  const matches = useLogSearch(buffer, version, query);
  const loaded = buffer ? next >= job.logSize : false;
  const complete = loaded && isFinal(job.status);

  const jumpTo = useCallback((line: number) => {
    setFollow(false);
    setJump((j) => ({ line, seq: (j?.seq ?? 0) + 1 }));
  }, []);

  // A linked line (#L123) may not have arrived yet during the replay: wait for it.
  useEffect(() => {
    if (!hash.jump) return;
    setFollow(false);
    setPendingLine(hash.jump.line);
  }, [hash.jump]);
  useEffect(() => {
    if (pendingLine === null) return;
    if (count >= pendingLine) {
      jumpTo(pendingLine - 1);
      setPendingLine(null);
    } else if (complete) {
      if (count > 0) jumpTo(count - 1);
      setPendingLine(null);
    }
  }, [pendingLine, count, complete, jumpTo]);

  const engaged = !follow || query !== "" || hash.range !== null;
  useEffect(() => {
    if (engaged) onEngage?.(job.id);
  }, [engaged, onEngage, job.id]);

  // A new query starts at the first match at or below what is on screen, not at the top of the log.
  const onQuery = useCallback((q: string) => setQuery(q), []);
  useEffect(() => {
    const list = matches.lines;
    if (!query || list.length === 0) {
      setCurrent(null);
      return;
    }
    const k = lowerBound(list, topLineRef.current);
    const idx = k < list.length ? k : 0;
    setCurrent(idx);
    jumpTo(list[idx]!);
    // Only when the query changes: new output must not move the reader.
  }, [query]);

  const step = (delta: 1 | -1) => {
    const list = matches.lines;
    const total = matches.count;
    if (total === 0) return;
    let idx: number;
    if (current === null) {
      const k = lowerBound(list, topLineRef.current);
      idx = delta === 1 ? (k < total ? k : 0) : (k - 1 + total) % total;
    } else {
      idx = (current + delta + total) % total;
    }
    setCurrent(idx);
    jumpTo(list[idx]!);
  };

  const { range, select: selectLines } = hash;
  const onNumberClick = useCallback(
    (n: number, extend: boolean) => {
      const anchor = range?.from;
      selectLines(extend && anchor ? { from: Math.min(anchor, n), to: Math.max(anchor, n) } : { from: n, to: n });
    },
    [range, selectLines],
  );

  // Output of the latest attempt follows the earlier attempts' in the same log.
  const attempt = useMemo(() => {
    if (!buffer || job.attempt < 2 || job.attemptLogStart <= 0 || next <= job.attemptLogStart) return null;
    return { line: buffer.lineAtByte(job.attemptLogStart), attempt: job.attempt };
  }, [buffer, version, next, job.attempt, job.attemptLogStart]); // version: the buffer grows in place

  return (
    <section
      data-testid="log-viewer"
      data-job={job.id}
      className="flex flex-col overflow-hidden rounded-lg border border-slate-800 bg-[#0d1117] text-slate-200"
      onKeyDown={(e) => {
        // The browser's find cannot see rows that are not rendered; ours searches all of them.
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {
          e.preventDefault();
          searchInput.current?.focus();
          searchInput.current?.select();
        }
      }}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-800 bg-slate-900 px-3 py-2">
        {picker}
        <span className="min-w-0 truncate text-sm font-medium text-slate-100" title={`${job.nodeName} · ${job.title}`}>
          {job.nodeName} · {job.title}
        </span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${statusBadgeClass(job.status)}`}>
          {job.status}
          {job.exitCode !== null && job.exitCode !== 0 ? ` (exit ${job.exitCode})` : ""}
        </span>
        {job.attempt > 1 && <span className="text-xs text-slate-400">attempt {job.attempt}</span>}
        {job.note && <span className="text-xs text-amber-300">{job.note}</span>}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <LogSearchBox
            inputRef={searchInput}
            onQuery={onQuery}
            onNext={() => step(1)}
            onPrevious={() => step(-1)}
            current={current}
            total={matches.count}
            active={query !== ""}
          />
          {attempt && (
            <button type="button" className={toggleClass(false)} onClick={() => jumpTo(attempt.line)} title="Where the latest attempt's output begins">
              Attempt {attempt.attempt} ↓
            </button>
          )}
          <button type="button" className={toggleClass(showTime)} aria-pressed={showTime} onClick={() => setShowTime(!showTime)}>
            Timestamps
          </button>
          <button type="button" className={toggleClass(follow)} aria-pressed={follow} onClick={() => setFollow(!follow)} title="Keep the newest output in view">
            Follow
          </button>
          <a href={`/api/v1/jobs/${encodeURIComponent(job.id)}/log`} download className={`${toolButton} border-slate-600 text-slate-300 hover:bg-slate-700`}>
            Download raw log
          </a>
        </div>
      </div>
      <div className={`relative ${heightClass} min-h-64`}>
        {buffer && count > 0 ? (
          <LogLines
            buffer={buffer}
            count={count}
            version={version}
            showTime={showTime}
            follow={follow}
            onFollowChange={setFollow}
            selection={hash.range}
            onNumberClick={onNumberClick}
            matches={matches.lines}
            currentMatch={current}
            query={query}
            jump={jump}
            attempt={attempt}
            topLineRef={topLineRef}
          />
        ) : (
          <p className="p-4 font-mono text-xs text-slate-400">{emptyText(job.status, loaded, error)}</p>
        )}
      </div>
      <LogStatusBar job={job} lines={count} bytes={bytes} loaded={loaded} connected={connected} reconnecting={reconnecting} error={error} />
    </section>
  );
}
