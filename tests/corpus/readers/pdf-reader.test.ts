import { describe, expect, it } from 'vitest';
import { isPageNumber, layoutPdf, type PdfPage, type PdfTextRun } from '../../../src/corpus/readers/pdf-layout.js';
import { pdfReader } from '../../../src/corpus/readers/pdf-reader.js';
import { ReaderError } from '../../../src/corpus/readers/reader.js';
import { blankPdf, cidFontPdf, cjkDigits, fixture, LIMITS, readerErrorOf, referenceText, similarity } from './helpers.js';

const PAGE_NUMBER_LINE = /^\s*([-—–]\s*)?\d{1,3}(\s*[-—–])?\s*$|^第\s*\d+\s*页/;

describe('pdf reader: 周口 2023 statistical bulletin (13 pages, tables)', async () => {
  const bytes = fixture('zhoukou-2023-tongjigongbao.pdf');
  const started = performance.now();
  const doc = await pdfReader.read(bytes, LIMITS);
  const ms = performance.now() - started;
  const lines = doc.text.split('\n');

  it('reads within the time limit, Chinese decoded (not mojibake), CJK joined without spaces', () => {
    expect(pdfReader.sniff(bytes)).toBe(true);
    expect(ms).toBeLessThan(LIMITS.timeoutMs);
    expect(lines[0]).toBe('# 2023年周口市国民经济和社会发展统计公报');
    expect(doc.text).toContain('年末全市常住人口866.60万人。其中，城镇人口392.66万人，乡村人口473.94万人；常住人口城镇化率45.31%，比上年提高1.01个百分点。');
    expect(doc.text).toContain('截至2023年末，全市现有市场主体88.55万户，增长7.6%。');
    expect(doc.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff0-9]|[0-9] [\u4e00-\u9fff]/);
    expect(doc.text).not.toContain('\ufffd');
    expect(doc.date).toBe('2024-04-29');
  });

  it('records 13 page starts, in order, page 2 starting at its first paragraph', () => {
    expect(doc.pages).toHaveLength(13);
    expect(doc.pages![0]).toBe(0);
    for (let i = 1; i < 13; i++) expect(doc.pages![i]!).toBeGreaterThan(doc.pages![i - 1]!);
    expect(doc.text.slice(doc.pages![1], doc.pages![1]! + 18)).toBe('全年全市实现新增城镇就业7.52万人');
  });

  it('drops the page numbers ("- 1 -" … "- 13 -")', () => {
    expect(lines.filter((l) => PAGE_NUMBER_LINE.test(l))).toEqual([]);
    expect(doc.text).not.toMatch(/- \d+ -/);
  });

  it('keeps space-aligned table rows as TAB rows, padded to the columns, the title on the line before', () => {
    const title = lines.indexOf('表1 2023年末周口市常住人口数及其构成');
    expect(title).toBeGreaterThan(0);
    expect(lines.slice(title + 1, title + 4)).toEqual(['指标\t年末数（万人）\t比重（%）', '全市常住人口\t866.60\t', '其中：城镇\t392.66\t45.31']);
    expect(lines).toContain('其中：0-15岁（含不满16周岁）\t212.60\t24.53');
    expect(lines).toContain('钢材\t吨\t1577693\t48.8');
    expect(lines.filter((l) => l.includes('\t')).length).toBeGreaterThanOrEqual(80); // measured: 88
  });
});

describe('pdf reader: 北京 2024 government work report (13 pages, prose)', async () => {
  const doc = await pdfReader.read(fixture('beijing-2024-zhengfu-gongzuo-baogao.pdf'), LIMITS);
  const reference = referenceText('beijing-2024-zhengfu-gongzuo-baogao.txt');

  it('has the text of the reference: CJK+digit sequence ≥ 97% similar', () => {
    // Measured: 0.9995; the only difference is the title line the reference text adds.
    expect(similarity(cjkDigits(doc.text), cjkDigits(reference))).toBeGreaterThanOrEqual(0.97);
  });

  it('rebuilds paragraphs: known paragraphs are whole lines', () => {
    const lines = doc.text.split('\n');
    expect(lines).toContain('现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。');
    expect(lines).toContain('一、2023年工作回顾');
    const referenceLines = reference.split('\n').filter((l) => l.length > 30);
    const whole = referenceLines.filter((l) => lines.includes(l)).length;
    expect(whole / referenceLines.length).toBeGreaterThanOrEqual(0.8);
  });

  it('records the pages, has no page-number lines', () => {
    expect(doc.pages).toHaveLength(13);
    expect(doc.text.split('\n').filter((l) => PAGE_NUMBER_LINE.test(l))).toEqual([]);
  });
});

describe('pdf reader: fonts and bad files', () => {
  it('decodes a non-embedded CID font (STSong-Light, UniGB-UCS2-H) with the packed CMaps', async () => {
    const doc = await pdfReader.read(cidFontPdf(['北京市2024年地区生产总值增长5.2%。', '周口市常住人口866.60万人。']), LIMITS);
    expect(doc.text).toContain('北京市2024年地区生产总值增长5.2%。');
    expect(doc.text).toContain('周口市常住人口866.60万人。');
  });

  it('reads a PDF encrypted with an owner password only (no password needed to open)', async () => {
    const doc = await pdfReader.read(fixture('synthetic-encrypted-owner-only.pdf'), LIMITS);
    expect(doc.text).toContain('周口市常住人口866.60万人。');
  });

  const refuse = async (bytes: Uint8Array, reason: RegExp): Promise<void> => {
    const started = performance.now();
    const err = await readerErrorOf(pdfReader.read(bytes, LIMITS));
    expect(err).toBeInstanceOf(ReaderError);
    expect(err.message).toMatch(reason);
    expect(performance.now() - started).toBeLessThan(LIMITS.timeoutMs);
  };

  it('refuses a PDF that needs a password: "encrypted PDF"', async () => {
    await refuse(fixture('synthetic-encrypted-user-password.pdf'), /^encrypted PDF$/);
  });

  it('refuses a PDF without text (a blank page): "no text layer"', async () => {
    await refuse(blankPdf(), /no text layer/);
  });

  it('refuses a truncated PDF and a PNG named .pdf', async () => {
    const bytes = fixture('zhoukou-2023-tongjigongbao.pdf');
    await refuse(bytes.subarray(0, 3000), /corrupt PDF|no text layer/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(pdfReader.sniff(png)).toBe(false);
    await refuse(png, /not a PDF/);
  });

  it('gives up at the time limit', async () => {
    const err = await readerErrorOf(pdfReader.read(fixture('zhoukou-2023-tongjigongbao.pdf'), { ...LIMITS, timeoutMs: 50 }));
    expect(err).toBeInstanceOf(ReaderError);
    expect(err.message).toMatch(/took longer than 50 ms/);
  });
});

/**
 * A made-up page: lines of [text, x, y(top-down), size], split into runs at "|" ("@300" moves the pen to
 * x=300, a column); a line ending in ">" is justified to the right margin at x=510, as typeset text is.
 */
function page(lines: [string, number, number, number?][]): PdfPage {
  const runs: PdfTextRun[] = [];
  for (const [raw, x0, y, size = 12] of lines) {
    const justify = raw.endsWith('>');
    const text = justify ? raw.slice(0, -1) : raw;
    const lineRuns: PdfTextRun[] = [];
    let x = x0;
    for (const piece of text.split('|')) {
      if (piece.startsWith('@')) {
        x = Number(piece.slice(1));
        continue;
      }
      const width = [...piece].length * size * (/^[\x20-\x7e]+$/.test(piece) ? 0.5 : 1);
      lineRuns.push({ str: piece, x, y, width, size });
      x += width;
    }
    if (justify) {
      const scale = (510 - x0) / (x - x0);
      for (const r of lineRuns) {
        r.x = x0 + (r.x - x0) * scale;
        r.width *= scale;
      }
    }
    runs.push(...lineRuns);
  }
  return { width: 595, height: 842, runs };
}

describe('pdf layout (made-up pages)', () => {
  const WORDS = ['农业', '工业', '投资', '消费'];
  const body = (n: number): [string, number, number, number?][] => [
    ['某市统计局 2023年统计公报', 200, 40, 9],
    ...(n > 1 ? ([[`续${n}，这一行接着上一页的段落。`, 90, 112]] as [string, number, number][]) : []),
    [`${WORDS[n - 1]}部分开始，全市地区生产总值|2023| 年增长|5.2%|，其中第一产业增加值增长>`, 114, 130],
    [`2.0%，第二产业增加值增长6.${n}%。`, 90, 148],
    [`这是${WORDS[n - 1]}的一个新段落，它很长很长很长很长很长很长很长很长很长很长很长很长很长>`, 114, 180],
    [`而且一直持续到页面的底部没有结束，还有很多很多很多很多很多很多很多很多${WORDS[n - 1]}>`, 90, 198],
    [n % 2 ? `- ${n} -` : `第${n}页`, 280, 800, 9],
  ];

  it('drops running headers and page numbers, joins a paragraph across lines and pages, joins CJK without spaces', () => {
    const pages = [1, 2, 3, 4].map((n) => page(body(n)));
    const layout = layoutPdf(pages);
    expect(layout.text).not.toContain('某市统计局');
    expect(layout.text).not.toMatch(/- \d -|第\d页/);
    const lines = layout.text.split('\n');
    expect(lines[0]).toBe('农业部分开始，全市地区生产总值2023年增长5.2%，其中第一产业增加值增长2.0%，第二产业增加值增长6.1%。');
    // The paragraph at the bottom of page 1 continues on page 2 (whose first line is not indented).
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^这是农业的一个新段落，.*结束，还有很多.*农业续2，这一行接着上一页的段落。$/);
    expect(lines[2]).toMatch(/^工业部分开始/);
    expect(layout.pages).toHaveLength(4);
    expect(layout.text.slice(layout.pages[1], layout.pages[1]! + 5)).toBe('续2，这一');
    expect(layout.pages[1]).toBeGreaterThan(layout.text.indexOf('\n'));
  });

  it('writes columns separated by big gaps as TAB rows, padded to the columns', () => {
    const layout = layoutPdf([
      page([
        ['表1 主要指标', 250, 100],
        ['指标|@300|总量|@420|增长', 100, 130],
        ['地区生产总值|@300|939.05|@420|13.3', 100, 150],
        ['其中：工业|@420|12.9', 110, 170],
        ['一段正文，说明上表的数据来源和统计口径，内容很长很长很长很长很长很长很长。', 100, 200],
      ]),
    ]);
    expect(layout.text.split('\n')).toEqual([
      '表1主要指标',
      '指标\t总量\t增长',
      '地区生产总值\t939.05\t13.3',
      '其中：工业\t\t12.9',
      '一段正文，说明上表的数据来源和统计口径，内容很长很长很长很长很长很长很长。',
    ]);
  });

  it('separates two figures in close columns, but not "表 1  2023年" in a title', () => {
    const layout = layoutPdf([
      page([
        ['表 |1|@216|2023| 年主要指标', 183, 100],
        ['财务费用|@267|-|19,572,506.45|@362|-|17,828,357.07', 96, 130, 11],
        ['销售费用|@267|274,950,664.27|@362|218,344,972.36', 96, 150, 11],
      ]),
    ]);
    expect(layout.text.split('\n')).toEqual(['表1 2023年主要指标', '财务费用\t-19,572,506.45\t-17,828,357.07', '销售费用\t274,950,664.27\t218,344,972.36']);
  });

  it('continues a numbered item in a hanging indent', () => {
    const layout = layoutPdf([
      page([
        ['一、本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，>', 90, 100],
        ['不存在虚假记载、误导性陈述或重大遗漏。', 108, 120],
        ['二、公司全体董事出席董事会会议。', 90, 150],
      ]),
    ]);
    expect(layout.text.split('\n')).toEqual([
      '一、本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏。',
      '二、公司全体董事出席董事会会议。',
    ]);
  });

  it('splits a table set with little padding where the rows leave a gutter, left- or right-aligned, across a page break', () => {
    // A web page's table printed to PDF: cells a font size apart; the unit column is right-aligned.
    const first = page([
      ['表4主要林业产品产量', 100, 700],
      ['@206|单位|@240|产量|@300|比上年增长（%）', 100, 720],
      ['木材采伐|@182|万立方米|@240|135.23|@300|28.2', 100, 740],
    ]);
    const second = page([
      ['生漆|@218|吨|@240|150|@300|-91.6', 100, 100],
      ['油桐籽|@218|吨|@240|5311|@300|23.1', 100, 120],
      ['这一段正文说明上表，全州林业产品产量总体增长，木材采伐量增长最快，增长很快。', 100, 150],
    ]);
    expect(layoutPdf([first, second]).text.split('\n')).toEqual([
      '表4主要林业产品产量',
      '\t单位\t产量\t比上年增长（%）',
      '木材采伐\t万立方米\t135.23\t28.2',
      '生漆\t吨\t150\t-91.6',
      '油桐籽\t吨\t5311\t23.1',
      '这一段正文说明上表，全州林业产品产量总体增长，木材采伐量增长最快，增长很快。',
    ]);
  });

  it('keeps a name spaced to fill its cell, a list marker and a heading whole, and a lone header cell over its column', () => {
    const layout = layoutPdf([
      page([
        ['@300|比上年上涨（%）', 100, 100],
        ['鲜|@136|菜|@300|91.9', 100, 120],
        ['畜|@136|肉|@300|92.8', 100, 140],
        ['二、农|@136|业', 100, 160],
        ['八、|@136|是否存在违反规定决策程序对外提供担保的情况', 100, 190],
        ['九、|@136|是否存在半数以上董事无法保证年度报告的真实性、准确性和完整性，请投资者特别关注>', 100, 210],
      ]),
    ]);
    expect(layout.text.split('\n')).toEqual([
      '\t比上年上涨（%）',
      '鲜菜\t91.9',
      '畜肉\t92.8',
      '二、农业',
      '八、是否存在违反规定决策程序对外提供担保的情况',
      '九、是否存在半数以上董事无法保证年度报告的真实性、准确性和完整性，请投资者特别关注',
    ]);
  });

  it('goes on with a paragraph whose line stopped short because the figure after it did not fit', () => {
    const layout = layoutPdf([
      page([
        ['分轻重工业看，轻工业增加值增长百分之十四，占规模以上工业的比重有所提高，>', 100, 100],
        ['全部规模以上工业中，国有企业增加值增长较快，其中重工业增加值增长', 100, 120],
        ['12.8%，占规模以上工业增加值的比重为76.5%。', 100, 140],
        ['新的段落从这里开始。', 124, 170],
      ]),
    ]);
    const lines = layout.text.split('\n');
    expect(lines[0]).toMatch(/重工业增加值增长12\.8%，占/);
    expect(lines[1]).toBe('新的段落从这里开始。');
  });

  it('knows page-number forms', () => {
    for (const s of ['3', '- 3 -', '— 12 —', '第3页', '第 3 页 共 13 页', '3/13', 'Page 3', 'iv']) expect(isPageNumber(s)).toBe(true);
    for (const s of ['2023年', '表3', '三、工业', '866.60万人']) expect(isPageNumber(s)).toBe(false);
  });
});
