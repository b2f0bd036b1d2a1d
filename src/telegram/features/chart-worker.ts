// The chart thread's entry (chart-thread.ts starts it): a chart in, its PNG out, one at a time. Rendering costs
// 150-200 ms of CPU (the CJK font), which would stall every other update if it ran on the bot's own thread.
import { parentPort } from 'node:worker_threads';
import { renderChartPng, type BarChart } from '../../present/index.js';

export interface ChartJob {
  id: number;
  chart: BarChart;
}

export type ChartResult = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port !== null) {
  port.on('message', (job: ChartJob) => {
    renderChartPng(job.chart).then(
      (png) => port.postMessage({ id: job.id, png } satisfies ChartResult),
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies ChartResult),
    );
  });
}
