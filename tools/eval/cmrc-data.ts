// The CMRC 2018 (SQuAD-style) file: its schema, and its passages as corpus documents.
import { z } from 'zod';
import type { CorpusDocument } from '../../src/corpus/document.js';

const CmrcAnswerSchema = z.object({
  text: z.string(),
  answer_start: z.number().int().optional(),
});

const CmrcQuestionSchema = z.object({
  id: z.string().optional(),
  /** May be empty: the trial set has two empty questions; they are asked anyway and count as misses. */
  question: z.string(),
  answers: z.array(CmrcAnswerSchema).min(1),
});

const CmrcParagraphSchema = z.object({
  id: z.string().optional(),
  context: z.string().min(1),
  qas: z.array(CmrcQuestionSchema),
});

/** `data[].paragraphs[].context` with `qas[].question` and `qas[].answers[].text`, as in SQuAD. */
export const CmrcFileSchema = z.object({
  version: z.string().optional(),
  data: z
    .array(
      z.object({
        id: z.string().optional(),
        title: z.string().optional(),
        paragraphs: z.array(CmrcParagraphSchema).min(1),
      }),
    )
    .min(1),
});
export type CmrcFile = z.infer<typeof CmrcFileSchema>;

/** One question with the passage it was asked about. */
export interface CmrcQuestion {
  id: string;
  question: string;
  /** Gold answers, trimmed, empty ones dropped (the trial set has a few with stray spaces). */
  answers: string[];
  /** Id of the passage's document, as in {@link cmrcDocuments}. */
  docId: string;
}

/** Validates parsed JSON; throws a ZodError naming the offending path. */
export function parseCmrc(json: unknown): CmrcFile {
  return CmrcFileSchema.parse(json);
}

interface Passage {
  docId: string;
  title: string;
  context: string;
  qas: CmrcFile['data'][number]['paragraphs'][number]['qas'];
}

const TITLE_CHARS = 20;

function passagesOf(data: CmrcFile): Passage[] {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  data.data.forEach((article, a) => {
    article.paragraphs.forEach((paragraph, p) => {
      let docId = `cmrc-${paragraph.id ?? `${article.id ?? a}-${p}`}`;
      if (seen.has(docId)) docId = `${docId}-${a}-${p}`;
      seen.add(docId);
      const title = article.title?.trim() || paragraph.context.slice(0, TITLE_CHARS);
      passages.push({ docId, title, context: paragraph.context, qas: paragraph.qas });
    });
  });
  return passages;
}

/** Every passage as one document: id `cmrc-<paragraph id>`, title the article title (or the first 20 characters). */
export function cmrcDocuments(data: CmrcFile): CorpusDocument[] {
  return passagesOf(data).map(({ docId, title, context }) => ({
    id: docId,
    title,
    publisher: null,
    period: null,
    file: `${docId}.txt`,
    text: context,
  }));
}

/** Every question, in file order, with its passage's document id. */
export function cmrcQuestions(data: CmrcFile): CmrcQuestion[] {
  return passagesOf(data).flatMap(({ docId, qas }) =>
    qas.map((qa, q) => ({
      id: qa.id ?? `${docId}-q${q}`,
      question: qa.question,
      answers: qa.answers.map((answer) => answer.text.trim()).filter((text) => text.length > 0),
      docId,
    })),
  );
}
