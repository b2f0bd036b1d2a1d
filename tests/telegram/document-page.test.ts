// End to end: with a public base URL each citation links to the document's page, served by the bot's own HTTP
// server; the page, opened in a real headless Chromium (Debian's package, driven by playwright-core), marks
// exactly the cited sentence, its figure inside, scrolled into view. Plus the server's HTTP contract.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPages } from '../../src/telegram/index.js';
import { realEngine, startHarness, type Harness } from './harness.js';
import { alice, group, privateChat, say } from './updates.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// In CI the browser test must run (.ci/run installs Chromium); elsewhere, without it, it is skipped, loudly.
const mustRun = process.env.CI === 'true' || process.env.CI === '1';
if (!haveChromium && !mustRun) {
  console.warn(
    `\n*** SKIPPED: the document page's headless-browser test needs Chromium at ${CHROMIUM} ` +
      '(Debian: apt-get install -y chromium; .ci/run installs it). ***\n',
  );
}

/** A port free right now on 127.0.0.1 (the base URL must be known before the bot starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let h: Harness;
let base: string;
beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const engine = await realEngine();
  h = await startHarness({
    bot: { publicBaseUrl: base },
    pages: { handler: documentPages(() => engine.documents), host: '127.0.0.1', port },
  });
});
afterAll(async () => {
  await h?.stop();
});

/** The hrefs of a sent message's links, and their texts. */
function linksOf(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), text: m[2]! }));
}

async function askPrivately(text: string) {
  const chat = privateChat(alice);
  const before = h.api.botMessages(chat.id).length;
  const update = say(h.api, chat, alice, text);
  await h.api.processed(update.update_id);
  return h.api.botMessages(chat.id).slice(before);
}

describe('the citation link', () => {
  it('a cited answer links its source line to the document page, the span and figure in the URL', async () => {
    const [reply] = await askPrivately('浑南区有多少家国家高新技术企业？');
    const links = linksOf(reply!.html);
    expect(links).toHaveLength(1);
    expect(links[0]!.text).toBe('网页原文');
    expect(reply!.plain).toMatch(/出处：《沈阳市浑南区.*第13段第1句第1分句 · 网页原文$/m);
    const url = new URL(links[0]!.href);
    expect(url.origin).toBe(base);
    expect(url.pathname).toBe('/doc/hunnan-2019');
    expect(url.hash).toBe('#cited');
    expect([...url.searchParams.keys()].sort()).toEqual(['e', 'h', 'k', 's']);
  });

  it('a computed answer links each operand; a group answer links its citation too', async () => {
    const [computed] = await askPrivately('三大主导产业在建项目一共有多少个？');
    expect(linksOf(computed!.html)).toHaveLength(3);
    const update = say(h.api, group, alice, '/ask 浑南区面积多大？');
    await h.api.processed(update.update_id);
    expect(linksOf(h.api.botMessages(group.id).at(-1)!.html)).toHaveLength(1);
  });
});

describe.skipIf(!haveChromium && !mustRun)('the document page in a headless browser', () => {
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'factbot-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 390, height: 700 }, // a phone
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a link; the marked text, the figure in it, whether the mark is inside the viewport, and the scroll. */
  async function open(href: string) {
    const page = await context.newPage();
    const response = await page.goto(href);
    const mark = page.locator('mark#cited');
    const seen = await mark.evaluate((el) => {
      // Runs in the page (no DOM types in this project's TypeScript setup).
      const r = el.getBoundingClientRect();
      const view = globalThis as unknown as { innerHeight: number; scrollY: number };
      const top = (el as unknown as { offsetTop: number }).offsetTop;
      return { top: r.top, bottom: r.bottom, height: view.innerHeight, scrollY: view.scrollY, offsetTop: top };
    });
    const result = {
      status: response?.status(),
      contentType: response?.headers()['content-type'],
      marked: await mark.textContent(),
      figure: await mark.locator('strong').textContent(),
      marks: await page.locator('mark').count(),
      seen,
    };
    await page.close();
    return result;
  }

  it('marks exactly the cited sentence, its figure inside, scrolled into view', async () => {
    const [reply] = await askPrivately('浑南区有多少家国家高新技术企业？');
    const sentence = reply!.plain
      .split('\n')
      .find((line) => line.startsWith('“'))!
      .slice(1, -1);
    const page = await open(linksOf(reply!.html)[0]!.href);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.marked).toBe(sentence);
    expect(page.figure).toBe('412家');
    expect(page.marks).toBe(1);
    // In the viewport, and the page had to scroll to get there (the sentence is far below the title).
    expect(page.seen.top).toBeGreaterThanOrEqual(0);
    expect(page.seen.bottom).toBeLessThanOrEqual(page.seen.height);
    expect(page.seen.offsetTop).toBeGreaterThan(page.seen.height);
    expect(page.seen.scrollY).toBeGreaterThan(0);
  }, 30_000);

  it('each operand of a computed answer opens on its own clause and figure', async () => {
    const [reply] = await askPrivately('哪个产业计划投资最多？');
    const links = linksOf(reply!.html);
    expect(links).toHaveLength(3);
    // The quoted sentences: lines that are one quotation (the document's title has quotation marks of its own).
    const quotes = reply!.plain
      .split('\n')
      .filter((line) => line.startsWith('“') && line.endsWith('”'))
      .map((line) => line.slice(1, -1));
    const figures = ['414.5亿元', '77.7亿元', '95.7亿元'];
    for (const [i, link] of links.entries()) {
      const page = await open(link.href);
      expect(page.marked).toBe(quotes[i]);
      expect(page.figure).toBe(figures[i]);
      expect(page.seen.top).toBeGreaterThanOrEqual(0);
      expect(page.seen.bottom).toBeLessThanOrEqual(page.seen.height);
    }
  }, 30_000);
});

describe('the page server', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  it('serves read-only, escaped HTML with a strict policy; 404 for an unknown document', async () => {
    const ok = await get('/doc/hunnan-2019');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await ok.text();
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toContain('<mark');
    expect(html).not.toContain('<script');
    expect((await get('/doc/no-such-document')).status).toBe(404);
    expect((await get('/doc/%3Cscript%3E')).status).toBe(404);
    expect((await get('/doc/%E0%A4%A')).status).toBe(400);
    expect((await get('/elsewhere')).status).toBe(404);
  });

  it('takes GET and HEAD only, and never writes the request back into the page', async () => {
    const post = await get('/doc/hunnan-2019', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await get('/doc/hunnan-2019', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const hostile = await get('/doc/hunnan-2019?x=%3Cscript%3Ealert(1)%3C/script%3E&s=0&e=5&h=zzzzzzzz');
    expect(hostile.status).toBe(400);
    expect(await hostile.text()).not.toContain('alert');
    const ignored = await get('/doc/hunnan-2019?x=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(ignored.status).toBe(200);
    expect(await ignored.text()).not.toContain('alert(1)');
  });

  it('a malformed span is 400; a span whose text has changed shows the document with a notice, unmarked', async () => {
    for (const q of ['s=5&e=2&h=00000000', 's=0&e=99999999&h=00000000', 's=0&e=5', 's=a&e=5&h=00000000', 's=0&e=5&k=9-3&h=00000000']) {
      expect((await get(`/doc/hunnan-2019?${q}`)).status, q).toBe(400);
    }
    const [reply] = await askPrivately('浑南区有多少家国家高新技术企业？');
    const url = new URL(linksOf(reply!.html)[0]!.href);
    url.searchParams.set('h', '00000000');
    const stale = await get(`${url.pathname}${url.search}`);
    expect(stale.status).toBe(200);
    const html = await stale.text();
    expect(html).toContain('class="notice"');
    expect(html).not.toContain('<mark');
  });
});

describe('where the pages are served', () => {
  it('webhook mode: beside the webhook, on its server', async () => {
    const engine = await realEngine();
    const w = await startHarness({
      transport: { mode: 'webhook', domain: 'bot.example.com', path: '/telegram/webhook', secret: 'page-test', host: '127.0.0.1', port: 0 },
      bot: { publicBaseUrl: 'https://bot.example.com' },
      pages: { handler: documentPages(() => engine.documents), host: '127.0.0.1', port: 0 },
    });
    try {
      expect(w.running.pagesPort).toBe(w.running.port);
      const page = await fetch(`http://127.0.0.1:${w.running.port}/doc/hunnan-2019`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>沈阳市浑南区重塑“高”“新”发展内核全力打造开放创新主阵地</h1>');
      // The webhook itself is as before.
      expect((await fetch(`http://127.0.0.1:${w.running.port}/telegram/webhook`, { method: 'POST', body: '{}' })).status).toBe(403);
    } finally {
      await w.stop();
    }
  });

  it('node dist/main.js polling with PUBLIC_BASE_URL: its answer links to a page it serves', async () => {
    const { FakeBotApi, TEST_TOKEN } = await import('../../tools/fake-bot-api.js');
    const { startMain, within, killLeftovers } = await import('./process.js');
    const api = await new FakeBotApi(TEST_TOKEN).start();
    const port = await freePort();
    try {
      startMain(
        {
          TELEGRAM_BOT_TOKEN: TEST_TOKEN,
          TELEGRAM_API_ROOT: api.apiRoot,
          WARM_UP_MS: '0',
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}/`,
          HOST: '127.0.0.1',
          PORT: String(port),
        },
        mkdtempSync(join(tmpdir(), 'factbot-pages-')),
      );
      await within(api.waitForRequest('getUpdates'), 10_000, 'first getUpdates');
      say(api, privateChat(alice), alice, '浑南区面积多大？');
      const [answer] = await api.waitForSent('sendMessage');
      const [link] = linksOf(answer!.payload.text as string);
      expect(link!.href.startsWith(`http://127.0.0.1:${port}/doc/hunnan-2019?`)).toBe(true);
      const page = await (await fetch(link!.href)).text();
      expect(page).toMatch(/<mark id="cited">[^<]*<strong>803平方公里<\/strong>/);
    } finally {
      killLeftovers();
      await api.stop();
    }
  }, 30_000);
});
