/**
 * Pinned golden answers: for every question of every golden set (tests/golden/**.jsonl), what the
 * engine answers today, pinned in tests/golden/pinned/<set>.json. tests/golden/pinned.test.ts
 * checks each question against its pin; tools/golden-pin.ts (npm run golden:update) rewrites them.
 * See GOLDEN-PINS.md.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer } from '../../src/answer/answer.js';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { ComputedAnswer } from '../../src/app/compute/computed-answer.js';
import { createContextStore } from '../../src/app/context/context-store.js';
import { createResponder, type Reply, type Responder } from '../../src/app/respond.js';
import { computeMatches, ComputeGoldenSchema, containsAll, FollowUpGoldenSchema, readJsonl, replyText } from '../app/compute/pipeline.js';
import { seedEngine } from './engine.js';
import { GoldenSchema, isHit } from './golden.js';

export const GOLDEN_DIR = new URL('../golden/', import.meta.url).pathname;
export const PINNED_DIR = new URL('../golden/pinned/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/documents/', import.meta.url).pathname;

/** The corpus a set is asked of: the seed corpus (corpus/) as it is, or one fixture document alone in a folder. */
export type PinCorpus = { seed: true } | { fixture: string };

/**
 * How a set's questions are put and scored:
 * - ask: engine.ask(q); hit = isHit (every `expect` string in the top fact; expect null: not found);
 * - compute: respond(q); hit = computeMatches (operation, number, winner, operands of the golden line);
 * - follow-up: respond(first) then respond(then) in one conversation; hit = every `expect` string in the reply's text;
 * - respond: respond(q); hit = every `expect` string in the reply's text (expect null: nothing answered).
 * The reply's text is the top fact's text, or for a computation its result and every operand's fact text.
 */
export type PinMode = 'ask' | 'compute' | 'follow-up' | 'respond';

export interface PinSet {
  /** The golden file's path under tests/golden without .jsonl; the pin is tests/golden/pinned/<name>.json. */
  name: string;
  corpus: PinCorpus;
  mode: PinMode;
}

const seed: PinCorpus = { seed: true };

export const PIN_SETS: readonly PinSet[] = [
  { name: 'seed-dev', corpus: seed, mode: 'ask' },
  { name: 'hunnan-zh', corpus: seed, mode: 'ask' },
  { name: 'hunnan-hant', corpus: seed, mode: 'ask' },
  { name: 'hunnan-en', corpus: seed, mode: 'ask' },
  { name: 'hunnan-compute', corpus: seed, mode: 'compute' },
  { name: 'hunnan-followup', corpus: seed, mode: 'follow-up' },
  { name: 'near-miss/hunnan', corpus: seed, mode: 'respond' },
  { name: 'near-miss/luoyang', corpus: { fixture: 'luoyang-2023-tongjigongbao.txt' }, mode: 'respond' },
  { name: 'near-miss/beijing', corpus: { fixture: 'beijing-2024-zhengfu-gongzuo-baogao.txt' }, mode: 'respond' },
  { name: 'documents/qiandongnan-2016', corpus: { fixture: 'qiandongnan-2016-tongjigongbao.txt' }, mode: 'respond' },
  { name: 'documents/zhoukou-2023', corpus: { fixture: 'zhoukou-2023-tongjigongbao.pdf' }, mode: 'respond' },
  { name: 'documents/deqing-2016', corpus: { fixture: 'zjfgw-deqing-fixed-asset-investment-2016.html' }, mode: 'respond' },
  { name: 'paraphrase/hunnan', corpus: seed, mode: 'respond' },
  { name: 'paraphrase/qiandongnan', corpus: { fixture: 'qiandongnan-2016-tongjigongbao.txt' }, mode: 'respond' },
];

/** Every golden file the pins must cover: tests/golden/*.jsonl, near-miss/*.jsonl, documents/*.jsonl. */
export function goldenFiles(): string[] {
  const files: string[] = [];
  for (const folder of ['', 'near-miss/', 'documents/', 'paraphrase/']) {
    for (const f of readdirSync(join(GOLDEN_DIR, folder))) if (f.endsWith('.jsonl')) files.push(`${folder}${f.slice(0, -'.jsonl'.length)}`);
  }
  return files.sort();
}

/** What a question gets today. Answers and computations pin different things; every pin has `kind` and `hit`. */
export type Pin = AnswerPin | ComputedPin;

export interface AnswerPin {
  kind: 'found' | 'not-found' | 'invalid';
  found: boolean;
  /** The top answer's fact id (`docId:paragraph.sentence.clause`), or null. */
  fact: string | null;
  /** The top answer's key figure as written ("412家"), or null. */
  keyFigure: string | null;
  hit: boolean;
  /** Follow-ups: the question as answered (the rewrite when context was used) and whether context was used. */
  question?: string;
  usedContext?: boolean;
}

export interface ComputedPin {
  kind: 'computed';
  /** A result was computed. */
  found: boolean;
  operation: string;
  /** The computed value (scaled out like figure values; percent points for a share), or null. */
  result: number | null;
  /** The operands in the answer's order: each figure as written and the fact it comes from. */
  operands: { raw: string; fact: string }[];
  /** The subjects the document gives no figure for. */
  missing: string[];
  hit: boolean;
  question?: string;
  usedContext?: boolean;
}

/** The pinned file: question id → pin. */
export type PinFile = Record<string, Pin>;

function answered(reply: Reply): boolean {
  return reply.kind === 'found' || (reply.kind === 'computed' && reply.result !== null);
}

function replyHit(expect: readonly string[] | null, reply: Reply): boolean {
  return expect === null ? !answered(reply) : containsAll(replyText(reply), expect);
}

function outcome(reply: Answer | ComputedAnswer, hit: boolean): Pin {
  if (reply.kind === 'computed') {
    return {
      kind: 'computed',
      found: reply.result !== null,
      operation: reply.operation,
      result: reply.result?.value ?? null,
      operands: reply.operands.map((o) => ({ raw: o.figure.raw, fact: o.hit.fact.id })),
      missing: [...reply.missing],
      hit,
    };
  }
  const top = reply.kind === 'found' ? reply.hits[0] : undefined;
  return { kind: reply.kind, found: reply.kind === 'found', fact: top?.fact.id ?? null, keyFigure: top?.keyFigure?.raw ?? null, hit };
}

/** One question of a set, ready to be answered against the set's engine. */
export interface PinQuestion {
  id: string;
  /** The question as asked (a follow-up pair: "first → then"), for test names and messages. */
  text: string;
  answer(engine: Engine, responder: Responder): Pin;
}

/** The questions of a set, in file order. */
export function pinQuestions(set: PinSet): PinQuestion[] {
  const file = `${set.name}.jsonl`;
  switch (set.mode) {
    case 'ask':
      return readJsonl(file, GoldenSchema).map((g) => ({
        id: g.id,
        text: g.q,
        answer: (engine) => {
          const a = engine.ask(g.q);
          return outcome(a, isHit(g, a));
        },
      }));
    case 'respond':
      return readJsonl(file, GoldenSchema).map((g) => ({
        id: g.id,
        text: g.q,
        answer: (_engine, responder) => {
          const { reply } = responder.respond(g.q);
          return outcome(reply, replyHit(g.expect, reply));
        },
      }));
    case 'compute':
      return readJsonl(file, ComputeGoldenSchema).map((g) => ({
        id: g.id,
        text: g.q,
        answer: (_engine, responder) => {
          const { reply } = responder.respond(g.q);
          return outcome(reply, reply.kind === 'computed' && computeMatches(g, reply));
        },
      }));
    case 'follow-up':
      return readJsonl(file, FollowUpGoldenSchema).map((g) => ({
        id: g.id,
        text: `${g.first} → ${g.then}`,
        answer: (_engine, responder) => {
          const conversation = { store: createContextStore(), chatId: 1, userId: 1 };
          responder.respond(g.first, { conversation });
          const r = responder.respond(g.then, { conversation });
          return { ...outcome(r.reply, containsAll(replyText(r.reply), g.expect)), question: r.question, usedContext: r.usedContext };
        },
      }));
  }
}

/** The engine a set is asked of; a fixture is copied alone into a temporary folder (removed once built). */
export async function engineFor(corpus: PinCorpus): Promise<Engine> {
  if ('seed' in corpus) return seedEngine();
  const dir = mkdtempSync(join(tmpdir(), 'factbot-golden-'));
  try {
    cpSync(join(FIXTURES, corpus.fixture), join(dir, corpus.fixture));
    return (await buildEngineFromDir(dir)).engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every question of a set answered by its engine: id → pin, in file order. */
export async function answerSet(set: PinSet): Promise<PinFile> {
  const engine = await engineFor(set.corpus);
  const responder = createResponder(engine);
  const pins: PinFile = {};
  for (const q of pinQuestions(set)) pins[q.id] = q.answer(engine, responder);
  return pins;
}

export function pinPath(set: PinSet): string {
  return join(PINNED_DIR, `${set.name}.json`);
}

/** The pin file on disk, or null when there is none. */
export function readPins(set: PinSet): PinFile | null {
  const path = pinPath(set);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PinFile) : null;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** One pin as compared and written: keys sorted, undefined fields left out. */
export const canonical = (pin: Pin | undefined): string | undefined => (pin === undefined ? undefined : JSON.stringify(sortKeys(pin)));

/** The pin file's text: ids sorted, one question a line (keys sorted), so a diff shows exactly the questions that moved. */
export function formatPins(pins: PinFile): string {
  const ids = Object.keys(pins).sort();
  const lines = ids.map((id, i) => `  ${JSON.stringify(id)}: ${canonical(pins[id])}${i < ids.length - 1 ? ',' : ''}`);
  return `{\n${lines.join('\n')}\n}\n`;
}

export const hitCount = (pins: PinFile): number => Object.values(pins).filter((p) => p.hit).length;
