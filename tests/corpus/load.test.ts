// Corpus loading: every way a corpus folder can be wrong is reported with the file and what is wrong;
// a bad file is skipped when others are fine; no usable document at all is an error.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import { CorpusError, loadCorpus } from '../../src/corpus/load.js';

const GOOD = '浑南区概况\n\u3000\u3000浑南区常住人口69万人，区域总面积803平方公里。国家高新技术企业412家。\n';
const base = mkdtempSync(join(tmpdir(), 'factbot-corpus-'));
let dir: string;
let n = 0;

beforeEach(() => {
  dir = join(base, `case-${n++}`);
  mkdirSync(dir);
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function loadError(folder: string, options = {}): Promise<CorpusError> {
  try {
    await loadCorpus(folder, options);
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return err as CorpusError;
  }
  throw new Error('expected loadCorpus to fail');
}

describe('loadCorpus', () => {
  it('reports a missing folder by name', async () => {
    const missing = join(base, 'no-such-folder');
    const err = await loadError(missing);
    expect(err.message).toBe(`corpus folder not found: ${missing}`);
  });

  it('reports a path that is a file, not a folder', async () => {
    const file = write('doc.txt', GOOD);
    expect((await loadError(file)).message).toContain('corpus path is not a folder');
  });

  it('reports an empty folder as having no usable document', async () => {
    const err = await loadError(dir);
    expect(err.message).toBe(`no usable document (.txt .md .docx .pdf .html .htm .xhtml) in corpus folder ${dir} (the folder is empty)`);
  });

  it('names every bad file when none is usable', async () => {
    write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    write('blank.md', ' \n\u3000\n');
    const err = await loadError(dir);
    expect(err.message).toContain('binary.txt: named .txt but not a text file (it is a PNG image), skipped');
    expect(err.message).toContain('blank.md: empty, skipped');
  });

  it('reads a text file in GBK (a common Chinese download), not only UTF-8', async () => {
    write('gbk.txt', Buffer.from([0xd5, 0xe3, 0xbd, 0xad, 0xca, 0xa1])); // "浙江省" in GBK
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => [d.file, d.text, d.format])).toEqual([['gbk.txt', '浙江省', 'text']]);
  });

  it('skips a binary or non-UTF-8 document with a warning when another is fine', async () => {
    write('a-good.txt', GOOD);
    write('b-binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    write('c-latin1.md', Buffer.from('caf\xe9 cr\xe8me', 'latin1'));
    write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['a-good.txt']);
    expect(corpus.warnings).toEqual([
      'b-binary.txt: binary data (odd-length UTF-16), not text, skipped',
      'c-latin1.md: not text in a known encoding (UTF-8, UTF-16, GB18030/GBK, Big5), skipped',
      'picture.png: not a document this bot reads (.txt .md .docx .pdf .html .htm .xhtml), ignored',
    ]);
  });

  it('skips a file over the size limit, naming its size and the limit', async () => {
    write('a-good.txt', GOOD);
    write('b-big.txt', '浑南区常住人口69万人。'.repeat(200));
    const corpus = await loadCorpus(dir, { maxFileBytes: 2000 });
    expect(corpus.documents.map((d) => d.file)).toEqual(['a-good.txt']);
    expect(corpus.warnings).toEqual([expect.stringMatching(/^b-big\.txt: \d+ bytes, over the limit of 2000 \(CORPUS_MAX_FILE_BYTES\), skipped$/)]);
  });

  it('skips an enormous file under the default limit of 5 MiB without reading it', async () => {
    write('a-good.txt', GOOD);
    const huge = write('huge.txt', '');
    truncateSync(huge, 6 * 1024 * 1024 + 1); // sparse: costs no disk
    const started = Date.now();
    const corpus = await loadCorpus(dir);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(corpus.warnings).toEqual(['huge.txt: 6291457 bytes, over the limit of 5242880 (CORPUS_MAX_FILE_BYTES), skipped']);
  });

  it('refuses a symbolic link out of the corpus folder, naming where it points', async () => {
    const outside = join(base, `outside-${n}.txt`);
    writeFileSync(outside, GOOD);
    write('a-good.txt', GOOD);
    symlinkSync(outside, join(dir, 'b-escape.txt'));
    symlinkSync(join(base, 'nowhere.txt'), join(dir, 'c-broken.txt'));
    symlinkSync(join(dir, 'a-good.txt'), join(dir, 'd-inside.txt'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['a-good.txt', 'd-inside.txt']);
    expect(corpus.warnings).toEqual([
      `b-escape.txt: symbolic link out of the corpus folder (to ${outside}), skipped`,
      'c-broken.txt: broken symbolic link, skipped',
    ]);
  });

  it('does not follow a metadata or synonyms file that links out of the folder', async () => {
    const outside = join(base, `outside-meta-${n}.json`);
    writeFileSync(outside, JSON.stringify({ title: 'Stolen title' }));
    write('doc.txt', GOOD);
    symlinkSync(outside, join(dir, 'doc.meta.json'));
    symlinkSync(outside, join(dir, 'synonyms.json'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents[0]!.title).toBe('浑南区概况');
    expect(corpus.warnings).toEqual([
      expect.stringMatching(/^doc\.meta\.json: symbolic link out of the corpus folder .*, ignored$/),
      expect.stringMatching(/^synonyms\.json: symbolic link out of the corpus folder .*, ignored$/),
    ]);
  });

  it('reports a folder where a document should be, and an unreadable file', async () => {
    write('a-good.txt', GOOD);
    mkdirSync(join(dir, 'b-folder.txt'));
    mkdirSync(join(dir, 'sub'));
    const locked = write('c-locked.txt', GOOD);
    chmodSync(locked, 0o000);
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toContain('a-good.txt');
    expect(corpus.warnings).toContain('b-folder.txt: not a regular file, skipped');
    expect(corpus.warnings).toContain('sub: a folder (documents must sit directly in the corpus folder), ignored');
    // root can read anything; everyone else gets a clear "permission denied"
    if (process.getuid?.() !== 0) expect(corpus.warnings).toContain('c-locked.txt: cannot be read (permission denied), skipped');
  });

  it('skips a binary user dictionary rather than handing it to the segmenter', async () => {
    write('doc.txt', GOOD);
    write('words.dict', Buffer.from([0x00, 0x01, 0xff]));
    const corpus = await loadCorpus(dir);
    expect(corpus.userDictionary.length).toBe(0);
    expect(corpus.warnings).toEqual(['words.dict: not UTF-8 text (binary or another encoding), skipped']);
  });

  it('passes maxFileBytes through buildEngineFromDir', async () => {
    write('a-good.txt', GOOD);
    write('b-big.txt', GOOD.repeat(50));
    const { engine, warnings } = await buildEngineFromDir(dir, { maxFileBytes: GOOD.length * 3 });
    expect(engine.documents.map((d) => d.file)).toEqual(['a-good.txt']);
    expect(warnings[0]).toMatch(/^b-big\.txt: .* over the limit/);
  });
});
