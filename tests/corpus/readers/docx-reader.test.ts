import { describe, expect, it } from 'vitest';
import { docxReader, unpackBudget } from '../../../src/corpus/readers/docx-reader.js';
import { ReaderError } from '../../../src/corpus/readers/reader.js';
import { cjkDigits, deflateBomb, docxWith, documentXml, fixture, LIMITS, para, readerErrorOf, referenceText, similarity } from './helpers.js';

const QIANDONGNAN = 'qiandongnan-2016-tongjigongbao.docx';

describe('docx reader: the 黔东南 2016 bulletin', async () => {
  const bytes = fixture(QIANDONGNAN);
  const started = performance.now();
  const doc = await docxReader.read(bytes, LIMITS);
  const ms = performance.now() - started;
  const reference = referenceText('qiandongnan-2016-tongjigongbao.txt');
  const lines = doc.text.split('\n');

  it('is sniffed as a zip and read within the time limit', () => {
    expect(docxReader.sniff(bytes)).toBe(true);
    expect(ms).toBeLessThan(LIMITS.timeoutMs);
  });

  it('keeps the document text: CJK+digit sequence ≥ 98% equal to the reference text', () => {
    const sim = similarity(cjkDigits(doc.text), cjkDigits(reference));
    expect(sim).toBeGreaterThanOrEqual(0.98); // measured: 1.0 (identical sequences)
  });

  it('has known sentences verbatim, one paragraph per line', () => {
    expect(lines).toContain(
      '初步核算，全年地区生产总值939.05亿元，比上年增长13.3%，增速位居全省第一。分产业看，第一产业增加值184.11亿元，比上年增长6.1%；第二产业增加值261.36亿元，比上年增长12.9%；第三产业增加值493.58亿元，比上年增长16.3%。第一、二、三次产业增加值占全州生产总值的比重为19.6%、27.8%和52.6%。在三次产业中，第一、二、三次产业对经济增长的贡献率分别为8.9%、27.7%和63.4%。全州人均地区生产总值26858元，比上年增长12.9%，按1月3日汇率折算约合3868美元。',
    );
    expect(lines).toContain('一、综合');
    expect(doc.date).toBe('2017-03-16');
  });

  it('writes its 11 tables as TAB rows: every TAB row of the reference text, titles on the line before', () => {
    const referenceRows = reference.split('\n').filter((l) => l.includes('\t'));
    expect(referenceRows.length).toBe(152);
    const ours = lines.filter((l) => l.includes('\t'));
    const missing = referenceRows.filter((row) => !lines.includes(row));
    expect(missing).toEqual([]);
    expect(ours.length).toBe(152);
    // 11 tables: 11 runs of TAB rows, each with its title (表N …) on the line before, or two before
    // where a unit line (单位：台) sits between.
    const firsts = lines.map((_, i) => i).filter((i) => lines[i]!.includes('\t') && !lines[i - 1]?.includes('\t'));
    expect(firsts.length).toBe(11);
    for (const i of firsts) expect([lines[i - 1], lines[i - 2]].some((l) => /^表\s*\d+/.test(l ?? ''))).toBe(true);
    expect(lines).toContain('表2 财政收支情况');
    expect(lines[lines.indexOf('表2 财政收支情况') + 1]).toBe('\t绝对数（亿元）\t比上年增长（%）');
    expect(lines).toContain('一般公共预算支出\t376.82\t5.2 4.6');
  });

  it('ignores images: no image file names or URLs in the text', () => {
    expect(doc.text).not.toMatch(/\.png|https?:/);
  });
});

describe('docx reader: structure from Word styles, merged cells', () => {
  it('writes Heading styles as "# " lines and pads merged cells so columns line up', async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>`;
    const cell = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const table =
      '<w:tbl>' +
      `<w:tr>${cell('指标')}${cell('2023年', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('地区', '<w:vMerge w:val="restart"/>')}${cell('总量')}${cell('增长')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('939.05')}${cell('13.3')}</w:tr>` +
      '</w:tbl>';
    const body = para('一、综合', '1') + para('全年地区生产总值939.05亿元。') + para('（一）农业', '2') + para('表1 主要指标') + table;
    const bytes = docxWith({ data: Buffer.from(documentXml(body)) }, [
      { name: 'word/styles.xml', data: Buffer.from(styles) },
      {
        name: 'docProps/core.xml',
        data: Buffer.from('<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>测试 &amp; 标题</dc:title></cp:coreProperties>'),
      },
    ]);
    const doc = await docxReader.read(bytes, LIMITS);
    expect(doc.text.split('\n')).toEqual([
      '# 一、综合',
      '全年地区生产总值939.05亿元。',
      '## （一）农业',
      '表1 主要指标',
      '指标\t2023年\t',
      '地区\t总量\t增长',
      '\t939.05\t13.3',
    ]);
    expect(doc.title).toBe('测试 & 标题');
  });
});

describe('docx reader: bad files are refused with a ReaderError, fast', () => {
  const refuse = async (bytes: Uint8Array, reason: RegExp, limits = LIMITS): Promise<number> => {
    const started = performance.now();
    const err = await readerErrorOf(docxReader.read(bytes, limits));
    expect(err).toBeInstanceOf(ReaderError);
    expect(err.message).toMatch(reason);
    return performance.now() - started;
  };

  it('a truncated .docx', async () => {
    const bytes = fixture(QIANDONGNAN);
    await refuse(bytes.subarray(0, Math.floor(bytes.length / 2)), /corrupt zip/);
  });

  it('a .docx whose document part is garbage', async () => {
    const bytes = fixture(QIANDONGNAN).slice();
    // Overwrite the middle of the archive (word/document.xml's compressed data) with noise.
    for (let i = 200_000; i < 260_000; i++) bytes[i] = (i * 7919) & 0xff;
    await refuse(bytes, /corrupt/);
  });

  it('a zip that is not a Word document', async () => {
    const { makeZip } = await import('./helpers.js');
    await refuse(makeZip([{ name: 'hello.txt', data: Buffer.from('你好') }]), /not a Word document/);
  });

  it('a legacy .doc / encrypted document (OLE2) named .docx', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(docxReader.sniff(ole)).toBe(false);
    await refuse(ole, /legacy Word|encrypted/);
  });

  it('a zip bomb that declares its size (1 GiB from a 1 MB file): refused before inflating', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    const bomb = docxWith({ data: new Uint8Array(0), deflated: deflateBomb(chunk, 1024), declaredSize: 1024 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const ms = await refuse(bomb, /zip bomb/);
    expect(ms).toBeLessThan(1000);
  });

  it('a zip bomb that lies about its size: inflation stops at the budget, memory stays bounded', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    const bomb = docxWith({ data: new Uint8Array(0), deflated: deflateBomb(chunk, 1024), declaredSize: 2000 });
    const before = process.memoryUsage().rss;
    const ms = await refuse(bomb, /zip bomb|corrupt zip/);
    const grown = process.memoryUsage().rss - before;
    expect(ms).toBeLessThan(3000);
    // 1 GiB would have been inflated without the guard; the budget is at most 64 MiB.
    expect(unpackBudget(LIMITS)).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(grown).toBeLessThan(400 * 1024 * 1024);
  });

  it('gives up at the time limit', async () => {
    await refuse(fixture(QIANDONGNAN), /took longer than 1 ms/, { ...LIMITS, timeoutMs: 1 });
  });
});
