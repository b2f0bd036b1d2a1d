// Bar charts of computed answers: what they show, the SVG ECharts makes of them, and the PNG resvg makes of that
// with the font from its npm package.
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder, type Reply } from '../../src/app/index.js';
import { barChartOf, chartFontFile, pngSize, renderChartPng, renderChartSvg, CHART_WIDTH, chartHeight } from '../../src/present/index.js';
import { seedEngine } from '../helpers/engine.js';

let engine: Engine;
let reply: (q: string) => Reply;
beforeAll(async () => {
  engine = await seedEngine();
  const responder = createResponder(engine);
  reply = (q) => responder.respond(q).reply;
});

/** The bars ECharts drew: one path per data item of the one series, with its height in pixels. */
function barsOf(svg: string): { index: number; height: number }[] {
  return [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 -([\d.]+)[^"]*"[^>]*ecmeta_series_index="0" ecmeta_data_index="(\d+)"/g)].map(
    (m) => ({
      index: Number(m[2]),
      height: Number(m[1]),
    }),
  );
}

describe('which answers get a chart', () => {
  it('a ranking: one bar per operand, labelled by its cited figure under its subject, the winner marked', () => {
    const chart = barChartOf(reply('哪个产业计划投资最多？'))!;
    expect(chart.title).toBe('哪个产业计划投资最多？');
    expect(chart.subtitle).toBe('最多：智能制造（414.5亿元）');
    expect(chart.axisUnit).toBe('亿元');
    expect(chart.bars).toEqual([
      { label: '智能制造', value: 414.5, text: '414.5亿元', highlight: true },
      { label: '新能源汽车', value: 77.7, text: '77.7亿元', highlight: false },
      { label: '生物医药与健康医疗', value: 95.7, text: '95.7亿元', highlight: false },
    ]);
    expect(chart.source).toEqual([
      '出处：《沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地》（中共浑南区委宣传部） · 投资兴业的热土 · 第5段第2句',
    ]);
  });

  it('a sum and a difference get one; a single figure, a not-found and a share do not', () => {
    expect(barChartOf(reply('三大主导产业在建项目一共有多少个？'))?.bars.map((b) => b.text)).toEqual(['91个', '3个', '28个']);
    expect(barChartOf(reply('智能制造比新能源汽车多多少个在建项目？'))?.bars.map((b) => b.text)).toEqual(['91个', '3个']);
    expect(barChartOf(reply('浑南区有多少家国家高新技术企业？'))).toBeNull();
    expect(barChartOf(reply('火星上有多少人'))).toBeNull();
    const share = reply('新能源汽车计划投资占三大主导产业的比例是多少？');
    if (share.kind === 'computed') expect(barChartOf(share)).toBeNull();
  });
});

describe('the picture', () => {
  it('SVG: one bar per operand, heights in proportion to the figures, each labelled by its figure and subject', async () => {
    const chart = barChartOf(reply('哪个产业计划投资最多？'))!;
    const svg = await renderChartSvg(chart);
    const bars = barsOf(svg);
    expect(bars.map((b) => b.index)).toEqual([0, 1, 2]);
    const [a, b, c] = bars.map((x) => x.height);
    expect(a! / b!).toBeCloseTo(414.5 / 77.7, 1);
    expect(a! / c!).toBeCloseTo(414.5 / 95.7, 1);
    for (const text of ['414.5亿元', '77.7亿元', '95.7亿元', '智能制造', '新能源汽车', '投资兴业的热土']) expect(svg).toContain(text);
    expect(svg).toContain('font-family:Noto Sans SC');
  });

  it('PNG: the signature, the size from the IHDR chunk, and a reasonable file', async () => {
    const chart = barChartOf(reply('三大主导产业在建项目一共有多少个？'))!;
    const png = await renderChartPng(chart);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(chart) });
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000); // far under Telegram's 10 MB for photos
  });

  it('Chinese text is drawn by the font from the npm package, not by a system font', () => {
    expect(chartFontFile()).toMatch(/node_modules\/@expo-google-fonts\/noto-sans-sc\/.*\.ttf$/);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/>' +
      '<text x="10" y="40" style="font-size:32px;font-family:Noto Sans SC;" fill="#000">智能制造</text></svg>';
    const dark = (fontFiles: string[]) => {
      const pixels = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }).render().pixels;
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) n++;
      return n;
    };
    expect(dark([])).toBe(0); // no font, no glyphs: nothing here comes from the system
    expect(dark([chartFontFile()])).toBeGreaterThan(500);
  });

  it('document text with markup or template characters is drawn as written and cannot break the SVG', async () => {
    const chart = barChartOf(reply('哪个产业计划投资最多？'))!;
    const hostile = {
      ...chart,
      title: '<b>&"{a}"</b>',
      bars: chart.bars.map((b, i) => (i === 0 ? { ...b, label: '<script>{b}</script>' } : b)),
    };
    const svg = await renderChartSvg(hostile);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(pngSize(await renderChartPng(hostile))).not.toBeNull();
  });
});
