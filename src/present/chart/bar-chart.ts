/**
 * A bar chart of a computed answer (合计, 哪个最多/最少, 多多少) over several figures: one bar per operand, labelled
 * by its cited figure as the document writes it ("414.5亿元") under its subject ("智能制造"), the winner(s) in a
 * stronger colour, the question as the title, the headline under it and the source named under the chart.
 *
 * This file only decides what the chart shows (a plain, serialisable BarChart) and builds the ECharts option
 * for it; chart-render.ts turns the option into SVG (ECharts' server-side renderer) and PNG (resvg).
 */
import type { Reply } from '../../app/index.js';
import type { Citation } from '../../answer/index.js';
import { describeSubjectEnglish, NO_SUBJECT_NAMES, renderFigureEnglish, type SubjectNames } from '../english/index.js';
import { computedSummaryLines } from '../computed-summary.js';
import { textsFor, type Locale } from '../i18n.js';

/** One bar: the operand's subject, its value on the axis (scaled: 414.5 for 414.5亿元), its figure as cited. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  /** A winner of 最多/最少 (drawn in the stronger colour). */
  highlight: boolean;
}

export interface BarChart {
  /** The question, as the chart's title. */
  title: string;
  /** The computed headline ("合计：122个"). */
  subtitle: string;
  /** The axis unit: "亿元", "个", "%". */
  axisUnit: string;
  bars: Bar[];
  /** "出处：《…》（…） · 投资兴业的热土 · 第5段第2句", one line per document. */
  source: string[];
}

/** Operations whose operands are figures of one measure, side by side; a ratio or an implied figure is not. */
const CHARTED = new Set(['sum', 'max', 'min', 'difference']);

/** The most bars a chart takes (a longer list would be unreadable on a phone). */
export const MAX_BARS = 12;

/** Largest Chinese magnitude that divides every value to at most four digits before the point. */
function scaleOf(values: readonly number[], unit: string): { divisor: number; prefix: string } {
  const max = Math.max(...values.map(Math.abs));
  if (unit === '%' || unit === '倍') return { divisor: 1, prefix: '' };
  if (max >= 1e8) return { divisor: 1e8, prefix: '亿' };
  if (max >= 1e5) return { divisor: 1e4, prefix: '万' };
  return { divisor: 1, prefix: '' };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** "《title》（publisher） · section · 第5段第2句" per document, the places of its operands joined. */
function sourceLines(citations: readonly Citation[], locale: Locale): string[] {
  const t = textsFor(locale);
  const byDoc = new Map<string, { head: string; places: string[] }>();
  for (const c of citations) {
    const publisher = c.publisher ? (locale === 'en' ? ` (${c.publisher})` : `（${c.publisher}）`) : '';
    const entry = byDoc.get(c.document) ?? { head: `《${c.title}》${publisher}`, places: [] };
    const place = [c.section, t.paragraph(c.paragraph, c.sentence, null)].filter(Boolean).join(' · ');
    if (!entry.places.includes(place)) entry.places.push(place);
    byDoc.set(c.document, entry);
  }
  const label = `${t.sourceLabel}${locale === 'en' ? ': ' : '：'}`;
  return [...byDoc.values()].map((d) => `${label}${d.head} · ${d.places.join('；')}`);
}

export interface BarChartOptions {
  locale?: Locale;
  /** The language the question was asked in: 'en' labels the bars in English. */
  language?: string;
  subjectsEn?: SubjectNames;
}

/**
 * The chart for a reply, or null when a picture would not help: not a computed answer, no result, fewer than
 * two operands, operands in different units, or a ratio/implied figure (one number read off two).
 */
export function barChartOf(reply: Reply, options: BarChartOptions = {}): BarChart | null {
  if (reply.kind !== 'computed' || reply.result === null || !CHARTED.has(reply.operation)) return null;
  const operands = reply.operands;
  if (operands.length < 2 || operands.length > MAX_BARS) return null;
  const unit = operands[0]!.figure.unit;
  if (operands.some((o) => o.figure.unit !== unit)) return null;
  const english = options.language === 'en';
  const locale = options.locale ?? (english ? 'en' : 'zh');
  const names = options.subjectsEn ?? NO_SUBJECT_NAMES;
  const { divisor, prefix } = scaleOf(
    operands.map((o) => o.figure.value),
    unit,
  );
  const winners = new Set(reply.result.winners ?? []);
  const [headline = ''] = computedSummaryLines(reply, english ? 'en' : 'zh', names);
  return {
    title: reply.question.trim(),
    subtitle: headline.replace(/^▶\s*/, ''),
    axisUnit: `${prefix}${unit}`,
    bars: operands.map((o) => ({
      label: (english ? describeSubjectEnglish(o.label, names) : null) ?? o.label,
      value: round(o.figure.value / divisor),
      text: english ? renderFigureEnglish(o.figure) : o.figure.raw,
      highlight: winners.has(o.label),
    })),
    source: sourceLines(
      operands.map((o) => o.hit.citation),
      locale,
    ),
  };
}

/** Picture size in pixels: wide enough for a phone screen at 2×, the source lines below the plot. */
export const CHART_WIDTH = 960;
const PLOT_HEIGHT = 480;
const SOURCE_LINE_HEIGHT = 22;

export function chartHeight(chart: BarChart): number {
  return PLOT_HEIGHT + chart.source.length * SOURCE_LINE_HEIGHT + 24;
}

/** The font family every text of the chart is set in; chart-render.ts loads its file explicitly. */
export const CHART_FONT_FAMILY = 'Noto Sans SC';

const BAR_COLOUR = '#7aa6d8';
const WINNER_COLOUR = '#1f5fa8';

/** Keeps ECharts' string templates ("{b}", "{c}") out of document text: a label is shown as written. */
function literal(text: string): string {
  return text.replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));
}

/** Characters of a category label per line before it wraps (Chinese subjects can be long: 生物医药与健康医疗). */
const LABEL_CHARS_PER_LINE = 7;

function wrap(label: string): string {
  const chars = Array.from(literal(label));
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < 3; i += LABEL_CHARS_PER_LINE)
    lines.push(chars.slice(i, i + LABEL_CHARS_PER_LINE).join(''));
  if (chars.length > LABEL_CHARS_PER_LINE * 3) lines[2] = `${lines[2]!.slice(0, -1)}…`;
  return lines.join('\n');
}

/** The ECharts option for a chart: plain JSON (no functions), so it can cross a worker boundary. */
export function barChartOption(chart: BarChart): Record<string, unknown> {
  const height = chartHeight(chart);
  const font = { fontFamily: CHART_FONT_FAMILY };
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: font,
    title: {
      text: literal(chart.title),
      subtext: literal(chart.subtitle),
      left: 'center',
      top: 14,
      textStyle: { ...font, fontSize: 22, color: '#222' },
      subtextStyle: { ...font, fontSize: 16, color: '#444' },
    },
    grid: { left: 80, right: 40, top: 110, bottom: height - PLOT_HEIGHT + 70 },
    xAxis: {
      type: 'category',
      data: chart.bars.map((b) => wrap(b.label)),
      axisLabel: { ...font, fontSize: 15, color: '#333', interval: 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: literal(chart.axisUnit),
      nameTextStyle: { ...font, fontSize: 14, color: '#555' },
      axisLabel: { ...font, fontSize: 13, color: '#555' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 120,
        data: chart.bars.map((b) => ({
          value: b.value,
          itemStyle: { color: b.highlight ? WINNER_COLOUR : BAR_COLOUR },
          label: { show: true, position: 'top', formatter: literal(b.text), ...font, fontSize: 16, color: '#111' },
        })),
      },
    ],
    graphic: chart.source.map((line, i) => ({
      type: 'text',
      left: 24,
      top: PLOT_HEIGHT + 14 + i * SOURCE_LINE_HEIGHT,
      style: { text: literal(line), ...font, fontSize: 14, fill: '#555', width: CHART_WIDTH - 48, overflow: 'truncate' },
    })),
  };
}
