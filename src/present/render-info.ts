// /start, /help, /topics and /source texts, built from what the engine knows about its corpus.
import type { Topic } from '../answer/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import { formatFor, type TextFormat } from './format.js';
import { texts, type Lang } from './i18n.js';

type DocumentInfo = Pick<CorpusDocument, 'id' | 'title' | 'publisher' | 'period' | 'file'>;

/** Up to `count` distinct sample questions, one per section first. These back the /start buttons. */
export function pickExamples(topics: readonly Topic[], count = 3): string[] {
  const out: string[] = [];
  for (const topic of topics) {
    const q = topic.sampleQuestion.trim();
    if (q !== '' && !out.includes(q)) out.push(q);
    if (out.length >= count) break;
  }
  return out;
}

function describeDocuments(documents: readonly DocumentInfo[], lang: Lang): string {
  const described = documents.map((doc) => {
    const extra = [doc.publisher, doc.period].filter((x): x is string => !!x);
    if (extra.length === 0) return `《${doc.title}》`;
    return lang === 'zh' ? `《${doc.title}》（${extra.join('，')}）` : `《${doc.title}》 (${extra.join(', ')})`;
  });
  return described.join(lang === 'zh' ? '、' : ', ');
}

/** One short paragraph: what the bot does and what the document covers. The examples go on buttons. */
export function renderGreeting(
  documents: readonly DocumentInfo[],
  topics: readonly Topic[],
  lang: Lang,
  format: TextFormat = 'html',
): string {
  const fmt = formatFor(format);
  const sections = [...new Set(topics.map((t) => t.section))].slice(0, 3);
  const quotedSections = sections.map((s) => `“${s}”`).join(lang === 'zh' ? '、' : ', ');
  return fmt.text(texts[lang].greeting(describeDocuments(documents, lang), quotedSections));
}

/** /start in a group: what the bot does and how to reach it there (/ask, a mention, a reply: privacy mode). */
export function renderGroupGreeting(
  documents: readonly DocumentInfo[],
  botUsername: string,
  lang: Lang,
  format: TextFormat = 'html',
): string {
  return formatFor(format).text(texts[lang].groupGreeting(describeDocuments(documents, lang), botUsername));
}

/** How to ask in private chats, groups and inline mode. */
export function renderHelp(botUsername: string, example: string | undefined, lang: Lang, format: TextFormat = 'html'): string {
  const fmt = formatFor(format);
  const t = texts[lang];
  const sample = example ?? t.anyQuestion;
  return [fmt.bold(t.helpTitle), ...t.help(botUsername, sample).map((line) => fmt.text(line))].join('\n');
}

/** Every section with a sample question. */
export function renderTopics(topics: readonly Topic[], lang: Lang, format: TextFormat = 'html'): string {
  const fmt = formatFor(format);
  const t = texts[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [fmt.text(t.topicsHeading)];
  for (const topic of topics) {
    lines.push(`• ${fmt.bold(topic.section)}`, `  ${fmt.italic(`${t.topicsExample}${colon}`)}${fmt.text(topic.sampleQuestion)}`);
  }
  return lines.join('\n');
}

/** The documents, their publishers and periods. */
export function renderSource(documents: readonly DocumentInfo[], factCount: number, lang: Lang, format: TextFormat = 'html'): string {
  const fmt = formatFor(format);
  const t = texts[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [fmt.bold(t.sourceHeading)];
  for (const doc of documents) {
    lines.push(
      fmt.bold(`《${doc.title}》`),
      fmt.text(`${t.publisher}${colon}${doc.publisher ?? t.unknown}`),
      fmt.text(`${t.period}${colon}${doc.period ?? t.unknown}`),
      fmt.text(`${t.file}${colon}${doc.file}`),
    );
  }
  lines.push(fmt.text(t.factCount(factCount)));
  return lines.join('\n');
}
