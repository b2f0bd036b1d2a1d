// End to end: the bot answers from a file dropped into its corpus folder without a restart, and no update is
// lost or answered twice while a new engine is built and swapped in (questions sent throughout a reload).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../../tools/fake-bot-api.js';
import { QINGSHAN_QUESTION, QINGSHAN_TXT } from '../library/helpers.js';
import { startLibraryBot, type LibraryBot } from './library-harness.js';
import { alice, privateChat, say } from './updates.js';

let b: LibraryBot;
beforeAll(async () => {
  b = await startLibraryBot({ watchDebounceMs: 50 });
});
afterAll(async () => {
  await b?.stop();
});

describe('live reload in the bot', () => {
  it('answers from a file dropped into the corpus folder, without a restart', async () => {
    expect((await b.ask(alice, QINGSHAN_QUESTION))[0]!.plain).toContain('文档中没有找到');
    const swapped = b.next('swapped');
    writeFileSync(join(b.dir, 'qingshan-2023.txt'), QINGSHAN_TXT);
    await swapped;
    const [answer] = await b.ask(alice, QINGSHAN_QUESTION);
    expect(answer!.bold).toContain('128家');
    expect(answer!.plain).toContain('出处：《青山县2023年国民经济和社会发展统计公报》');
  });

  it('an upload added while the folder is watched is built once: the watcher’s echo builds nothing', async () => {
    const staged = await b.documents.stage('清河县.txt', Buffer.from(QINGSHAN_TXT.replace(/青山县/g, '清河县')), { id: 1, name: 'Admin' });
    expect(staged.ok).toBe(true);
    const builds = b.builds();
    const echo = b.next('unchanged');
    const added = await b.documents.commit(staged.ok ? staged.preview.id : '', { id: 1, name: 'Admin' });
    expect(added.ok).toBe(true);
    // The rename into the folder is seen by the watcher, which finds the folder as the new engine was built from.
    expect(await echo).toMatchObject({ kind: 'unchanged', reason: 'files changed: 清河县.txt' });
    expect(b.builds()).toBe(builds);
    expect((await b.ask(alice, '清河县规模以上工业企业有多少家？'))[0]!.bold).toContain('128家');
  });

  it('loses no update and answers none twice while a new engine is swapped in', async () => {
    const users: FakeUser[] = Array.from({ length: 400 }, (_, i) => ({ id: 50_000 + i, is_bot: false, first_name: `U${i}` }));
    let next = 0;
    const sendOne = () => {
      const user = users[next++]!;
      return say(b.api, privateChat(user), user, next % 2 === 0 ? '浑南区有多少家国家高新技术企业？' : '浑南区常住人口有多少？');
    };
    let swapped = false;
    const swap = b.next('swapped').then(() => (swapped = true));
    const versionBefore = b.holder.current().version;
    // A few questions in flight, then the change, then questions all along the reload.
    for (let i = 0; i < 20; i++) sendOne();
    writeFileSync(join(b.dir, 'baishui-2023.txt'), QINGSHAN_TXT.replace(/青山县/g, '白水县'));
    let duringReload = 0;
    while (!swapped && next < users.length - 50) {
      sendOne();
      duringReload += 1;
      await tick();
    }
    await swap;
    // And more after it.
    let last = sendOne();
    for (let i = 0; i < 30; i++) last = sendOne();
    await b.api.processed(last.update_id, 30_000);

    expect(b.holder.current().version).toBe(versionBefore + 1);
    expect(duringReload).toBeGreaterThan(0);
    for (const user of users.slice(0, next)) {
      const replies = b.api.botMessages(user.id);
      expect(replies, `replies to user ${user.id}`).toHaveLength(1);
      expect(replies[0]!.bold.join(' ')).toMatch(/412家|69万人/);
    }
    expect(b.logs.records.filter((r) => r.msg === 'update failed')).toEqual([]);
    // The new document answers.
    expect((await b.ask(alice, '白水县规模以上工业企业有多少家？'))[0]!.bold).toContain('128家');
  });
});
