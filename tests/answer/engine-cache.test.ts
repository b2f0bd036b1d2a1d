// The persisted engine cache (src/answer/engine-cache.ts): a warm start answers every golden question exactly as a
// cold build does; a changed document is the only one read again (the others come from the snapshot before); a
// corrupt, stale or unwritable cache is ignored with a warning and the engine built anyway.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngineFromDir, ENGINE_CACHE_VERSION, type BuiltEngine } from '../../src/answer/build-engine.js';
import { openEngineCache } from '../../src/answer/engine-cache.js';
import type { Engine } from '../../src/answer/engine-types.js';
import { createResponder } from '../../src/app/respond.js';
import { canonical, PIN_SETS, pinQuestions, type PinCorpus } from '../helpers/golden-pins.js';

const SEED = new URL('../../corpus/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/documents/', import.meta.url).pathname;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `factbot-cache-${name}-`));
  made.push(dir);
  return dir;
}

/** A corpus folder of its own for a golden set's corpus (the seed corpus copied whole, or one fixture alone). */
function corpusFolder(corpus: PinCorpus): string {
  const dir = tempDir('corpus');
  if ('seed' in corpus) cpSync(SEED, dir, { recursive: true });
  else cpSync(join(FIXTURES, corpus.fixture), join(dir, corpus.fixture));
  return dir;
}

/** Everything an answer says (hits, scores, citations, checked candidates), to compare two engines by. */
function answerJson(engine: Engine, question: string): string {
  return JSON.stringify(engine.ask(question));
}

describe('a warm start answers as a cold build', () => {
  const corpora = new Map<string, { cold: Engine; warm: BuiltEngine; first: BuiltEngine }>();
  const engines = async (corpus: PinCorpus) => {
    const name = 'seed' in corpus ? 'seed' : corpus.fixture;
    let entry = corpora.get(name);
    if (!entry) {
      const dir = corpusFolder(corpus);
      const cache = tempDir('store');
      const cold = (await buildEngineFromDir(dir)).engine;
      const first = await buildEngineFromDir(dir, { engineCache: cache });
      const warm = await buildEngineFromDir(dir, { engineCache: cache });
      entry = { cold, first, warm };
      corpora.set(name, entry);
    }
    return entry;
  };

  it.each(PIN_SETS.map((s) => [s.name, s] as const))(
    '%s: every question, the same answer',
    async (_name, set) => {
      const { cold, first, warm } = await engines(set.corpus);
      expect(first.report.analysed.length).toBe(first.report.documents);
      expect(first.report.searchIndex).toBe('built');
      expect(warm.report).toMatchObject({ fromCache: warm.report.documents, analysed: [], searchIndex: 'imported' });
      expect(warm.warnings).toEqual([]);
      expect(warm.engine.facts).toEqual(cold.facts);
      const coldResponder = createResponder(cold);
      const warmResponder = createResponder(warm.engine);
      const questions = pinQuestions(set);
      expect(questions.length).toBeGreaterThan(0);
      for (const q of questions) {
        expect(canonical(q.answer(warm.engine, warmResponder)), `${set.name} ${q.id} ${q.text}`).toBe(
          canonical(q.answer(cold, coldResponder)),
        );
        const asked = q.text.split(' → ')[0]!;
        expect(answerJson(warm.engine, asked), `${set.name} ${q.id}`).toBe(answerJson(cold, asked));
      }
    },
    120_000,
  );
});

describe('a changed document', () => {
  it('is the only one read again; the others come from the cache', async () => {
    const dir = tempDir('corpus');
    const cache = tempDir('store');
    cpSync(join(SEED, 'hunnan-2019.txt'), join(dir, 'hunnan-2019.txt'));
    for (const f of ['luoyang-2023-tongjigongbao.txt', 'qiandongnan-2016-tongjigongbao.txt', 'beijing-2024-zhengfu-gongzuo-baogao.txt'])
      cpSync(join(FIXTURES, f), join(dir, f));
    const first = await buildEngineFromDir(dir, { engineCache: cache });
    expect(first.report).toMatchObject({ documents: 4, fromCache: 0, searchIndex: 'built' });

    appendFileSync(join(dir, 'luoyang-2023-tongjigongbao.txt'), '\n全市共有观鸟站17个。\n');
    const second = await buildEngineFromDir(dir, { engineCache: cache });
    expect(second.report).toMatchObject({ documents: 4, fromCache: 3, analysed: ['luoyang-2023-tongjigongbao'], searchIndex: 'built' });
    expect(second.warnings).toEqual([]);
    const answer = second.engine.ask('洛阳市有多少个观鸟站？');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found') expect(answer.hits[0]!.keyFigure?.raw).toBe('17个');
    // The same corpus built from scratch answers the same.
    const cold = (await buildEngineFromDir(dir)).engine;
    expect(second.engine.facts).toEqual(cold.facts);
    for (const q of ['洛阳市有多少个观鸟站？', '浑南区有多少家国家高新技术企业？', '浑南区面积多大？'])
      expect(answerJson(second.engine, q)).toBe(answerJson(cold, q));

    const third = await buildEngineFromDir(dir, { engineCache: cache });
    expect(third.report).toMatchObject({ fromCache: 4, analysed: [], searchIndex: 'imported' });
  }, 60_000);

  it('removed or added, leaves the others cached', async () => {
    const dir = tempDir('corpus');
    const cache = tempDir('store');
    cpSync(join(SEED, 'hunnan-2019.txt'), join(dir, 'hunnan-2019.txt'));
    cpSync(join(FIXTURES, 'luoyang-2023-tongjigongbao.txt'), join(dir, 'luoyang-2023-tongjigongbao.txt'));
    await buildEngineFromDir(dir, { engineCache: cache });
    rmSync(join(dir, 'luoyang-2023-tongjigongbao.txt'));
    writeFileSync(join(dir, 'new.txt'), '新文档\n某县共有观鸟站17个。\n');
    const next = await buildEngineFromDir(dir, { engineCache: cache });
    expect(next.report).toMatchObject({ documents: 2, fromCache: 1, analysed: ['new'] });
    expect(next.engine.documents.map((d) => d.id)).toEqual(['hunnan-2019', 'new']);
  }, 60_000);
});

describe('an unusable cache', () => {
  const setUp = async () => {
    const dir = tempDir('corpus');
    const cache = tempDir('store');
    cpSync(join(SEED, 'hunnan-2019.txt'), join(dir, 'hunnan-2019.txt'));
    cpSync(join(FIXTURES, 'luoyang-2023-tongjigongbao.txt'), join(dir, 'luoyang-2023-tongjigongbao.txt'));
    const cold = await buildEngineFromDir(dir, { engineCache: cache });
    const snapshot = join(
      cache,
      readdirSync(cache).find((f) => f.startsWith('corpus-') && f.endsWith('.bin'))!,
    );
    return { dir, cache, cold: cold.engine, snapshot };
  };
  type Segment = { part: string; bytes: number; key?: string };
  /** A snapshot file's header and segments (see engine-cache.ts: segments, then the header, then its length). */
  const parts = (bytes: Buffer) => {
    const headerLength = bytes.readUInt32LE(bytes.length - 4);
    const bodyLength = bytes.length - 4 - headerLength;
    const header = JSON.parse(bytes.subarray(bodyLength, bodyLength + headerLength).toString('utf8')) as Record<string, unknown> & {
      segments: Segment[];
    };
    let at = 0;
    const segments = header.segments.map((s) => bytes.subarray(at, (at += s.bytes)));
    return { header, segments, body: bytes.subarray(0, bodyLength) };
  };
  /** The file made again from (changed) header fields and segments, with right lengths and checksum. */
  const assemble = (header: Record<string, unknown> & { segments: Segment[] }, segments: Buffer[]) => {
    const body = Buffer.concat(segments);
    const json = Buffer.from(
      JSON.stringify({
        ...header,
        segments: header.segments.map((s, i) => ({ ...s, bytes: segments[i]!.length })),
        checksum: `crc32:${crc32(body).toString(16)}`,
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    return Buffer.concat([body, json, length]);
  };

  it('a truncated, altered, foreign or stale snapshot is ignored with a warning, the engine built again, and rewritten', async () => {
    const { dir, cache, cold, snapshot } = await setUp();
    const good = readFileSync(snapshot);
    const { header, segments, body } = parts(good);
    expect(header.segments[0]!.part).toBe('analyses');
    const flipped = Buffer.from(good);
    flipped[100] = flipped[100]! ^ 0xff;
    // A fact whose text is not the document's, in a snapshot whose checksum is right.
    const analyses = deserialize(segments[0]!) as { facts: { text: string }[] }[];
    analyses[1]!.facts[0]!.text = '篡改过的句子';
    const tampered = assemble(header, [serialize(analyses), ...segments.slice(1)]);
    // The header and its length intact, the segments before them short of ten bytes.
    const short = Buffer.concat([body.subarray(10), good.subarray(body.length)]);
    const cases: [string, Buffer, RegExp][] = [
      ['cut short', good.subarray(0, good.length - 1000), /is corrupt \((truncated|no header)\)/],
      ['segments short', short, /is corrupt \(truncated\)/],
      ['one byte changed', flipped, /is corrupt \(checksum\)/],
      ['not a snapshot', Buffer.from('garbage, not a snapshot at all'), /is corrupt/],
      ['another version', assemble({ ...header, version: ENGINE_CACHE_VERSION + 1 }, segments), /is from another engine version/],
      ['other documents', assemble({ ...header, documents: ['hunnan-2019', 'other'] }, segments), /does not match the documents/],
      [
        'a segment missing',
        assemble({ ...header, segments: header.segments.slice(0, -1) }, segments.slice(0, -1)),
        /is corrupt \(incomplete payload\)/,
      ],
      ['a fact not in its document', tampered, /does not match the documents/],
    ];
    for (const [what, bytes, warning] of cases) {
      writeFileSync(snapshot, bytes);
      const built = await buildEngineFromDir(dir, { engineCache: cache });
      expect(built.warnings, what).toEqual([expect.stringMatching(new RegExp(`^engine cache: corpus snapshot ${warning.source}`))]);
      expect(built.report, what).toMatchObject({
        fromCache: 0,
        analysed: ['hunnan-2019', 'luoyang-2023-tongjigongbao'],
        searchIndex: 'built',
      });
      expect(built.engine.facts, what).toEqual(cold.facts);
      expect(answerJson(built.engine, '浑南区面积多大？'), what).toBe(answerJson(cold, '浑南区面积多大？'));
      // Written again: the next start imports it quietly.
      const again = await buildEngineFromDir(dir, { engineCache: cache });
      expect(again.warnings, what).toEqual([]);
      expect(again.report, what).toMatchObject({ fromCache: 2, searchIndex: 'imported' });
    }
  }, 120_000);

  it('a corrupt earlier snapshot, when a document changed, is ignored with a warning and every document read again', async () => {
    const { dir, cache, cold, snapshot } = await setUp();
    writeFileSync(snapshot, readFileSync(snapshot).subarray(0, 5000));
    appendFileSync(join(dir, 'luoyang-2023-tongjigongbao.txt'), '\n全市共有观鸟站17个。\n');
    const built = await buildEngineFromDir(dir, { engineCache: cache });
    expect(built.warnings).toEqual([expect.stringMatching(/^engine cache: earlier corpus snapshot is corrupt/)]);
    expect(built.report).toMatchObject({ fromCache: 0, analysed: ['hunnan-2019', 'luoyang-2023-tongjigongbao'] });
    expect(answerJson(built.engine, '浑南区面积多大？')).toBe(answerJson(cold, '浑南区面积多大？'));
  }, 60_000);

  it('leaves no more than three snapshots, and removes the files of earlier cache versions', async () => {
    const { dir, cache } = await setUp();
    writeFileSync(join(cache, 'doc-0123.json'), '{}');
    writeFileSync(join(cache, 'index-0123.json'), '{}');
    for (let i = 0; i < 4; i++) {
      appendFileSync(join(dir, 'luoyang-2023-tongjigongbao.txt'), `\n全市共有观鸟站${i + 10}个。\n`);
      const built = await buildEngineFromDir(dir, { engineCache: cache });
      expect(built.report).toMatchObject({ fromCache: 1, analysed: ['luoyang-2023-tongjigongbao'] });
    }
    const files = readdirSync(cache);
    expect(files.filter((f) => f.startsWith('corpus-'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.json'))).toEqual([]);
  }, 60_000);

  it('a cache folder that cannot be written leaves the build without it, with one warning', async () => {
    const dir = tempDir('corpus');
    cpSync(join(SEED, 'hunnan-2019.txt'), join(dir, 'hunnan-2019.txt'));
    const blocked = join(tempDir('store'), 'file');
    writeFileSync(blocked, 'not a folder');
    const built = await buildEngineFromDir(dir, { engineCache: join(blocked, 'cache') });
    expect(built.warnings).toEqual([expect.stringMatching(/^engine cache: .* cannot be written/)]);
    expect(built.engine.ask('浑南区面积多大？').kind).toBe('found');
  }, 60_000);

  it('a snapshot begun and then abandoned (a build that failed) leaves nothing behind; one finished reads back', () => {
    const store = tempDir('store');
    const cache = openEngineCache(store, []);
    cache.beginSnapshot('abandoned', [], [], []).abort();
    expect(readdirSync(store)).toEqual([]);
    const empty = { keys: [], offsets: new Uint32Array(1), data: new Uint32Array() };
    cache.beginSnapshot('empty', [], [], []).finish({ dump: [['reg', '{}']], postings: { terms: empty, bigrams: empty } });
    expect(readdirSync(store)).toEqual(['corpus-empty.bin']);
    expect(cache.readSnapshot('empty', [], [])).toEqual({
      analyses: [],
      dump: [['reg', '{}']],
      postings: { terms: empty, bigrams: empty },
    });
    expect(cache.warnings).toEqual([]);
  });
});
