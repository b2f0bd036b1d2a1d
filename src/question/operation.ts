/**
 * Tells a question that needs several figures from one that needs one: sums ("A和B一共多少"),
 * the largest or smallest ("三大主导产业中哪个计划投资最多"), differences ("A比B多多少") and
 * shares or multiples ("A占B的比例", "A是B的几倍"). Pure: reads only the question; the
 * document is consulted later, by computeAnswer.
 */
import { normalizeQuestion } from '../text/index.js';
import type { Synonym } from './synonyms.js';
import type { ComputeRequest } from './operation-types.js';
import { detectEnglishComputation } from './operation-en.js';
import { detectChineseComputation } from './operation-zh.js';

export interface DetectOptions {
  /**
   * Whether a phrase occurs in the document, so that a name joined with 与 ("生物医药与健康医疗")
   * is kept whole rather than split into two subjects. Default: never (与 always separates).
   * `documentPhrases(engine.facts)` builds one.
   */
  isDocumentPhrase?: (phrase: string) => boolean;
  /**
   * The corpus's English glossary (corpus/glossary-en.json, compiled with compileSynonyms): how an
   * English question's subjects and measures reach the document's terms. Default: none, so
   * English questions are never computations.
   */
  glossaryEn?: readonly Synonym[];
}

/** A phrase checker over fact texts, for DetectOptions.isDocumentPhrase. */
export function documentPhrases(facts: readonly { text: string }[]): (phrase: string) => boolean {
  return (phrase) => phrase.length >= 4 && facts.some((f) => f.text.includes(phrase));
}

/** The computation a question asks for, or null when one figure (or none) answers it. */
export function detectComputation(question: string, options: DetectOptions = {}): ComputeRequest | null {
  const { text } = normalizeQuestion(question);
  const q = text
    .replace(/[\s？?。！!…]+$/u, '')
    .replace(/^(?:请问|我想知道|想知道|想问一下|问一下|那么|那)[，,]?/, '')
    .replace(/\s+/g, '');
  if (!q) return null;
  if (!/[\u3400-\u9FFF]/.test(q)) return detectEnglishComputation(question, text, options.glossaryEn ?? []);
  return detectChineseComputation({ question, q, isPhrase: options.isDocumentPhrase ?? (() => false) });
}
