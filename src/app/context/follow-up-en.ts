/**
 * English follow-ups ("what about new energy vehicles?", "and the investment?"). The corpus's
 * English glossary tells which words of the previous question name the subject and which the
 * measure, so the right part is swapped.
 */
import { glossaryTerms, isPlaceTerm, METRIC_WORDS, type Synonym } from '../../question/index.js';

const METRICS: ReadonlySet<string> = new Set<string>([...METRIC_WORDS, '在建']);

/** The document's Chinese terms for an English text, in order, without place names. */
export function toChineseTerms(text: string, glossary: readonly Synonym[], places?: ReadonlySet<string>): string[] {
  return glossaryTerms(text, glossary)
    .map((s) => s.zh)
    .filter((zh) => !isPlaceTerm(zh, places));
}

function isMetricBody(body: string, glossary: readonly Synonym[], places?: ReadonlySet<string>): boolean {
  const terms = toChineseTerms(body, glossary, places);
  return (
    terms.length > 0 &&
    terms.every((t) => METRICS.has(t)) &&
    /\b(investment|invest\w*|capital|projects?|population|area|size|growth|share|proportion)\b/i.test(body)
  );
}

const MODIFIERS = /\b(?:national(?:-level)?|newly|new|local|total|registered)\s+$/i;

/** A question about a measure, worded so the engine can tell what kind of figure it asks for. */
function askAbout(measure: string, about: string | null): string {
  const inAbout = about === null ? '' : ` in ${about}`;
  const ofAbout = about === null ? '' : ` of ${about}`;
  if (/invest|capital|fund|money|spend/i.test(measure)) return `How much is the ${measure}${inAbout}?`;
  if (/\barea\b|\bsize\b/i.test(measure)) return `How big is the ${measure}${ofAbout}?`;
  if (/projects?/i.test(measure)) return `How many ${measure} are there${inAbout}?`;
  if (/growth|share|proportion/i.test(measure)) return `What is the ${measure} percentage${ofAbout}?`;
  return `What is the ${measure}${ofAbout}?`;
}

/** The previous English question asked about the follow-up's subject or measure, or null. */
export function resolveEnglish(
  prev: string,
  body: string,
  glossary: readonly Synonym[],
  corpusPlaces?: ReadonlySet<string>,
): string | null {
  const p = prev.trim().replace(/[?？.!]+$/, '');
  const found = glossaryTerms(p, glossary);
  const subjects = found.filter((s) => !METRICS.has(s.zh) && !isPlaceTerm(s.zh, corpusPlaces));
  const places = found.filter((s) => isPlaceTerm(s.zh, corpusPlaces));
  if (isMetricBody(body, glossary, corpusPlaces)) {
    // "and the investment?": the previous subjects, the new measure.
    const about = subjects.length
      ? subjects.map((s) => p.slice(s.start, s.end)).join(' and ')
      : places[0]
        ? p.slice(places[0].start, places[0].end)
        : null;
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
