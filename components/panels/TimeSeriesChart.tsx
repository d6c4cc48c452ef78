"use client";

import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface TimeSeriesLine {
  label: string;
  color: string;
  values: number[];
  dash?: number[];
}

/**
 * One uPlot chart of lines over time (`times` in ms). uPlot reads `window` when it loads, so it is
 * imported in the effect: the server render is an empty box the browser fills.
 */
export function TimeSeriesChart({ title, times, lines, format, testId }: { title: string; times: number[]; lines: TimeSeriesLine[]; format: (v: number) => string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = lines.map((l) => l.label).join("|");

  // Built once per set of lines; new data only calls setData.
  useEffect(() => {
    let cancelled = false;
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled || !box.current) return;
      const opts: uPlot.Options = {
        title,
        width: Math.max(300, box.current.clientWidth),
        height: 200,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [{}, { values: (_u, ticks) => ticks.map(format), size: 70 }],
        series: [{}, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 2, dash: l.dash, value: (_u: uPlot, v: number | null) => (v === null ? "–" : format(v)) }))],
      };
      chart.current = new UPlot(opts, [[], ...lines.map(() => [])], box.current);
    });
    return () => {
      cancelled = true;
      chart.current?.destroy();
      chart.current = null;
    };
    // Rebuilt when the set of lines changes, not on every render (format and lines are read once).
  }, [title, shape]);

  useEffect(() => {
    const data: uPlot.AlignedData = [times.map((t) => t / 1000), ...lines.map((l) => l.values)];
    const apply = () => chart.current?.setData(data);
    if (chart.current) apply();
    else {
      // The chart is still loading: set the data once it exists.
      const t = setInterval(() => chart.current && (apply(), clearInterval(t)), 50);
      return () => clearInterval(t);
    }
  }, [times, lines]);

  return <div ref={box} data-testid={testId} data-points={times.length} className="w-full min-w-0" />;
}
