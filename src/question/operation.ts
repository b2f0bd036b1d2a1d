/**
 * Tells a question that needs several figures from one that needs one: sums ("A和B一共多少"),
 * the largest or smallest ("三大主导产业中哪个计划投资最多"), differences ("A比B多多少") and
 * shares or multiples ("A占B的比例", "A是B的几倍"). Pure: reads only the question; the
 * document is consulted later, by computeAnswer.
 */
import { normalizeQuestion } from '../text/index.js';
import type { QuestionContext } from './frame.js';
import type { ComputeRequest } from './operation-types.js';
import { detectEnglishComputation } from './operation-en.js';
import { detectChineseComputation } from './operation-zh.js';

/** What the corpus tells the computation reader: the document-phrase check, the English glossary, the places. */
export type DetectOptions = QuestionContext;

/** A phrase checker over fact texts, for DetectOptions.isDocumentPhrase. */
export function documentPhrases(facts: readonly { text: string }[]): (phrase: string, ...alongside: string[]) => boolean {
  return (phrase, ...alongside) =>
    phrase.length + alongside.join('').length >= 4 &&
    facts.some((f) => f.text.includes(phrase) && alongside.every((w) => f.text.includes(w)));
}

/** The computation a question asks for, or null when one figure (or none) answers it. */
export function detectComputation(question: string, options: DetectOptions = {}): ComputeRequest | null {
  return detectComputationIn(question, normalizeQuestion(question).text, options);
}

/** The same, over the question's normalised text (the question frame reads it once). */
export function detectComputationIn(question: string, text: string, options: DetectOptions = {}): ComputeRequest | null {
  const q = text
    .replace(/[\s？?。！!…]+$/u, '')
    .replace(/^(?:请问|我想知道|想知道|想问一下|问一下|那么|那)[，,]?/, '')
    .replace(/\s+/g, '');
  if (!q) return null;
  if (!/[\u3400-\u9FFF]/.test(q)) return detectEnglishComputation(question, text, options.glossaryEn ?? [], options.places);
  return detectChineseComputation({
    question,
    q,
    isPhrase: options.isDocumentPhrase ?? (() => false),
    places: options.places ?? new Set(),
  });
}
