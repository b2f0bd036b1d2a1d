// End to end: documents added and removed from Telegram by an admin, against the fake Bot API on 127.0.0.1:
// a .docx made here is uploaded, shown, added, and answered with a citation into it; a non-admin, a corrupt
// file and an oversized one are refused with a clear message while the old engine answers on; /remove takes
// a document out and its facts stop being answered.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FILE, LedgerSchema } from '../../src/library/ledger.js';
import { FIGURE_COLUMNS } from '../../src/present/facts-csv.js';
import { STAGING_FOLDER } from '../../src/library/documents.js';
import type { SentMessage } from '../../tools/fake-bot-api.js';
import { qingshanDocx, sendFile, startLibraryBot, type LibraryBot } from './library-harness.js';
import { alice, bob, buttonsOf, pressButton, privateChat, say } from './updates.js';

const QUESTION = '青山县规模以上工业企业有多少家？';
const HUNNAN = '浑南区有多少家国家高新技术企业？';
/** Uploads of at most this size are accepted here (the Bot API's own limit is 20 MB). */
const MAX_BYTES = 64 * 1024;

let b: LibraryBot;
beforeAll(async () => {
  b = await startLibraryBot({ admins: [alice.id], maxBytes: MAX_BYTES });
});
afterAll(async () => {
  await b?.stop();
});

/** Sends a file from `from` and returns the bot's replies: the immediate ones and, for an admin, the outcome. */
async function upload(
  from = alice,
  bytes: Uint8Array = qingshanDocx(),
  name = '青山县统计公报.docx',
  options: { declaredSize?: number | null } = {},
) {
  const before = b.api.botMessages(from.id).length;
  const update = sendFile(b.api, from, bytes, name, options);
  await b.api.processed(update.update_id);
  const immediate = b.api.botMessages(from.id).slice(before);
  if (immediate.length === 1 && /正在读取|Reading/.test(immediate[0]!.plain)) {
    await b.messageAfter(from.id, before + 1, 'the outcome of the upload');
    return b.api.botMessages(from.id).slice(before);
  }
  return immediate;
}

/** Presses a button and returns the message the bot sends about it (after any work it runs on). */
async function press(message: SentMessage, text: string, from = alice) {
  const button = buttonsOf(message).find((x) => x.text === text);
  expect(button, `button ${text}`).toBeDefined();
  const before = b.api.botMessages(from.id).length;
  const update = pressButton(b.api, from, message, button!.data!);
  await b.api.processed(update.update_id);
  return b.messageAfter(from.id, before, `the answer to ${text}`);
}

function answers(replies: SentMessage[]): string {
  return replies.map((r) => r.plain).join('\n');
}

describe('documents from Telegram', () => {
  it('refuses a file from someone who is not an admin, politely, without downloading it', async () => {
    const replies = await upload(bob);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.plain).toBe('Sorry, only the bot’s admins can add documents. Please send your question as text.');
    expect(b.api.sent('getFile')).toHaveLength(0);
    expect(b.holder.current().version).toBe(1);
  });

  it('shows the document commands in the menu of each admin’s private chat only, in both languages', () => {
    const calls = b.api.calls.filter((c) => c.method === 'setMyCommands' && c.status === 200);
    const menu = (scope: unknown, language: string | undefined) =>
      calls
        .find((c) => JSON.stringify(c.payload.scope) === JSON.stringify(scope) && c.payload.language_code === language)
        ?.payload.commands.map((x: { command: string }) => x.command);
    for (const language of [undefined, 'en']) {
      expect(menu(undefined, language)).toEqual(['ask', 'topics', 'source', 'help', 'start']);
      expect(menu({ type: 'chat', chat_id: alice.id }, language)).toEqual([
        'ask',
        'topics',
        'source',
        'help',
        'start',
        'documents',
        'remove',
        'export',
      ]);
    }
    expect(calls.some((c) => c.payload.scope?.chat_id === bob.id)).toBe(false);
  });

  it('refuses the admin commands to someone who is not an admin', async () => {
    for (const command of ['/documents', '/remove', '/export']) {
      const [reply] = await b.ask(bob, command);
      expect(reply!.plain).toBe('This command is for the bot’s admins only.');
    }
  });

  it('refuses a corrupt file with a clear message, and the old engine answers on', async () => {
    const [reading, refusal] = await upload(alice, Buffer.from('PK\u0003\u0004 this zip is cut short'), '损坏.docx');
    expect(reading!.plain).toBe('正在读取“损坏.docx”……');
    expect(refusal!.plain).toMatch(/^无法读取这个文件：.+。文档库没有改变。$/);
    const [, plain] = await upload(alice, Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), '报告.pdf');
    expect(plain!.plain).toMatch(
      /^不能使用这个文件：named \.pdf but not a PDF \(it is a PNG image\)。可以发送 \.txt \.md \.docx \.pdf \.html.* 文件。$/,
    );
    expect(b.holder.current().version).toBe(1);
    expect(answers(await b.ask(alice, HUNNAN))).toContain('412家');
    expect(readdirSync(b.dir).filter((n) => n.includes('损坏') || n.includes('报告'))).toEqual([]);
  });

  it('refuses an oversized file: by its declared size without a download, and past the limit while downloading', async () => {
    const big = Buffer.alloc(MAX_BYTES + 1, 'a');
    const downloadsBefore = b.api.downloads.length;
    const [refused] = await upload(alice, big, 'big.txt', { declaredSize: 25 * 1024 * 1024 });
    expect(refused!.plain).toBe('文件太大（25.0 MB），上限是 64 KB。文档库没有改变。');
    expect(b.api.downloads.length).toBe(downloadsBefore);
    // No size declared: the download itself stops at the limit.
    const [, cut] = await upload(alice, big, 'big.txt', { declaredSize: null });
    expect(cut!.plain).toMatch(/^文件太大（\d+ KB），上限是 64 KB。文档库没有改变。$/);
    expect(b.holder.current().version).toBe(1);
    expect(answers(await b.ask(alice, HUNNAN))).toContain('412家');
  });

  it('shows what a .docx holds, and after Add answers a question about it with a citation into it', async () => {
    expect(answers(await b.ask(alice, QUESTION))).toContain('文档中没有找到');
    const builds = b.builds();
    const [reading, preview] = await upload();
    expect(reading!.plain).toBe('正在读取“青山县统计公报.docx”……');
    const text = preview!.plain;
    expect(text).toContain('已读取《青山县2023年国民经济和社会发展统计公报》');
    expect(text).toMatch(/文件：青山县统计公报\.docx（docx，\d+ KB）/);
    expect(text).toContain('章节：3 个（一、综合、二、工业、三、农业）');
    expect(text).toMatch(/数据：\d+ 条句子，\d+ 个数字，1 个表格/);
    // Three sample questions, each with the figure the new engine answers it with.
    const samples = text.split('\n').filter((line) => line.startsWith('• ') && line.includes(' → '));
    expect(samples).toHaveLength(3);
    for (const line of samples) expect(preview!.bold).toContain(line.split(' → ')[1]);
    expect(buttonsOf(preview!).map((x) => x.text)).toEqual(['添加', '放弃']);
    // Not in service before Add.
    expect(answers(await b.ask(alice, QUESTION))).toContain('文档中没有找到');
    expect(b.holder.current().version).toBe(1);

    const added = await press(preview!, '添加');
    expect(added.plain).toBe(
      '已添加《青山县2023年国民经济和社会发展统计公报》（' +
        added.plain.match(/（(\d+) 条数据）/)![1] +
        ' 条数据）。现在共有 2 个文档，可以直接提问。',
    );
    const [answer] = await b.ask(alice, QUESTION);
    expect(answer!.bold).toContain('128家');
    expect(answer!.plain).toMatch(/出处：《青山县2023年国民经济和社会发展统计公报》 · 二、工业 · 第\d+段第1句/);
    // The old documents answer as before.
    expect(answers(await b.ask(alice, HUNNAN))).toContain('412家');
    // In the folder under its own name, no temporary file left, one build for the preview and none more.
    expect(existsSync(join(b.dir, '青山县统计公报.docx'))).toBe(true);
    expect(readdirSync(b.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(b.dir, STAGING_FOLDER))).toEqual([]);
    expect(b.builds()).toBe(builds + 1);
    // Who added what and when: in the ledger and in the log.
    const ledger = LedgerSchema.parse(JSON.parse(readFileSync(join(b.dir, LEDGER_FILE), 'utf8')));
    expect(ledger.documents['青山县统计公报.docx']).toMatchObject({
      title: '青山县2023年国民经济和社会发展统计公报',
      addedBy: { id: alice.id, name: 'Alice' },
    });
    expect(ledger.history.at(-1)).toMatchObject({ action: 'add', file: '青山县统计公报.docx', by: { id: alice.id } });
    const logged = b.logs.records.find((r) => r.msg === 'document added from Telegram');
    expect(logged).toMatchObject({ by: { id: alice.id, name: 'Alice' }, file: '青山县统计公报.docx', action: 'add' });
  });

  it('/documents lists every document with its facts and who added it when', async () => {
    const [list] = await b.ask(alice, '/documents');
    const lines = list!.plain.split('\n');
    expect(lines[0]).toBe('文档库共有 2 个文档：');
    expect(lines.find((l) => l.includes('hunnan-2019.txt'))).toMatch(/条数据 · 直接放入文件夹$/);
    expect(lines.find((l) => l.includes('青山县统计公报.docx'))).toMatch(
      /《青山县2023年国民经济和社会发展统计公报》.+\d+ 条数据 · Alice 于 \d{4}-\d\d-\d\d \d\d:\d\d UTC 添加$/,
    );
  });

  it('Discard leaves the documents as they were', async () => {
    const [, preview] = await upload(alice, Buffer.from('白水县共有规模以上工业企业77家。\n', 'utf8'), '白水县.txt');
    expect(preview!.plain).toContain('已读取《白水县共有规模以上工业企业77家。》');
    const version = b.holder.current().version;
    const discarded = await press(preview!, '放弃');
    expect(discarded.plain).toBe('已放弃，文档库没有改变。');
    expect(b.holder.current().version).toBe(version);
    expect(existsSync(join(b.dir, '白水县.txt'))).toBe(false);
    expect(answers(await b.ask(alice, '白水县规模以上工业企业有多少家？'))).not.toContain('77家');
    // A button pressed again finds nothing to do.
    const again = await press(preview!, '添加');
    expect(again.plain).toBe('这个上传已经处理过或已过期，请重新发送文件。');
  });

  it('/remove takes a document out after a confirmation, and its facts stop being answered', async () => {
    const [choose] = await b.ask(alice, '/remove');
    expect(choose!.plain).toBe('要删除哪个文档？');
    const confirm = await press(choose!, '青山县2023年国民经济和社会发展统计公报 (青山县统计公报.docx)');
    expect(confirm.plain).toMatch(/^确定删除《青山县2023年国民经济和社会发展统计公报》吗？它的 \d+ 条数据将不再用于回答。$/);
    // Still answered until confirmed.
    expect((await b.ask(alice, QUESTION))[0]!.bold).toContain('128家');
    const removed = await press(confirm, '删除');
    expect(removed.plain).toBe('已删除《青山县2023年国民经济和社会发展统计公报》。现在共有 1 个文档。');
    expect(answers(await b.ask(alice, QUESTION))).toContain('文档中没有找到');
    expect(answers(await b.ask(alice, HUNNAN))).toContain('412家');
    expect(existsSync(join(b.dir, '青山县统计公报.docx'))).toBe(false);
    const ledger = LedgerSchema.parse(JSON.parse(readFileSync(join(b.dir, LEDGER_FILE), 'utf8')));
    expect(ledger.documents['青山县统计公报.docx']).toBeUndefined();
    expect(ledger.history.at(-1)).toMatchObject({ action: 'remove', file: '青山县统计公报.docx', by: { id: alice.id } });
    expect(b.logs.records.find((r) => r.msg === 'document removed from Telegram')).toMatchObject({ by: { id: alice.id } });
  });

  it('/export sends every figure as a CSV document', async () => {
    const update = say(b.api, privateChat(alice), alice, '/export');
    await b.api.processed(update.update_id);
    const [sent] = b.api.botDocuments(alice.id);
    expect(sent!.upload.filename).toMatch(/^factbot-figures-\d{4}-\d\d-\d\d\.csv$/);
    const csv = sent!.upload.bytes.toString('utf8');
    // The same CSV as `npm run facts`: a byte-order mark, the header, one row per figure.
    expect([...sent!.upload.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.replace(/\r\n$/, '').split('\r\n');
    expect(header).toBe(`\uFEFF${FIGURE_COLUMNS.join(',')}`);
    expect(rows.length).toBeGreaterThan(50);
    expect(sent!.caption).toBe(`全部数字：${rows.length} 个，来自 1 个文档（CSV，UTF-8）`);
    const row = rows.find((r) => r.includes(',412家,'));
    expect(row).toMatch(/^hunnan-2019,/);
    // The offsets cite the document text.
    const cells = row!.split(',');
    const [start, end] = [Number(cells[FIGURE_COLUMNS.indexOf('start')]), Number(cells[FIGURE_COLUMNS.indexOf('end')])];
    const text = readFileSync(join(b.dir, 'hunnan-2019.txt'), 'utf8');
    expect(text.slice(start, end)).toBe('412家');
  });

  it('will not remove the last document', async () => {
    const [confirm] = await b.ask(alice, '/remove hunnan-2019.txt');
    const answer = await press(confirm!, '删除');
    expect(answer.plain).toBe('不能删除最后一个文档。');
    expect(answers(await b.ask(alice, HUNNAN))).toContain('412家');
  });
});
