"use client";

import { jobForNode, jobForStep, nodesInOrder, stepsInOrder, type JobLike } from "./jobChoice";

const selectClass = "h-7 max-w-56 rounded border border-slate-600 bg-slate-900 px-1 text-xs text-slate-100 focus:border-sky-500 focus:outline-none";

/** Node and step filters of a plan run's log: together they name one job. */
export function JobPicker<J extends JobLike>({ jobs, selected, onSelect }: { jobs: readonly J[]; selected: J; onSelect: (jobId: string) => void }) {
  const nodes = nodesInOrder(jobs);
  const steps = stepsInOrder(jobs);
  const has = new Set(jobs.filter((j) => j.nodeName === selected.nodeName).map((j) => j.stepId));
  return (
    <div className="flex items-center gap-1">
      <select
        aria-label="Node"
        className={selectClass}
        value={selected.nodeName}
        onChange={(e) => {
          const job = jobForNode(jobs, e.target.value, selected.stepId);
          if (job) onSelect(job.id);
        }}
      >
        {nodes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <select
        aria-label="Step"
        className={selectClass}
        value={selected.stepId}
        onChange={(e) => {
          const job = jobForStep(jobs, e.target.value, selected.nodeName);
          if (job) onSelect(job.id);
        }}
      >
        {steps.map((s, i) => (
          <option key={s.stepId} value={s.stepId}>
            {i + 1}. {s.title}
            {has.has(s.stepId) ? "" : " (other nodes)"}
          </option>
        ))}
      </select>
    </div>
  );
}
