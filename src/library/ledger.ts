// The documents ledger: who added each document from Telegram and when, and the last changes (added,
// replaced, removed), in a small JSON file inside the corpus folder (a hidden name, so it is never read as a
// document). Validated with zod when read; a missing file is an empty ledger, a broken one is set aside with a
// warning (the corpus itself does not depend on it). Written through a temporary name, then renamed.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const LEDGER_FILE = '.factbot-documents.json';
/** Changes kept in the ledger's history (the log has them all). */
export const LEDGER_HISTORY = 500;

const PersonSchema = z.object({ id: z.number().int(), name: z.string().max(200) });
export type Person = z.infer<typeof PersonSchema>;

const EntrySchema = z.object({
  title: z.string(),
  facts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string(),
  addedBy: PersonSchema,
});
export type LedgerEntry = z.infer<typeof EntrySchema>;

const ChangeSchema = z.object({
  at: z.string(),
  action: z.enum(['add', 'replace', 'remove']),
  file: z.string(),
  title: z.string(),
  by: PersonSchema,
});
export type LedgerChange = z.infer<typeof ChangeSchema>;

export const LedgerSchema = z.object({
  version: z.literal(1),
  /** By file name in the corpus folder. */
  documents: z.record(z.string(), EntrySchema),
  history: z.array(ChangeSchema),
});
export type Ledger = z.infer<typeof LedgerSchema>;

export const emptyLedger = (): Ledger => ({ version: 1, documents: {}, history: [] });

/** Reads the ledger of a corpus folder; `warn` hears why an unusable one was set aside. */
export async function readLedger(dir: string, warn: (why: string) => void): Promise<Ledger> {
  let raw: string;
  try {
    raw = await readFile(join(dir, LEDGER_FILE), 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') warn(`cannot be read (${(err as Error).message}), starting a new one`);
    return emptyLedger();
  }
  try {
    return LedgerSchema.parse(JSON.parse(raw));
  } catch (err) {
    warn(`invalid (${(err as Error).message.split('\n')[0]}), starting a new one`);
    return emptyLedger();
  }
}

export async function writeLedger(dir: string, ledger: Ledger): Promise<void> {
  const trimmed: Ledger = { ...ledger, history: ledger.history.slice(-LEDGER_HISTORY) };
  const temp = join(dir, `.factbot-ledger-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(LedgerSchema.parse(trimmed), null, 1)}\n`, 'utf8');
    await rename(temp, join(dir, LEDGER_FILE));
  } finally {
    await rm(temp, { force: true });
  }
}
