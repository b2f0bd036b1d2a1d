/**
 * A chart's ECharts option → SVG → PNG. ECharts renders to an SVG string on the server (its `ssr` mode, no DOM,
 * no canvas); resvg rasterises it with the chart font loaded from its npm package (Noto Sans SC, OFL), never
 * from the system, so the picture is the same on every machine and Chinese labels never come out as boxes.
 * Both libraries are loaded at the first chart, not when the bot starts.
 *
 * Cost (docs/BOT.md, "Charts"): about 15 ms for the SVG and 150-200 ms for the PNG (most of it loading and
 * shaping the 10 MB CJK font), so the bot renders in a worker thread after the text answer is sent.
 */
import { createRequire } from 'node:module';
import { barChartOption, CHART_FONT_FAMILY, CHART_WIDTH, chartHeight, type BarChart } from './bar-chart.js';

/** The chart font's file, resolved inside its npm package. */
export function chartFontFile(): string {
  return createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

/** The chart as an SVG document (text kept as text; resvg sets it in the chart font). */
export async function renderChartSvg(chart: BarChart): Promise<string> {
  const echarts = await import('echarts');
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: chartHeight(chart) });
  try {
    instance.setOption(barChartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** An SVG rasterised to PNG at its own size, with the chart font and no system font. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
  return image.asPng();
}

/** The chart as a PNG picture. */
export async function renderChartPng(chart: BarChart): Promise<Buffer> {
  return svgToPng(await renderChartSvg(chart));
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
