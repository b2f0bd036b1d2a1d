/**
 * What each figure of a sentence measures, in what role, about which place and for which time — read from
 * the sentence around it, and inherited where the sentence leaves it unsaid:
 *   - role: level (6200户), change (增加2.3万人), growth (增长12.2%; 下降3.5% is −3.5), share (占全市的27.4%),
 *     multiple (3.4倍), points (提高0.94个百分点), threshold (亿元以上: a bound, never an answer);
 *   - measure: the document's words for what is measured (新登记企业, 生产总值); a growth rate, share or
 *     change that names nothing of its own measures what the figure before it in the sentence measures;
 *   - partOf: after 其中, the measure of the whole the figure is a part of;
 *   - entity: the place it is about — named before it in the sentence (not as a base: 占全市的, 比全省), else
 *     the document's own; 全市 in a city's bulletin is the city;
 *   - period: the time stated before it in the sentence, else the document's own (marked inherited);
 *     base: what it is compared with (同比, 比上年, 比2018年同期).
 */
import type { TaggedWord } from '../text/index.js';
import type { Figure, FigureRole } from './fact.js';
import { pieceAround } from './figures.js';
import type { TimeMention } from './time.js';

/** A figure's context before its sentence is read (describeSentenceFigures fills it in). */
export const UNREAD_CONTEXT = {
  measure: null,
  role: 'level',
  partOf: null,
  entity: null,
  entityInherited: true,
  period: null,
  periodInherited: true,
  base: null,
} as const satisfies Partial<Figure>;

/** What the document says about itself: the place it is about and the time it covers. */
export interface DocumentContext {
  entity: string | null;
  period: string | null;
  /** The first measured figure of the sentence before, in the same paragraph: what a sentence opening with 其中 breaks down. */
  previousWhole?: string | null;
}

/** One figure of a sentence, with its offset in the sentence. */
export interface SentenceFigure {
  figure: Figure;
  /** Offset of the figure in the sentence text. */
  at: number;
}

const DECLINE = /(?:下降|降低|减少|回落|下滑|收窄|缩小|缩减|减|降|下跌)(?:了)?(?:约|近|超过|逾)?$/;
const RISE = /(?:增长|提高|上升|上涨|增加|扩大|提升|回升|增|涨|升)(?:了)?(?:约|近|超过|逾)?$/;
const GROWTH_WORD = /(?:增速|增幅|增长率|增长速度|涨幅|降幅)(?:为|达|达到|是)?(?:约|近)?$/;
const SHARE_BEFORE =
  /(?:占[^，。；、]{0,16}?(?:的)?(?:比重|比例)?(?:为|达|达到|是)?|(?:比重|占比|份额|比例)(?:为|达|达到|是)?)(?:约|近|超过)?$/;
const CHANGE_BEFORE = /(?:增加|减少|净增|净减|多|少)(?:了)?(?:约|近|超过|逾)?$/;
/** "亿元以上重点项目", "500万元以上的企业": a bound in a definition. */
const THRESHOLD_AFTER = /^(?:及)?以[上下内](?:的)?[\u4e00-\u9fa5]/;
/** Words that are comparisons or places, never what a figure measures. */
const NOT_A_MEASURE = /^(?:同比|环比|比上年|比上年同期|上年|去年|同期|增长|增速|增幅|下降|全市|全区|全省|全国|全州|全县|总数|方式)$/;
/** A place word that is a base (占全市的, 比全省, 居全国第一), not what the figure is about. */
const BASE_CONTEXT = /(?:占|比|较|居|位居|位列|列|高于|低于|超过|相当于|为)$/;
/** Words jieba tags as places that name no place of their own. */
const NOT_A_PLACE = /^(?:城镇|乡村|农村|城乡|城市|境内|境外|国内|国外|国内外|海内外|地方|当地|本地|各地)$/;
const GENERIC_WHOLE = /^全([国省市区县州])$/;
const PLACE_SUFFIX = /(?:自治州|自治县|自治区|特别行政区|省|市|区|县|州|旗|盟|镇|乡)$/;

export function roleOf(sentence: string, at: number, f: Figure): { role: FigureRole; sign: 1 | -1 } {
  const before = sentence.slice(Math.max(0, at - 16), at);
  const after = sentence.slice(at + (f.end - f.start), at + (f.end - f.start) + 5);
  const sign: 1 | -1 = DECLINE.test(before) ? -1 : 1;
  if (f.unit === '倍') return { role: 'multiple', sign: 1 };
  if (f.unit === '个百分点') return { role: 'points', sign };
  if (f.kind !== 'percent' && THRESHOLD_AFTER.test(after)) return { role: 'threshold', sign: 1 };
  if (f.kind === 'percent') {
    if (SHARE_BEFORE.test(before)) return { role: 'share', sign: 1 };
    if (sign < 0 || RISE.test(before) || GROWTH_WORD.test(before)) return { role: 'growth', sign };
    return { role: 'level', sign: 1 };
  }
  if (f.kind !== 'date' && f.kind !== 'label' && (CHANGE_BEFORE.test(before) || (sign < 0 && DECLINE.test(before)))) {
    return { role: 'change', sign };
  }
  return { role: 'level', sign: 1 };
}

/** What may stand between a measure and its figure: comparisons, verbs of change, copulas. */
const MEASURE_TAIL =
  /(?:(?:按可比价(?:格)?计算|按现价计算)?(?:比上年同期|比上年末|比上年|比年初|较上年|与上年同月|同比|环比|比[0-9]{4}年同期|比[0-9]{4}年)?(?:增长|下降|提高|降低|上升|上涨|回落|增加|减少|净增|净减|增|减|降|升|涨|持平)?(?:了)?(?:为|达|达到|是|实现|完成|突破|超过|共|共计|合计|累计|已|已经|已达|已达到|有|拥有|约|近|逾|新认定|认定|新增|引进|均保持|保持|[“”"'‘’])*)$/;
/** What may stand before a measure in its piece: time words, places, 其中, 初步核算 … */
const MEASURE_HEAD =
  /^(?:其中|全年|年末|年初|年底|目前|截至|初步核算|据初步核算|共|另外|此外|同时|全市|全区|全省|全州|全县|全国|各类|[“”"'‘’])+/;
/** Verbs a piece may open with before the thing it counts ("拥有院士工作站", "组织召开座谈会", "将企业注册时间"). */
const LEADING_VERB =
  /^(?:实际|累计|共|紧紧|已|新)?(?:拥有|共有|有(?!效)|获得|成立了?|组织召开|组织|召开|围绕|构建完善|构建|集聚了?|引进了?|建成|完成|包括|形成|打造|培育|设立|吸引|将|把|使|让)/;
const FOOTNOTE = /[①-⑳]/g;

/**
 * The measure its comma piece names before a figure ("全年全市生产总值②达到" → 生产总值, "小麦种植面积" →
 * 小麦种植面积, "比上年增长" → nothing): the piece without its time words, places, comparison and verbs.
 */
function pieceMeasure(
  sentence: string,
  at: number,
  role: FigureRole,
  times: readonly TimeMention[],
  places: readonly { place: string; at: number }[],
): string | null {
  const pieceStart = pieceStartOf(sentence, at);
  let piece = sentence.slice(pieceStart, at);
  // Cut out time words and places where they stand (in the piece's own offsets, last first).
  const cuts = [
    ...times.filter((t) => t.start >= pieceStart && t.end <= at).map((t) => [t.start - pieceStart, t.end - pieceStart] as const),
    ...places
      .filter((p) => p.at >= pieceStart && p.at + p.place.length <= at)
      .map((p) => [p.at - pieceStart, p.at - pieceStart + p.place.length] as const),
  ].sort((a, b) => b[0] - a[0]);
  for (const [a, b] of cuts) piece = piece.slice(0, a) + piece.slice(b);
  piece = piece
    .replace(FOOTNOTE, '')
    .replace(/\s+/g, '')
    .replace(/（[^（）]*）|\([^()]*\)/g, '');
  if (role === 'share') piece = piece.replace(/占.*$/, '');
  // "将企业注册时间由原来的3个工作日压缩至": what changes is named before 由/从.
  piece = piece.replace(/(?:由原来的?|由原|由|从).*$/, '');
  const list = piece.lastIndexOf('等');
  if (list >= 0) piece = piece.slice(list + 1);
  piece = piece
    .replace(MEASURE_HEAD, '')
    .replace(LEADING_VERB, '')
    .replace(MEASURE_HEAD, '')
    .replace(MEASURE_TAIL, '')
    .replace(/^(?:的|了|对|和)+|(?:的)+$/g, '');
  if (!/[\u4e00-\u9fa5].*[\u4e00-\u9fa5]/.test(piece) || piece.length > 24 || NOT_A_MEASURE.test(piece)) return null;
  return piece;
}

/** The measure of a figure's own subject, when it names one (never a comparison word or a place). */
function ownMeasure(f: Figure): string | null {
  const s = f.subject;
  if (!s || NOT_A_MEASURE.test(s) || GENERIC_WHOLE.test(s)) return null;
  return s.replace(/^(?:全年|年末|年初|上半年|下半年|全市|全区|全省|全州|全县)+/, '') || null;
}

/** Words that may come before a piece's topic: time words, 其中, 初步核算 … */
const PIECE_LEAD = /^(?:其中|全年|年末|年初|年底|目前|截至|初步核算|据|在|经|按[^，]{0,8}计算|共|另外|此外|同时)*$/;

/** Where the comma piece holding `at` starts: after the last ，；：。 before it outside brackets. */
function pieceStartOf(sentence: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = sentence[i]!;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,；;：:。]/.test(ch)) return i + 1;
  }
  return 0;
}

/** Whether a place starts its comma piece (after time words or 其中 at most): the piece is about it. */
function leadsItsPiece(sentence: string, at: number, times: readonly TimeMention[]): boolean {
  const pieceStart = pieceStartOf(sentence, at);
  let lead = sentence.slice(pieceStart, at);
  for (const t of times) if (t.start >= pieceStart && t.end <= at) lead = lead.replace(t.text, '');
  return PIECE_LEAD.test(lead.replace(/\s+/g, '')) && !BASE_CONTEXT.test(sentence.slice(Math.max(0, at - 3), at));
}

/** The place names of a sentence: jieba's place tags and the generic wholes (全市, 全省 …), in order. */
export function placesIn(tagged: readonly TaggedWord[]): { place: string; at: number }[] {
  const text = tagged.map((w) => w.word).join('');
  const out: { place: string; at: number }[] = [];
  let at = 0;
  for (const w of tagged) {
    // "全国重点文物保护单位": a whole that opens an honour's name is no place.
    const honorific =
      GENERIC_WHOLE.test(w.word) && /^(?:重点|文明|先进|百强|优秀|示范|劳动模范|五一|十佳|首批)/.test(text.slice(at + w.word.length));
    const place = (w.tag === 'ns' && w.word.length >= 2 && !NOT_A_PLACE.test(w.word)) || GENERIC_WHOLE.test(w.word) || w.word === '市区';
    if (place && !honorific) out.push({ place: w.word, at });
    at += w.word.length;
  }
  return out;
}

/** 全市 in a city's document is the city; 全区 in a district's the district; other wholes stay as written. */
export function resolvePlace(place: string, doc: DocumentContext): string {
  const whole = GENERIC_WHOLE.exec(place);
  if (whole && doc.entity && doc.entity.endsWith(whole[1]!)) return doc.entity;
  return place;
}

/** The place a document is about: the most specific place named at the start of its title. */
export function documentEntity(title: string, tag: (text: string) => TaggedWord[]): string | null {
  const places = placesIn(tag(title))
    .map((p) => p.place)
    .filter((p) => PLACE_SUFFIX.test(p) || p.length >= 2);
  const withSuffix = places.filter((p) => PLACE_SUFFIX.test(p));
  if (withSuffix.length > 0) return withSuffix[withSuffix.length - 1]!;
  // "2023年周口市国民经济和社会发展统计公报": the place after the year, suffix and all (jieba may tag 周口 alone).
  const named = /^([\u4e00-\u9fa5]{2,10}?(?:自治州|自治县|自治区|特别行政区|省|市|区|县|州|旗|盟))/.exec(
    title.replace(/^[#\s]*(?:(?:19|20)\d{2}年(?:度)?)?/, ''),
  );
  return named?.[1] ?? places[places.length - 1] ?? null;
}

/** The time a document covers: its stated period, else the year its title names. */
export function documentPeriod(
  title: string,
  period: string | null | undefined,
  date: string | null | undefined,
  opening = '',
): string | null {
  if (period) return period;
  // The title, or the document's opening lines (a title set on two lines: "黔东南州" / "2016年…统计公报").
  const year = /((?:19|20)\d{2})年/.exec(title) ?? /((?:19|20)\d{2})年[^\n]{0,30}(?:公报|报告|年鉴|概况|简介)/.exec(opening.slice(0, 300));
  // A title's part of a year ("1-10月德清县固定资产投资…", "2019年上半年…") is the span its figures hold for.
  const part = TITLE_PART_OF_YEAR.exec(title)?.[0] ?? '';
  if (year) return `${year[1]}年${part}`;
  const dated = /^((?:19|20)\d{2})-/.exec(date ?? '');
  return dated ? `${dated[1]}年${part}` : null;
}

const TITLE_PART_OF_YEAR =
  /(?<![0-9０-９])[0-9０-９]{1,2}(?:-|－|—|～|~|至|到)[0-9０-９]{1,2}月份?|上半年|下半年|前三季度|第?[一二三四]季度/;

const RANKING_VERB = /位列|位居|居于|名列|排名|排在|居/;

/** The figure before, as a figure listed after it takes it (see describeSentenceFigures). */
interface ListedFigure {
  kind: Figure['kind'];
  role: FigureRole;
  sign: 1 | -1;
  end: number;
}

/**
 * Fills in role, measure, partOf, entity and period of every figure of one sentence (in place), and signs
 * the value of a decline. `times` are the sentence's time mentions; `places` its place names with offsets.
 */
export function describeSentenceFigures(
  sentence: string,
  figures: readonly SentenceFigure[],
  times: readonly TimeMention[],
  places: readonly { place: string; at: number }[],
  clauseStarts: readonly number[],
  doc: DocumentContext,
): string | null {
  // 其中 opens the parts of a whole: named before it in its clause, or, when the sentence opens with it, the
  // previous sentence's first figure ("全年全市生产总值…。其中，第一产业增加值…").
  const clauseEnd = (c: number) => clauseStarts.find((s) => s > c) ?? sentence.length;
  const opensWithParts = /^(?:[^，,。\d０-９]{0,8}[，,])?其中/.test(sentence);
  let lastMeasure: string | null = null;
  let lastAmountMeasure: string | null = null;
  const previous: { figure: ListedFigure | null } = { figure: null };
  let wholeMeasure: string | null = null;
  let wholeClause = -1;
  let firstLevelMeasure: string | null = null;
  for (const { figure: f, at } of figures) {
    const dateLike = f.kind === 'number' && /^[月日号]/.test(sentence.slice(at + f.end - f.start));
    if (f.kind === 'date' || f.kind === 'label' || dateLike) {
      // A date or a label is no measure and no whole; it still gets its place and time.
      f.entity = doc.entity;
      f.period = doc.period;
      continue;
    }
    // A place in a ranking ranks what the sentence measured before it ("投资完成246.79亿元…，位列三县两区第一").
    if (f.kind === 'rank') {
      f.role = 'level';
      // "专利申请总量位居全省第三" names what it ranks; "增速位居全省第一" ranks the amount before it.
      const piece = pieceAround(sentence, { start: at, end: at })
        .before.split(RANKING_VERB)[0]!
        .replace(/(?:总量|数量|总额|规模|增速|增幅)$/, '');
      f.measure = piece.length >= 2 && !/^(?:其中|目前|全年|[，、])/.test(piece) ? piece : (lastAmountMeasure ?? lastMeasure);
      f.partOf = null;
      f.entity = doc.entity;
      f.entityInherited = true;
      const point = times.filter((t) => t.end <= at && t.role === 'point').pop();
      f.period = point?.text ?? doc.period;
      f.periodInherited = point === undefined;
      f.base = null;
      continue;
    }
    // "分别增长24.7%、23.5%、14.8%": a figure listed right after another of its kind plays the same part.
    const listedAfter = previous.figure;
    const listed = listedAfter !== null && listedAfter.kind === f.kind && /^\s*[、和及与]\s*$/.test(sentence.slice(listedAfter.end, at));
    const { role, sign } = listed && listedAfter ? listedAfter : roleOf(sentence, at, f);
    previous.figure = { kind: f.kind, role, sign, end: at + f.end - f.start };
    f.role = role;
    if (sign < 0 && f.value > 0) f.value = -f.value;
    const clauseStart = [...clauseStarts].reverse().find((s) => s <= at) ?? 0;
    const partsAt = sentence.slice(clauseStart, clauseEnd(clauseStart)).indexOf('其中');
    const afterParts = opensWithParts || (partsAt >= 0 && at > clauseStart + partsAt);
    // A figure counted with a measure word names its measure after it ("28个创新联盟", "三大主导产业"); a share
    // names its base (占全市的), never its measure.
    const counted = (f.kind === 'count' || f.kind === 'people') && f.unit !== '户' && f.unit !== '人' && f.unit !== '';
    const fromPiece = pieceMeasure(sentence, at, role, times, places);
    const own =
      role === 'share' ? fromPiece : counted || role === 'threshold' ? (ownMeasure(f) ?? fromPiece) : (fromPiece ?? ownMeasure(f));
    const borrows = role === 'growth' || role === 'share' || role === 'points' || role === 'change';
    // A growth rate after a rate ("完成年度计划82.3%，同比增长15.3%") is the growth of the amount before both.
    f.measure = own ?? (borrows ? (role === 'growth' ? (lastAmountMeasure ?? lastMeasure) : lastMeasure) : null);
    if (role === 'level' && f.measure && !afterParts && !opensWithParts) {
      wholeMeasure = f.measure;
      wholeClause = clauseStart;
      firstLevelMeasure ??= f.measure;
    }
    if ((role === 'level' || role === 'change' || (role === 'growth' && own)) && f.measure) {
      lastMeasure = f.measure;
      if (f.kind !== 'percent' && f.kind !== 'ratio') lastAmountMeasure = f.measure;
    }
    const whole: string | null = opensWithParts ? (doc.previousWhole ?? null) : wholeClause === clauseStart ? wholeMeasure : null;
    f.partOf = afterParts && whole && f.measure !== whole ? whole : null;
    // "其中国家级19家": a part named by its grade alone is that grade of the whole (国家级双创载体).
    if (f.partOf && f.measure && /^[\u4e00-\u9fa5]{1,4}[级类型]$/.test(f.measure)) {
      f.measure = `${f.measure}${f.partOf.replace(/^[\u4e00-\u9fa5]{1,3}级(?:以上|以下)?/, '')}`;
      if (lastMeasure === own) lastMeasure = f.measure;
    }

    // Entity: the place the figure's part of the sentence is about — named at the start of a comma piece
    // ("浑南区地处…", "全年全市生产总值…"), not in passing ("地处沈阳市东南部") or as a base ("占全市的").
    const before = places.filter((p) => p.at < at && leadsItsPiece(sentence, p.at, times));
    // A place right before the figure qualifies it ("是沈阳市13个区县"): that is the figure's place.
    const adjacent = places.find((p) => p.at + p.place.length === at && !BASE_CONTEXT.test(sentence.slice(Math.max(0, p.at - 3), p.at)));
    const named = adjacent ?? before[before.length - 1];
    f.entity = named ? resolvePlace(named.place, doc) : doc.entity;
    f.entityInherited = !named || named.at < clauseStart;

    // Period and base: stated before the figure in the sentence, else the document's.
    const prior = times.filter((t) => t.end <= at);
    const point = [...prior].reverse().find((t) => t.role === 'point');
    const compare = prior.filter((t) => t.role === 'compare' && t.start > (point?.start ?? -1)).pop();
    f.period = point?.text ?? doc.period;
    f.periodInherited = point === undefined;
    // A base belongs to a comparison (a growth rate, a change, a multiple), not to a level stated beside one.
    f.base = role === 'level' || role === 'share' || role === 'threshold' ? null : (compare?.text.replace(/^为/, '') ?? null);
  }
  describeChanges(sentence, figures);
  return firstLevelMeasure;
}

/** "由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6", "由50.1%提高到52.3%": a value and what it became. */
const CHANGED_TO = /^\s*(?:调整|提高|提升|上升|下降|降低|增加|减少|扩大|缩小|变化|转变|变|升|降|增长|回落|上调|下调)(?:为|到|至)\s*$/;
/** The earlier value's time, between 由/从 and it: 去年同期的, 上年的. */
const EARLIER = /(?:由|从)\s*(去年同期|上年同期|去年|上年)?的?\s*$/;

/**
 * A value changed into another: the new one measures what the old one did (not the words between them, "48.6调整"),
 * and the old one is of the time 由 names — "去年同期的" is the year before the sentence's period, in the same months.
 */
function describeChanges(sentence: string, figures: readonly SentenceFigure[]): void {
  for (let i = 1; i < figures.length; i++) {
    const { figure: old, at: oldAt } = figures[i - 1]!;
    const { figure: now, at } = figures[i]!;
    if (old.kind !== now.kind || old.kind === 'date') continue;
    if (!CHANGED_TO.test(sentence.slice(oldAt + old.end - old.start, at))) continue;
    const earlier = EARLIER.exec(sentence.slice(0, oldAt));
    if (!earlier) continue;
    now.measure = old.measure;
    now.role = old.role;
    now.partOf = old.partOf;
    // (去年同期 is the old value's time, not the new one's.)
    if (earlier[1] && now.time === old.time) now.time = null;
    if (earlier[1] && old.period) {
      const year = /^((?:19|20)\d{2})年/.exec(old.period);
      if (year) {
        old.period = `${Number(year[1]) - 1}年${old.period.slice(year[0].length)}`;
        old.periodInherited = false;
      }
    }
  }
}
