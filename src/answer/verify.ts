/**
 * Verification: does this figure answer *this* question? A ranked fact may share most of its words with the
 * question and still be about another year, another place, another measure or a sub-group the document does
 * not break out. Before a figure is given, its key figure must satisfy every constraint the question names:
 *   - entity: a place the question names is the figure's place (or contains it, or is the document's own);
 *     a name that appears nowhere in the corpus blocks any figure;
 *   - period: a year or a part of the year the question names is the figure's period (or within it);
 *   - measure: every content word the question adds is in the fact, and the key figure's measure is
 *     something the question names (not the 三条城际铁路 of a question about 高铁站);
 *   - role: 增长了多少 wants a growth rate or a change, 占比 a share, 几倍 a multiple.
 * The reason a figure fails is kept, so the reply can say what differs ("文档没有给出2015年的…").
 */
import type { Fact, Figure } from '../facts/index.js';
import { enclosingRatio, resolvePlace } from '../facts/index.js';
import {
  isNumericAsk,
  translateEnglish,
  type AnalyzedQuestion,
  type DictionaryEn,
  type QuestionFrame,
  type Synonym,
} from '../question/index.js';
import { toSimplifiedCharacters, toSimplifiedCharactersCached, type TaggedWord, type Tokenizer } from '../text/index.js';
import { inQuotes, type AskedKind } from '../question/index.js';
import type { NotStatedReason } from './answer.js';

/** What a question names that any answer must hold to. Read once per question. */
export interface QuestionConstraints {
  /** The question's normalised text. */
  text: string;
  /**
   * Places named as what is asked about (not as a base: 占全市的, 比全省), each with whether the corpus knows it
   * and the words after it in the question (沈阳 in 沈阳国家高新区发展规划纲要 is part of a name, when a fact has it).
   */
  places: { place: string; known: boolean; span: string }[];
  /** Years named ("2015"). */
  years: string[];
  /** A year named relative to the document's (去年 −1, 今年 0), not as a comparison's base (比去年); null for none. */
  relativeYear: number | null;
  /** Parts of a year named (上半年, 一季度, 全年, 年末). */
  periods: string[];
  /** The role a figure must play: a growth rate or change, a share, a multiple; null for a plain amount. */
  role: 'growth' | 'share' | 'multiple' | null;
  /** Content words the question adds, each to be found in the fact: a group is met by any of its words. */
  words: string[][];
  /**
   * The same words with those the question writes as one joined (营业利润), where the corpus has the compound; worked
   * out at the first table row verified (it searches the corpus), then kept.
   */
  compounds: () => readonly string[];
  /** The question asks for an average or a per-head figure (人均, 平均, per capita). */
  perHead: boolean;
  /** English qualifier words no glossary maps (a breakdown the corpus's words cannot be checked for). */
  qualifiers: string[];
  /** The measure word the question counts in (多少家 → 家), or null. */
  classifier: string | null;
  /** Measures a figure named exactly would have, beyond the content words (项目投资 for "project investment"). */
  exactMeasures: readonly string[];
  /** "How many projects…": an English question counting things, which no sum of money, area or rate answers. */
  countsThings: boolean;
  /** A sub-group asked of a whole ("公园中郊野公园有多少个" → 郊野公园, "院士工作站中有几个是国家级的" → 国家级). */
  subGroup: string | null;
  /** The question was asked in English (its words came through glossaries, not from the question's own text). */
  english: boolean;
}

/**
 * "How many of the new urban jobs went to college graduates?", "How much of the investment was in
 * manufacturing?": the part asked of a whole, as the corpus words it (its glossaries' first term), or null.
 */
function englishSubGroupOf(question: string, ctx: VerifyContext): string | null {
  const m =
    /\bhow (?:many|much) of (?:the |its |their |these |this |all )?[a-z0-9' -]+? (?:went to|go to|were|was|are|is|came from|come from|belong(?:ed)? to|in)\b(.+)$/i.exec(
      question,
    );
  if (!m) return null;
  const english = translateEnglish(m[1]!, ctx.glossaryEn, ctx.dictionaryEn);
  const part = english.terms.flatMap((g) => g.split(/\s+/));
  const named = part.find((w) => w.length >= 2 && !ctx.places.has(w) && !ctx.isDocumentEntity(w));
  if (named || !ctx.dictionaryEn || english.unmatched.length === 0) return named ?? null;
  // A part no glossary names is named through the dictionary, every word of it ("country parks" → 国家公园), or
  // it cannot be found ("five-star": no word of the corpus says "five"), and no figure is of that part.
  const unrendered = english.unmatched.find((w) => !english.renderings.has(w));
  return unrendered ?? english.unmatched.map((w) => english.renderings.get(w)![0]!).join('');
}

/** "A中有几个是B(的)", "A中B有多少": B is a part of A the figure must be about. 中 must stand as a word of place (方位词). */
function subGroupOf(text: string, tokenizer: Tokenizer): string | null {
  const q = text.replace(/[？?。！!\s]+$/u, '');
  let at = 0;
  let rest: string | null = null;
  for (const w of tokenizer.tag(q)) {
    at += w.word.length;
    if ((/^(?:中|里|当中|之中|里面)$/.test(w.word) && w.tag.startsWith('f')) || w.word === '中有')
      if (at > 2) rest = q.slice(w.word === '中有' ? at - 1 : at);
  }
  if (rest === null) return null;
  const which = /^(?:有)?(?:多少|几)[个家户项位名人张起处所条座件]?(?:是|为|属于)([\u4e00-\u9fa5]{2,12}?)(?:的)?$/.exec(rest);
  if (which) return which[1]!;
  const named = /^(?:的)?([\u4e00-\u9fa5]{2,12}?)(?:有|是|为|占)?(?:多少|几)/.exec(rest);
  // "在三县两区中排名第几": where a ranking is made, not a part.
  return named && !/^(?:有|是|共|一共|总共|排|位列|位居|居|名列)/.test(named[1]!) ? named[1]! : null;
}

const EN_COUNTS_THINGS = /\bhow many\b(?! times\b)/i;
/** "How many yuan / square kilometres / percent": a count of units, which a sum or an area does answer. */
const EN_COUNTS_MEASURES =
  /\bhow many\s+(?:[a-z-]+\s+)?(?:yuan|rmb|cny|dollars?|usd|square|hectares?|mu|tons?|tonnes?|kilomet(?:er|re)s?|km|kwh|kilowatt|percent|percentage|points?|years?|months?|days?|hours?|minutes?|weeks?)\b/i;

/** English words that narrow what is counted: a sub-group the document must name to answer. */
const EN_QUALIFIERS =
  /^(?:national(?:-level)?|provincial(?:-level)?|municipal|city-level|foreign|overseas|international|domestic|actual(?:ly)?|completed|finished|started|newly|rural|urban|female|male|women|men|private|state-owned|listed|registered|household|permanent|retired|young|elderly|export(?:ed)?|import(?:ed)?)$/;

/** Measure words that count the same things ("多少家企业" is met by 户 and 个 as well). */
const CLASSIFIER_GROUPS: readonly string[] = [
  '个家户所',
  '人名位',
  '次',
  '项',
  '条',
  '座',
  '件',
  '起',
  '处',
  '张',
  '台',
  '辆',
  '套',
  '栋',
  '只',
  '头',
  '吨',
];

function classifierOf(text: string): string | null {
  // (几个百分点, 多少个百分比: the unit of a rate's change, not things counted.)
  return /(?:多少|几)([个家户项次条座所件名位人起处张台辆套栋只头])(?!百分)/.exec(text)?.[1] ?? null;
}

/** Whether a figure's unit is counted in the question's measure word. */
function countsIn(unit: string, classifier: string): boolean {
  const group = CLASSIFIER_GROUPS.find((g) => g.includes(classifier)) ?? classifier;
  return [...group].some((c) => unit.endsWith(c)) || (classifier === '次' && unit.endsWith('人次'));
}

/** Words that name what kind of figure a figure is: a ratio of parts (0.7:50.7:48.6) is a 结构, a 构成, a 比例. */
const KIND_WORDS: Readonly<Partial<Record<string, RegExp>>> = { ratio: /^(?:结构|构成|比例|配比)$/ };

/** Whether a question's word names the kind of the key figure rather than what it measures. */
function namesKindOf(key: Figure | null, word: string): boolean {
  return key !== null && (KIND_WORDS[key.kind]?.test(word) ?? false);
}

/** Why a candidate figure does not answer, and what the question asked for that it lacks. */
export interface Verdict {
  ok: boolean;
  reason?: NotStatedReason;
  /** What was asked that the figure does not hold: "2015年", "长春市", "户籍". */
  asked?: string;
}

const ORDINAL = /^第[一二三四五六七八九十0-9]+$/;
const SUB_YEAR =
  /上半年|下半年|前三季度|一季度|二季度|三季度|四季度|第[一二三四]季度|全年|年末|年底|年初|\d{1,2}(?:-|－|—|～|~|至|到)\d{1,2}月/g;
/** 1至10月, 1—10月 and 1-10月 are one period. */
const sameMonths = (s: string) => s.replace(/(\d)(?:－|—|～|~|至|到)(\d)/g, '$1-$2');
// (经济增长的贡献率, 增长点: growth named as a thing, not a growth rate asked.)
const ASKS_GROWTH =
  /增长(?!的|点|极|动力|方式|模式)|增速|增幅|涨幅|降幅|下降|上涨|涨了|提高了|上升了|减少了|增加了|\bgrow|\bgrowth\b|\bincrease|\bdecrease|\bdecline|\brise\b|\bfall\b/i;
const ASKS_SHARE = /占比|比重|比例|占.{0,12}(?:的)?(?:多少|几)|百分之几|份额|\bshare\b|\bproportion\b|\bpercentage of\b/i;
const ASKS_MULTIPLE =
  /几倍|多少倍|\bhow many times (?:as|more|larger|bigger|higher|greater)\b|\btimes (?:as (?:many|much|large)|that of)\b/i;
/** A place in the question preceded by these is a base (占全市的比例, 比全省), not what is asked about. */
const BASE_BEFORE = /(?:占|比|较|居|位居|位列|列|高于|低于|相当于)$/;
const NOT_A_PLACE = /^(?:城镇|乡村|农村|城乡|城市|境内|境外|国内|国外|国内外|海内外|地方|当地|本地|各地)$/;
const PLACE_SUFFIX = /(?:自治州|自治县|自治区|省|市|区|县|州|旗|镇|乡)$/;
/** English words that name places or organisations: capitalised, not a question word, not mapped by the glossary. */
const EN_NAME = /\b[A-Z][a-z]{2,}\b/g;
const EN_NOT_NAMES = new Set([
  'How',
  'What',
  'Which',
  'When',
  'Where',
  'Who',
  'Whom',
  'Why',
  'Is',
  'Are',
  'Does',
  'Did',
  'Do',
  'The',
  'In',
  'Of',
  'And',
  'Can',
  'Please',
  'Tell',
]);

/** The role a question asks its figure to play: a growth rate or change, a share, a multiple; null for an amount. */
export function askedRole(text: string): 'growth' | 'share' | 'multiple' | null {
  return ASKS_MULTIPLE.test(text) ? 'multiple' : ASKS_SHARE.test(text) ? 'share' : ASKS_GROWTH.test(text) ? 'growth' : null;
}

/** A place's name without its administrative suffix: 浑南区 → 浑南, 长春市 → 长春. */
function core(place: string): string {
  const c = place.replace(PLACE_SUFFIX, '');
  return c.length >= 2 ? c : place;
}

export interface VerifyContext {
  tokenizer: Tokenizer;
  glossaryEn: readonly Synonym[];
  /** The general English dictionary, restricted to the corpus's words. */
  dictionaryEn?: DictionaryEn;
  /** Whether a text occurs anywhere in the corpus (a fact or a title). */
  inCorpus: (text: string) => boolean;
  /** The place each document is about, by document id. */
  documentEntity: (docId: string) => string | null;
  /** Whether a name is the place some document of the corpus is about. */
  isDocumentEntity: (name: string) => boolean;
  /** The places the corpus's documents are about. */
  documentEntities: readonly string[];
  /** Each document's title (normalised for search), by document id. */
  documentTitle: (docId: string) => string;
  /** Whether some document's title (normalised) names this text. */
  inTitles: (text: string) => boolean;
  /** The time each document covers (its period, or its title's year), by document id. */
  documentPeriod: (docId: string) => string | null;
  /**
   * Whether a document reports figures in tables (a company's annual report, a statistical table): its figures are
   * checked for measure and breakdown as a place's are.
   */
  reportsFigures: (docId: string) => boolean;
  /** The corpus's place names (浑南区, 沈阳市 …): in a question they set where, not what. */
  places: ReadonlySet<string>;
  /** A fact's text, normalised for search. */
  clauseOf: (fact: Fact) => string;
  /** The first clause of the sentence a fact stands in (normalised for search): where its subject is named. */
  sentenceOpening: (fact: Fact) => string;
}

/** What an organisation's name ends with, and a question calls it by (公司 for 江苏安靠…股份有限公司). */
const ORGANISATION_HEADS = new Set(['公司', '本公司', '集团', '银行']);

/** Words that ask rather than name: they are never a content word the fact must hold. */
const FUNCTION_WORDS = new Set(
  (
    '总数 数量 数目 总量 总额 规模 水平 数字 数据 情况 具体 相关 所有 全部 分别 其中 包括 以前 以后 之前 之后 原来 现在 目前 ' +
    '人数 次数 户数 个数 件数 家数 项数 总人数 今年 去年 已经 实际 大概 大约 左右 一下 请问 需要 一共 总共 共计 合计 累计 多大 多高 多长 多久 几倍 倍数 时间 多少 哪些 ' +
    '哪个 什么 怎么 如何 是否 有没有 能否 可以 达到 拥有 实现 完成了 一个 这个 那个 这些 那些 方面 部分 左右 以上 以下 中有 当中 之中 里面 其中有 一共有 总共有 共有 相比 相较 比较 对比'
  ).split(/\s+/),
);

/** The constraints a question puts on any answer (from its frame, its analysis and its own place words). */
export function constraintsOf(frame: QuestionFrame, q: AnalyzedQuestion, ctx: VerifyContext): QuestionConstraints {
  const text = frame.text;
  // An English question's glossary terms and unmapped words, as the question's analysis read them.
  const { english } = q;
  const places = new Map<string, { known: boolean; span: string }>();
  // Places the question names that are the documents' own setting: neither a constraint nor a content word.
  const settings = new Set<string>();
  const inATitle = (place: string) => ctx.documentEntities.some((e) => e.includes(place) || place.includes(e)) || ctx.inTitles(place);
  const quoted = inQuotes(text);
  const addPlace = (place: string, at: number) => {
    if (BASE_BEFORE.test(text.slice(Math.max(0, at - 3), at))) return;
    // ("被宣告为「和平都市」": a name, no place asked.)
    if (at >= 0 && quoted(at, place.length)) return;
    if ([...places.keys()].some((p) => p.includes(place))) return;
    const span = at >= 0 ? text.slice(at, at + place.length + 3) : place;
    places.set(place, { known: ctx.inCorpus(place) || ctx.inCorpus(core(place)), span });
  };
  if (frame.searchLanguage === 'zh') {
    let at = 0;
    const tagged: TaggedWord[] = ctx.tokenizer.tag(text);
    for (const w of tagged) {
      if (w.tag === 'ns' && w.word.length >= 2 && !NOT_A_PLACE.test(w.word)) addPlace(w.word, at);
      at += w.word.length;
    }
    for (const p of frame.places) if (p.length >= 2 && !NOT_A_PLACE.test(p)) addPlace(p, text.indexOf(p));
    // A place jieba does not tag (周口市) is still one when a document is about it.
    // So is its name without the suffix (德清 for 德清县).
    for (const entity of ctx.documentEntities) {
      const at = text.indexOf(entity);
      if (at >= 0) addPlace(entity, at);
      else if (core(entity) !== entity && text.includes(core(entity))) addPlace(core(entity), text.indexOf(core(entity)));
    }
  } else {
    // "How many incubators does Dalian have?": a name no glossary maps is a place or body the corpus may not know.
    const mapped = new Set(english!.unmatched);
    for (const m of frame.original.matchAll(EN_NAME)) {
      const name = m[0];
      if (EN_NOT_NAMES.has(name) || !mapped.has(name.toLowerCase())) continue;
      places.set(name, { known: false, span: name });
    }
    for (const p of frame.places) addPlace(p, 0);
    // "in Shenyang?": a glossary place named where the question asks about — not "Shenyang's incubators" (a
    // base) nor "the Shenyang high-tech zone" (a name).
    const lower = frame.original.toLowerCase();
    for (const g of ctx.glossaryEn) {
      const terms = g.terms.split(/\s+/).filter((t) => ctx.places.has(t) || ctx.isDocumentEntity(t));
      if (terms.length === 0) continue;
      for (const m of lower.matchAll(new RegExp(g.cue.source, 'g'))) {
        // A place named in pinyin ("Zhoukou's GDP", "in Hebei"): where the question is about — unless a
        // document's title names it, when it is only the documents' setting (Shenyang for a district of it).
        if (g.place) {
          if (inATitle(terms[0]!)) settings.add(terms[0]!);
          else addPlace(terms[0]!, -1);
          continue;
        }
        const before = lower.slice(0, m.index);
        const after = lower.slice(m.index + m[0].length);
        if (
          /\b(?:in|within|across)\s+(?:the\s+)?$/.test(before) &&
          /^(?:\s*$|\s*[?.,!]|\s+(?:in|at|during|for|this|last|by|as|and|or|now|today|altogether|overall)\b)/.test(after)
        ) {
          addPlace(terms[0]!, -1);
        }
      }
    }
  }
  const years = frame.times.filter((t) => /^(?:19|20)\d{2}$/.test(t));
  // (全年计划, 全年目标: the year a plan is for is part of what is measured, the 年度计划 a figure completes.)
  const plan = /全年(?=计划|目标|任务)/.test(text);
  const periods = [
    ...new Set([
      ...(text.replace(/全年(?=计划|目标|任务)/g, '').match(SUB_YEAR) ?? []),
      ...frame.times.filter((t) => /^(?:上半年|下半年|全年|年末|年底|年初)$/.test(t) && !(plan && t === '全年')),
    ]),
  ];
  const role = askedRole(text);

  // Content words: the question's own required words that are not places, times or qualifiers.
  const placeWords = [...places.keys()];
  const isPlaceOrTime = (w: string) =>
    placeWords.some((p) => p.includes(w) || w.includes(p) || core(p) === w) ||
    /\d/.test(w) ||
    new RegExp(SUB_YEAR.source).test(w) ||
    /^(?:今年|去年|目前|现在|同比|同期|截至|以来|全年|年末|增长|增速|增幅|比例|占比|比重|下降|倍|总|共)$/.test(w);
  let words: string[][];
  let compoundsOf = (): string[] => [];
  const content = (w: string) => {
    const word = w.replace(/^(?:已经|已)|[了过着]$/g, '');
    return word.length >= 2 &&
      !/^(?:几|多少)/.test(word) &&
      !FUNCTION_WORDS.has(word) &&
      !isPlaceOrTime(word) &&
      !ctx.places.has(word) &&
      ![...settings].some((p) => p.includes(word)) &&
      // "公司的股票代码" in a company's report: the organisation a title names, as a place names a district.
      !(ORGANISATION_HEADS.has(word) && ctx.inTitles(word))
      ? word
      : null;
  };
  if (frame.searchLanguage === 'zh') {
    const keptWords = q.words.filter((w) => w.required && w.weight >= 1 && content(w.word) !== null);
    const kept = keptWords.map((w) => content(w.word)!);
    // A word the corpus never uses is held by a corpus word sharing one of its senses (营收 by 营业收入).
    words = keptWords.map((w, i) => [kept[i]!, ...(w.alternatives ?? [])]);
    // Words the question writes as one (营业 + 利润 → 营业利润) name one measure when the corpus has the compound: a
    // row under 营业收入 and 营业成本, in a table titled "…营业收入或营业利润…", does not give 营业利润.
    compoundsOf = () => {
      const joined: string[] = [];
      for (const w of kept) {
        const last = joined[joined.length - 1];
        if (last !== undefined && text.includes(last + w) && ctx.inCorpus(last + w)) joined[joined.length - 1] = last + w;
        else joined.push(w);
      }
      return joined;
    };
  } else {
    // Each glossary term stands for the document wordings it lists ("营业收入 营业总收入"); one of them, held whole
    // (or through all its parts), meets it: 营业 alone, of 营业利润, is not met by a 营业成本 column.
    words = english!.terms
      .map((group) =>
        group
          .split(/\s+/)
          .filter((alt) => alt !== '')
          .flatMap((alt) => {
            const parts = ctx.tokenizer
              .words(alt, true)
              .map(content)
              .filter((w): w is string => w !== null);
            return parts.length === 0 ? [] : [parts.join('')];
          }),
      )
      .filter((g) => g.length > 0);
  }
  let compounds: readonly string[] | undefined;
  const perHead = /人均|平均|户均|每|per capita|per head|per person|average/i.test(text);
  // English qualifiers no glossary maps ("national-level", "foreign", "newly started"): a breakdown the
  // Chinese sentence must name, which can only be checked through the glossary — so it cannot be met.
  const qualifiers = english ? english.unmatched.filter((w) => EN_QUALIFIERS.test(w)) : [];
  return {
    text,
    places: [...places].map(([place, p]) => ({ place, ...p })),
    years,
    relativeYear: relativeYearOf(text),
    periods,
    role,
    words,
    compounds: () => (compounds ??= compoundsOf()),
    perHead,
    qualifiers,
    classifier: classifierOf(text),
    exactMeasures: english?.compounds ?? [],
    countsThings: english !== null && EN_COUNTS_THINGS.test(text) && !EN_COUNTS_MEASURES.test(text),
    subGroup: frame.searchLanguage === 'zh' ? subGroupOf(text, ctx.tokenizer) : englishSubGroupOf(frame.original, ctx),
    english: english !== null,
  };
}

/** 去年/上年 (−1) or 今年/本年 (0) where the question asks about that year, not where it compares with it. */
function relativeYearOf(text: string): number | null {
  if (/(?:比|较|与|跟|和|同|对比|相比)(?:去年|上年|今年|本年)/.test(text)) return null;
  if (
    /\b(?:than|compared (?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?(?:same (?:period|time|months?) (?:of |in )?)?(?:the\s+)?(?:last|previous|prior) year/i.test(
      text,
    )
  )
    return null;
  if (/去年|上年|\b(?:last|previous|prior) year\b|\ba year (?:earlier|before|ago)\b|\bthe year before\b/i.test(text)) return -1;
  if (/今年|本年|\bthis year\b/i.test(text)) return 0;
  return null;
}

/** Whether the fact (as normalised for search) holds a word: whole, or through every one of its parts. */
function holds(factText: string, word: string, tokenizer: Tokenizer): boolean {
  if (factText.includes(word)) return true;
  const parts = tokenizer.terms(word, true).filter((p) => p !== word && p.length >= 2);
  if (parts.length <= 1 || !parts.every((p) => factText.includes(p))) return false;
  // Its parts together, in one comma piece: 第二产业 is not held by "第三产业投资…，位列…第二".
  return factText.split(/[，,；;。\n]/).some((piece) => parts.every((p) => piece.includes(p)));
}

/**
 * Whether a document's figures are checked for measure and breakdown: a document about a place, or one that reports
 * figures in tables (see verify).
 */
export function measuresItsFigures(docId: string, ctx: VerifyContext): boolean {
  const entity = ctx.documentEntity(docId);
  return (entity !== null && PLACE_SUFFIX.test(entity)) || ctx.reportsFigures(docId);
}

/** A figure with its labels (measure, subject, entity, period, base) in Simplified characters (see toSimplifiedCharactersCached). */
function inQuestionScript(figure: Figure): Figure {
  const n = (s: string | null) => (s === null ? null : toSimplifiedCharactersCached(s));
  const labels = {
    measure: n(figure.measure),
    subject: n(figure.subject),
    entity: n(figure.entity),
    period: n(figure.period),
    base: n(figure.base),
  };
  return labels.measure === figure.measure &&
    labels.subject === figure.subject &&
    labels.entity === figure.entity &&
    labels.period === figure.period &&
    labels.base === figure.base
    ? figure
    : { ...figure, ...labels };
}

/** Checks one candidate: its fact and the key figure chosen for the question. */
export function verify(c: QuestionConstraints, fact: Fact, asStated: Figure | null, ctx: VerifyContext, asked: AskedKind = null): Verdict {
  // The figure's labels in the script the question is read in (a Traditional document's 工業品生產金額, 長崎縣).
  const key = asStated && inQuestionScript(asStated);
  // What the fact says: its own clause and the opening clause of its sentence (a clause keeps its sentence's
  // subject).
  // A part read out of a ratio (第二产业投资 50.7 of 三次产业投资占比…0.7:50.7:48.6) is named by its measure too.
  // So is a value listed against names listed (第三产业 of "第一、二、三次产业…分别为8.9%、27.7%和63.4%", listed-values.ts).
  const clause = ctx.clauseOf(fact);
  const named = key?.measure && (enclosingRatio(fact.figures, key) !== undefined || !clause.includes(key.measure)) ? key.measure : null;
  const factText = `${clause}\n${ctx.sentenceOpening(fact)}${named ? `\n${named}` : ''}`;
  // A name the corpus never mentions: no figure in it is about that place.
  const unknown = c.places.find((p) => !p.known);
  if (unknown) return { ok: false, reason: 'entity', asked: unknown.place };
  const docEntity = ctx.documentEntity(fact.docId);
  // A place that is part of a name the fact also has ("沈阳国家高新区…") says what, not where.
  const places = c.places.filter((p) => p.span.length <= p.place.length || !factText.includes(p.span));
  // A document about a place (a district's profile, a city's bulletin, a government's report) measures that
  // place: its figures are checked for place, measure and breakdown. So are the figures of any document that
  // reports figures in tables (a company's annual report), for measure and breakdown. An article
  // about anything else (an encyclopedia's) is checked for time, role and names the corpus does not know, its
  // wording being its own.
  const placeDocument = docEntity !== null && PLACE_SUFFIX.test(docEntity);
  const measuredDocument = measuresItsFigures(fact.docId, ctx);
  if (key) {
    const entity = key.entity ?? docEntity;
    if (placeDocument && entity && places.length > 0) {
      const fits = (p: string) => {
        const resolved = resolvePlace(p, { entity: docEntity, period: null });
        return resolved === entity || entity.includes(core(resolved)) || resolved.includes(core(entity));
      };
      // "沈阳市浑南区…": a place the document's title or the figure's own place contains is only its setting. A
      // ranking's place is what it ranks within ("在全省排第几" of 位居全省第一), which the fact names.
      // A date is of an event, not a measure of a place: the place the fact names it happened in is where.
      const placedBy = (p: string) => (key.kind === 'rank' || key.kind === 'date') && (factText.includes(p) || factText.includes(core(p)));
      const wrong = places.find((p) => !fits(p.place) && !placedBy(p.place));
      if (wrong && !places.some((p) => fits(p.place) && p !== wrong && ctx.inCorpus(wrong.place + p.place))) {
        return { ok: false, reason: 'entity', asked: wrong.place };
      }
    }
    // 全年, 年末, 上半年 hold within the document's own year.
    // 目前 is the document's latest year, not its whole span ("2018年至2019年7月").
    const docPeriod = ctx.documentPeriod(fact.docId) ?? '';
    const docYears = docPeriod.match(/(?:19|20)\d{2}/g) ?? [];
    const now = /^(?:目前|现在|截至目前|现阶段)$/.test(key.period ?? '') ? (docYears[docYears.length - 1] ?? '') : docPeriod;
    const stated = `${key.period ?? ''}${/(?:19|20)\d{2}/.test(key.period ?? '') ? '' : now}`;
    // A year the question compares with ("是2018年同期的几倍", "比2018年同期增加多少") is the figure's base.
    const comparing = c.role !== null || /比|相比|同期|较/.test(c.text);
    // A year asked must be the figure's (when its year can be told at all).
    const knownYear = /(?:19|20)\d{2}/.test(stated);
    for (const y of c.years) {
      if (comparing && (key.base ?? '').includes(y)) continue;
      if (knownYear && !stated.includes(y)) return { ok: false, reason: 'period', asked: `${y}年` };
    }
    // 去年同期, 今年: the year before the document's latest, or that one.
    const latest = docYears[docYears.length - 1];
    if (c.relativeYear !== null && latest && knownYear && c.years.length === 0) {
      const y = String(Number(latest) + c.relativeYear);
      if (!stated.includes(y)) return { ok: false, reason: 'period', asked: `${y}年` };
    }
    // 全年 and 年末 are what a figure of a bare year is (a year's flow, its year-end stock); a part of a year
    // (上半年, 一季度, 7月) is not the whole.
    const partOfYear = /上半年|下半年|季度|\d{1,2}月|月末|月底/.test(key.period ?? '');
    for (const p of c.periods) {
      if (sameMonths(stated).includes(sameMonths(p))) continue;
      if ((p === '全年' || p === '年末' || p === '年底') && !partOfYear) continue;
      return { ok: false, reason: 'period', asked: p };
    }
    // A rank is of one measure, which the question names whole: 专利申请总量位居全省第三 ranks no 专利授权量.
    if (key.kind === 'rank' && key.measure && !c.english && !namesWhole(c.text, key.measure, ctx.tokenizer))
      return { ok: false, reason: 'measure', asked: key.measure };
    // (A rank of a growth rate answers "增速排第几": the rank is the figure asked.)
    if (c.role === 'growth' && !['growth', 'change', 'points'].includes(key.role) && key.kind !== 'rank')
      return { ok: false, reason: 'measure', asked: '增长' };
    if (c.role === 'share' && key.role !== 'share' && key.kind === 'percent' && key.role !== 'level')
      return { ok: false, reason: 'measure', asked: '占比' };
    if (c.role === 'multiple' && key.role !== 'multiple') return { ok: false, reason: 'measure', asked: '倍数' };
    if (key.role === 'threshold') return { ok: false, reason: 'measure' };
    // An amount asked is not answered by a rate of change or a share (茶叶产量是多少 ≠ 增长27.4%).
    if (c.role === null && asked !== 'percent' && ['growth', 'points', 'share'].includes(key.role)) {
      return { ok: false, reason: 'measure', asked: key.measure ?? key.raw };
    }
    // 人均地区生产总值 is no answer to a question about 地区生产总值, nor the other way round.
    // (A table's title may say it: 表10 年末每百户城乡居民家庭拥有耐用品, or 每百戶 where a PDF's font gave 戶 for 户.)
    const perHead =
      /人均|平均|户均/.test(key.measure ?? '') ||
      /^每/.test(key.measure ?? '') ||
      (fact.row !== undefined && /每百户|每百人|每万人|人均|户均/.test(toSimplifiedCharacters(fact.section ?? '')));
    if (perHead !== c.perHead && key.measure) return { ok: false, reason: 'measure', asked: c.perHead ? '人均' : key.measure };
    if (c.countsThings && ['money', 'area', 'percent', 'duration', 'multiple'].includes(key.kind))
      return { ok: false, reason: 'measure', asked: 'how many' };
    // "多少家" is not answered in 平方米, "多少张床位" not in 个.
    if (
      c.classifier &&
      ['count', 'people', 'area', 'money', 'percent', 'multiple'].includes(key.kind) &&
      !countsIn(key.unit, c.classifier)
    ) {
      return { ok: false, reason: 'measure', asked: c.classifier };
    }
  }
  // A growth rate, share or multiple asked is answered by a figure, never by a sentence alone.
  if (c.role !== null && !key && (asked === null || isNumericAsk(asked))) return { ok: false, reason: 'measure', asked: c.role };
  // A date is answered by the event it names (the engine's confidence checks that); the rest is about figures.
  if (asked === 'date' || !measuredDocument) return { ok: true };
  if (c.qualifiers.length > 0) return { ok: false, reason: 'scope', asked: c.qualifiers[0]! };
  const measure = key?.measure ?? '';
  if (
    c.subGroup &&
    key &&
    !measure.includes(c.subGroup) &&
    !(measure.length >= 2 && c.subGroup.includes(measure)) &&
    !(key.partOf && factText.includes(c.subGroup))
  ) {
    return { ok: false, reason: 'scope', asked: c.subGroup };
  }
  // A figure of a part ("前五名供应商采购额中关联方采购额": the related parties' purchases within the top five's)
  // answers only a question that names the part.
  const part = key?.measure ? partNamedIn(key.measure, ctx.tokenizer) : null;
  if (
    part &&
    !c.text.includes(part) &&
    !c.words.some((g) => g.some((w) => part.includes(w) && !measureBefore(key!.measure!, part).includes(w)))
  )
    return { ok: false, reason: 'scope', asked: measureBefore(key!.measure!, part) };
  // Every content word the question adds must be in the fact: 户籍 in 户籍人口 is not met by 常住人口.
  // A word the document's title puts before what the figure measures qualifies all its figures of it: in "1-10月德清县
  // 固定资产投资结构…", the 第二产业投资 of a sentence is fixed-asset investment.
  const title = ctx.documentTitle(fact.docId);
  const head = key?.measure && key.measure.length >= 2 ? key.measure.slice(-2) : null;
  const qualifiesTitle = (w: string) => head !== null && w.length >= 2 && title.includes(w + head);
  const missing = c.words.find(
    (group) => !group.some((w) => holds(factText, w, ctx.tokenizer) || namesKindOf(key, w) || qualifiesTitle(w)),
  );
  if (missing) {
    const measure = key?.measure ?? '';
    const scope = c.words.some((g) => g !== missing && g.some((w) => measure.includes(w)));
    return { ok: false, reason: scope ? 'scope' : 'measure', asked: missing[0]! };
  }
  // "project investment": where the corpus has the compound (项目投资), a figure of it is worded so.
  const compounds = c.exactMeasures.filter((m) => ctx.inCorpus(m));
  if (compounds.length > 0 && !compounds.some((m) => factText.includes(m))) return { ok: false, reason: 'measure', asked: compounds[0]! };
  // An ordinal qualifies the word it is written with: 第二产业 is not held by "第三产业…位列…第二" (a corpus without
  // the word 第二产业 cuts it in two).
  const ordinal = c.words.findIndex(
    (g, i) => ORDINAL.test(g[0]!) && i + 1 < c.words.length && c.text.includes(g[0]! + c.words[i + 1]![0]!),
  );
  if (ordinal >= 0 && !factText.includes(c.words[ordinal]![0]! + c.words[ordinal + 1]![0]!))
    return { ok: false, reason: 'measure', asked: c.words[ordinal]![0]! + c.words[ordinal + 1]![0]! };
  // The key figure must measure something the question names (not 三条 城际铁路 for 高铁站).
  if (key?.measure && c.words.length > 0) {
    const measure = key.measure;
    const names = (w: string) => measure.includes(w) || w.includes(measure) || sharesPart(measure, w, ctx.tokenizer);
    // In a table row (searched with its table's title and headers), a compound the question names (营业利润) must be
    // named whole or by the parts that make it up: the title may name what no column of the row measures.
    const compounds = fact.row !== undefined ? c.compounds() : [];
    const compound = compounds.length > 0 && compounds.length < c.words.length;
    const named = compound ? compounds.some(names) : c.words.some((g) => g.some(names));
    if (!named) return { ok: false, reason: 'measure', asked: c.words[0]![0]! };
  }
  return { ok: true };
}

/** Whether a question names every word of a measure but the verbs it is stated with (生产性服务业完成投资). */
function namesWhole(text: string, measure: string, tokenizer: Tokenizer): boolean {
  if (text.includes(measure)) return true;
  return tokenizer
    .words(measure, true)
    .filter((w) => !STATED_WITH.test(w) && !FUNCTION_WORDS.has(w))
    .every((w) => text.includes(w));
}
const STATED_WITH = /^(?:完成|实现|达到|达|累计|共|共计|合计|新增|全年|全市|全州|全县|全区)$/;

/** The part a measure names after 中 ("X中Y" → Y: Y within X), when 中 stands alone there (not in 中小企业, 其中). */
function partNamedIn(measure: string, tokenizer: Tokenizer): string | null {
  let at = 0;
  for (const w of tokenizer.tag(measure)) {
    at += w.word.length;
    if (/^(?:中|当中|之中)$/.test(w.word) && w.tag.startsWith('f') && at - w.word.length >= 2 && measure.length - at >= 2)
      return measure.slice(at);
  }
  return null;
}

/** What a measure names before its part (see partNamedIn): the whole. */
function measureBefore(measure: string, part: string): string {
  return measure.slice(0, measure.length - part.length).replace(/(?:中|当中|之中)$/, '');
}

/** Whether a measure and a question word share a specific part: one of three characters or more, or two of two. */
function sharesPart(measure: string, word: string, tokenizer: Tokenizer): boolean {
  const parts = tokenizer.terms(word, true).filter((p) => p.length >= 2 && p !== word && measure.includes(p));
  return parts.some((p) => p.length >= 3) || parts.length >= 2;
}
