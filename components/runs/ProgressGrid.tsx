"use client";

import type { JobView } from "@/lib/jobs/jobViews";
import { nodesInOrder, stepsInOrder } from "../logs/jobChoice";
import { durationBetween, formatDuration, statusCellClass } from "../logs/jobStatusStyle";
import { useNow } from "./useNow";

const LEGEND = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

function cellLabel(job: JobView, now: number): string {
  const duration = durationBetween(job.startedAt, job.finishedAt, now);
  const bits = [`${job.nodeName} · ${job.title}: ${job.status}`];
  if (job.exitCode !== null && job.exitCode !== 0) bits.push(`exit ${job.exitCode}`);
  if (duration !== null) bits.push(formatDuration(duration));
  if (job.attempt > 1) bits.push(`attempt ${job.attempt}`);
  let text = bits.join(", ");
  if (job.note) text += `\n${job.note}`;
  else if (job.failure) text += `\n${job.failure}`;
  return text;
}

/** Nodes down, steps across (in run order): where a run is, and where it broke, at a glance. */
export function ProgressGrid({ jobs, selectedId, onSelect }: { jobs: readonly JobView[]; selectedId: string | null; onSelect: (jobId: string) => void }) {
  const running = jobs.some((j) => j.status === "running");
  const now = useNow(running, 5000);
  const nodes = nodesInOrder(jobs);
  const steps = stepsInOrder(jobs);
  const byCell = new Map(jobs.map((j) => [`${j.nodeName}\u0000${j.stepId}`, j]));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 className="font-semibold">Progress</h2>
        <ul className="ml-auto flex flex-wrap gap-3 text-xs text-slate-600" aria-label="Legend">
          {LEGEND.map((s) => (
            <li key={s} className="inline-flex items-center gap-1">
              <span className={`inline-block h-3 w-3 rounded-sm ${statusCellClass(s)}`} /> {s === "cancelled" ? "cancelled / interrupted" : s}
            </li>
          ))}
        </ul>
      </div>
      <div className="overflow-x-auto">
        <table data-testid="progress-grid" className="border-separate border-spacing-1">
          <thead>
            <tr>
              <th />
              {steps.map((s, i) => (
                <th key={s.stepId} scope="col" className="align-bottom font-normal" title={s.title}>
                  {/* Vertical headers keep the cells square however many steps a plan has. */}
                  <span className="inline-block max-h-36 overflow-hidden text-ellipsis whitespace-nowrap text-xs text-slate-600 [writing-mode:vertical-rl] rotate-180">
                    {i + 1}. {s.title}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={node}>
                <th scope="row" className="whitespace-nowrap pr-2 text-left text-sm font-medium text-slate-800">
                  {node}
                </th>
                {steps.map((s) => {
                  const job = byCell.get(`${node}\u0000${s.stepId}`);
                  if (!job) {
                    return (
                      <td key={s.stepId}>
                        <span className="block h-6 w-6 rounded-sm border border-dashed border-slate-200" title={`${s.title} does not run on ${node}`} />
                      </td>
                    );
                  }
                  const label = cellLabel(job, now);
                  const selected = job.id === selectedId;
                  return (
                    <td key={s.stepId}>
                      <button
                        type="button"
                        data-testid="step-cell"
                        data-node={job.nodeName}
                        data-step={job.stepId}
                        data-status={job.status}
                        data-job={job.id}
                        title={label}
                        aria-label={label}
                        aria-current={selected || undefined}
                        onClick={() => onSelect(job.id)}
                        className={`block h-6 w-6 rounded-sm ${statusCellClass(job.status)} ${selected ? "ring-2 ring-slate-900 ring-offset-1" : "hover:ring-2 hover:ring-slate-400"} focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600`}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
