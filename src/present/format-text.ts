/**
 * Plain-text rendering of an answer, for the CLI and the console chat: the fact verbatim with its
 * figures marked 【like this】, the citation, and related facts.
 */
import type { Fact } from '../facts/index.js';
import type { Answer, Citation, Hit } from '../answer/index.js';

export interface FormatOptions {
  lang?: 'zh' | 'en';
  /** Add the score breakdown of each hit (ask --debug). */
  debug?: boolean;
}

const TEXTS = {
  zh: {
    source: '出处',
    related: '相关数据',
    notFound: '文档中没有找到这个问题的答案。',
    tryAsking: '可以试着问：',
    empty: '请输入一个问题。',
    tooLong: '问题太长了，请精简后再问。',
    noWords: '没有读出可查询的词语，请换个说法。',
  },
  en: {
    source: 'Source',
    related: 'Related figures',
    notFound: 'The document does not say.',
    tryAsking: 'You could ask:',
    empty: 'Please type a question.',
    tooLong: 'That question is too long; please shorten it.',
    noWords: 'I could not find any words to search for; please rephrase.',
  },
} as const;

/** The fact's text with every figure wrapped in `open`/`close` (the key figure too). */
export function markFigures(fact: Fact, open = '【', close = '】', escape: (s: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  for (const f of fact.figures) {
    out += escape(fact.text.slice(at, f.start)) + open + escape(fact.text.slice(f.start, f.end)) + close;
    at = f.end;
  }
  return out + escape(fact.text.slice(at));
}

/** Where in the document a fact stands: "第5段第2句第1分句" / "paragraph 5, sentence 2, clause 1". */
export function citationPlace(paragraph: number, sentence: number, clause: number | null, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return `paragraph ${paragraph}, sentence ${sentence}${clause ? `, clause ${clause}` : ''}`;
  return `第${paragraph}段第${sentence}句${clause ? `第${clause}分句` : ''}`;
}

export function formatCitation(c: Citation, lang: 'zh' | 'en' = 'zh'): string {
  const t = TEXTS[lang];
  const parts = [`《${c.title}》`];
  if (c.publisher) parts.push(c.publisher);
  if (c.section) parts.push(c.section);
  parts.push(citationPlace(c.paragraph, c.sentence, c.clause, lang));
  return `${t.source}: ${parts.join(' · ')}`;
}

function formatHit(hit: Hit, lang: 'zh' | 'en', debug: boolean): string[] {
  const lines = [markFigures(hit.fact), formatCitation(hit.citation, lang)];
  if (debug) lines.push(`  score ${hit.score} = ${JSON.stringify(hit.why)}`);
  return lines;
}

export function formatAnswerText(answer: Answer, options: FormatOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const t = TEXTS[lang];
  if (answer.kind === 'invalid') return answer.reason === 'empty' ? t.empty : answer.reason === 'too-long' ? t.tooLong : t.noWords;
  if (answer.kind === 'not-found') {
    const tips = answer.suggestions.map((s) => `  · ${s}`);
    return [t.notFound, ...(tips.length ? [t.tryAsking, ...tips] : [])].join('\n');
  }
  const [top, ...rest] = answer.hits;
  if (!top) return t.notFound;
  const lines: string[] = [];
  if (top.keyFigure) lines.push(`▶ ${top.keyFigure.raw}${top.keyFigure.time ? `（${top.keyFigure.time}）` : ''}`);
  lines.push(...formatHit(top, lang, options.debug ?? false));
  if (rest.length) {
    lines.push('', `${t.related}:`);
    for (const hit of rest.slice(0, 2)) lines.push(...formatHit(hit, lang, options.debug ?? false).map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
