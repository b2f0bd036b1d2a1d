// Bar charts of computed answers: what they show (bar-chart.ts) and their SVG and PNG (chart-render.ts).
export * from './bar-chart.js';
export * from './chart-render.js';
