/**
 * The file format of a corpus's vocabulary tables (synonyms.json, glossary-en.json): how people ask
 * versus how the documents say it. Read by corpus/load.ts; compiled by question/synonyms.ts.
 */
import { z } from 'zod';

export const SynonymFileSchema = z.array(
  z.object({
    /** Regular expression (source) matched against the Simplified question. */
    cue: z.string().min(1),
    /** Space-separated document terms the cue stands for. */
    terms: z.string().min(1),
  }),
);
export type SynonymEntry = z.infer<typeof SynonymFileSchema>[number];

/** subjects-en.json: the corpus's subjects and measures in English (智能制造 → intelligent manufacturing). */
export const SubjectNamesFileSchema = z.record(z.string().min(1), z.string().min(1));
