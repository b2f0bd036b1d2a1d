/**
 * English follow-ups ("what about new energy vehicles?", "and the investment?"). The corpus's
 * English glossary tells which words of the previous question name the subject and which the
 * measure, so the right part is swapped.
 */
import { glossaryTerms, PLACES } from '../../question/index.js';
import { METRIC_WORDS } from '../../question/index.js';
import type { Synonym } from '../../question/index.js';

const EN_FOLLOW_UP = [
  /^(?:and |so |ok,? |okay,? )?(?:what|how) about (.+)$/i,
  /^(?:and |so )?(?:the )?same (?:for|about) (.+)$/i,
  /^(?:and |so )?what of (.+)$/i,
  /^and (.+)$/i,
];
/** Longest English follow-up body, in words. */
const MAX_BODY_WORDS = 6;
const EN_QUESTION_WORDS = /\b(?:how many|how much|what is|what are|which|when|where|who|is there|are there|does|do)\b/i;
const METRICS: ReadonlySet<string> = new Set<string>([...METRIC_WORDS, '在建']);

/** The fragment of an English follow-up ("new energy vehicles"), or null for a full question. */
export function englishBody(question: string): string | null {
  const q = question
    .trim()
    .replace(/[?？.!]+$/, '')
    .trim();
  for (const re of EN_FOLLOW_UP) {
    const m = re.exec(q);
    if (!m) continue;
    const body = m[1]!.replace(/^(?:the|for|in|of|on|with)\s+/i, '').trim();
    if (!body || body.split(/\s+/).length > MAX_BODY_WORDS || EN_QUESTION_WORDS.test(body)) return null;
    return body;
  }
  return null;
}

/** The document's Chinese terms for an English text, in order, without place names. */
export function toChineseTerms(text: string, glossary: readonly Synonym[]): string[] {
  return glossaryTerms(text, glossary)
    .map((s) => s.zh)
    .filter((zh) => !PLACES.has(zh));
}

function isMetricBody(body: string, glossary: readonly Synonym[]): boolean {
  const terms = toChineseTerms(body, glossary);
  return (
    terms.length > 0 &&
    terms.every((t) => METRICS.has(t)) &&
    /\b(investment|invest\w*|capital|projects?|population|area|size|growth|share|proportion)\b/i.test(body)
  );
}

const MODIFIERS = /\b(?:national(?:-level)?|newly|new|local|total|registered)\s+$/i;

/** A question about a measure, worded so the engine can tell what kind of figure it asks for. */
function askAbout(measure: string, about: string): string {
  if (/invest|capital|fund|money|spend/i.test(measure)) return `How much is the ${measure} in ${about}?`;
  if (/\barea\b|\bsize\b/i.test(measure)) return `How big is the ${measure} of ${about}?`;
  if (/projects?/i.test(measure)) return `How many ${measure} are there in ${about}?`;
  if (/growth|share|proportion/i.test(measure)) return `What is the ${measure} percentage of ${about}?`;
  return `What is the ${measure} of ${about}?`;
}

/** The previous English question asked about the follow-up's subject or measure, or null. */
export function resolveEnglish(prev: string, body: string, glossary: readonly Synonym[]): string | null {
  const p = prev.trim().replace(/[?？.!]+$/, '');
  const found = glossaryTerms(p, glossary);
  const subjects = found.filter((s) => !METRICS.has(s.zh) && !PLACES.has(s.zh));
  const places = found.filter((s) => PLACES.has(s.zh));
  if (isMetricBody(body, glossary)) {
    // "and the investment?": the previous subjects, the new measure.
    const about = subjects.length
      ? subjects.map((s) => p.slice(s.start, s.end)).join(' and ')
      : places[0]
        ? p.slice(places[0].start, places[0].end)
        : 'Hunnan';
    return askAbout(body, about);
  }
  // "national high-tech enterprises": the modifier goes with the subject it modifies.
  for (const s of subjects) {
    const modifier = MODIFIERS.exec(p.slice(0, s.start));
    if (modifier) s.start -= modifier[0].length;
  }
  const target = subjects.length ? subjects : places;
  if (target.length === 0) return `${p} — ${body}?`;
  // Swap the first subject phrase for the new one and drop the others.
  let out = p;
  for (const s of [...target].reverse()) out = out.slice(0, s.start) + (s === target[0] ? body : '') + out.slice(s.end);
  return `${out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+and\s*$/i, '')
    .trim()}?`;
}
