/**
 * A follow-up answered from the sentence just cited: after "浑南区有多少家国家高新技术企业？" (412家, in
 * "…其中，2019年上半年新认定国家高新技术企业74家，为2018年同期认定量的3.4倍"), "上半年新认定了多少？" is
 * the 74家 and "是去年的几倍？" the 3.4倍 of that same sentence. Tried only when the document does not answer the
 * question on its own (respond.ts), and taken only when the question names nothing the sentence lacks and one
 * figure of the kind asked (other than the one already given) fits it best.
 */
import type { Fact, Figure } from '../../facts/index.js';
import { pieceAround } from '../../facts/index.js';
import { ANSWERING_FIGURE_KINDS, CLASSIFIERS, type QuestionFrame } from '../../question/index.js';

/** Question words, fillers and period words: what is left names the thing asked about. */
const NOT_CONTENT =
  /多少|几[倍个家人户项次年]?|什么|哪些|哪个|怎么样|如何|吗|呢|吧|啊|了|的|是|有|为|达到|一共|总共|请问|那么?|其中|这个|这些|那个|上半年|下半年|全年|去年|今年|同期|目前|现在|当时|(?:19|20)\d{2}年?|[？?。，,！!\s]/g;

/** Words of a question ("新认定") as the bigrams they are made of, within each piece; a one-character piece stands alone. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split('|').filter((p) => p !== '')) {
    const chars = Array.from(piece);
    if (chars.length < 2) out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The comma piece a figure stands in, the figure included. */
function figurePiece(text: string, f: Figure): string {
  const { before, after } = pieceAround(text, f);
  return before + f.raw + after;
}

/** Measures that are a change or a share of the figure before them, not a subject of their own. */
const CHANGE_OR_SHARE = /^(?:同比|环比|比上年)?(?:增长|增速|增幅|增加|减少|下降|上涨|比例|占比|比重|份额)/;

const PERIOD_ASKED = /上半年|下半年|一季度|二季度|三季度|四季度/g;

/**
 * The figure of the cited fact that answers a follow-up, or null when the question is not about that
 * sentence. `given` is the figure already given as the answer (asked again, it is no follow-up).
 */
export function figureFromCited(frame: QuestionFrame, fact: Fact, given: Figure | null): Figure | null {
  if (frame.searchLanguage !== 'zh' || frame.operation !== null || frame.text.length > 20) return null;
  const asked = frame.asked;
  if (asked === null) return null;
  // A question that names its own measure or place ("常住人口有几个？") is a question of its own: the engine's
  // verdict on it stands. A growth rate or a share (同比增长, 占全市的比例) is what a sentence says of its own
  // figure: that one may ask.
  if (frame.measure !== null && !CHANGE_OR_SHARE.test(frame.measure)) return null;
  if (frame.places.some((p) => asked !== 'percent' || !/^全/.test(p))) return null;
  const answering = ANSWERING_FIGURE_KINDS[asked];
  if (answering === null) return null;
  // "多少" alone asks for an amount: a share or a multiple of the sentence answers only a question asking for one.
  const kinds = asked === 'count' || asked === 'number' ? answering.filter((k) => k !== 'percent' && k !== 'multiple') : answering;
  const content = frame.text.replace(NOT_CONTENT, '|');
  const words = bigrams(content);
  // Every word of the question must be in the sentence: a question about something else is a new question.
  if (words.some((w) => !fact.text.includes(w))) return null;
  // A bare "有多少？" names nothing: unless it asks for a kind of figure by itself (几倍, 百分之几), it is not this.
  if (words.length === 0 && asked !== 'multiple' && asked !== 'percent' && frame.times.length === 0) return null;
  const periods = frame.text.match(PERIOD_ASKED) ?? [];
  // "座谈会有几个？" counts in 个: a figure in 次 is not what was asked (the engine's verdict on that stands).
  const classifier = new RegExp(`(?:多少|几)([${CLASSIFIERS}])`).exec(frame.text)?.[1] ?? null;
  const candidates = fact.figures.filter(
    (f) =>
      kinds.includes(f.kind) &&
      f.kind !== 'date' &&
      f.role !== 'threshold' &&
      !(given !== null && f.start === given.start) &&
      (classifier === null || f.unit.endsWith(classifier)) &&
      periods.every((p) => (f.period ?? f.time ?? '').includes(p) || figurePiece(fact.text, f).includes(p)),
  );
  if (candidates.length === 0) return null;
  const scoreOf = (f: Figure) => {
    const piece = figurePiece(fact.text, f);
    return words.filter((w) => piece.includes(w)).length * 2 + (kinds[0] === f.kind ? 1 : 0);
  };
  const best = candidates.reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
  // Words asked must stand near the figure, unless the kind alone tells it (the one multiple of the sentence).
  if (words.length > 0 && scoreOf(best) < words.length * 2) return null;
  const tied = candidates.filter((f) => scoreOf(f) === scoreOf(best));
  return tied.length === 1 ? best : null;
}
