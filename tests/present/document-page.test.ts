// The document page and the citation link, as text: escaping, the mark, the link's parameters.
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/index.js';
import type { CorpusDocument } from '../../src/corpus/index.js';
import {
  documentPageLinks,
  htmlFormat,
  parsePageSpan,
  plainFormat,
  renderDocumentPage,
  renderSourceLine,
  spanHash,
} from '../../src/present/index.js';

const text = '标题\n第一段<b>&"，含有12个项目。\n第二段：总投资5亿元；其余。';
const doc: CorpusDocument = { id: 'd<1>', title: 'T<script>', publisher: 'P&Q', period: null, file: 'd.txt', text };
const start = text.indexOf('第二段');
const end = text.indexOf('；') + 1;
const citation: Citation = {
  document: 'd<1>',
  title: 'T',
  publisher: null,
  section: null,
  paragraph: 2,
  sentence: 1,
  clause: 1,
  start,
  end,
};
const figure = { start: '第二段：总投资'.length, end: '第二段：总投资5亿元'.length } as never;

describe('the citation link', () => {
  const links = documentPageLinks('https://bot.example.com/', (id) => (id === 'd<1>' ? text : null));

  it('names the document, the span, the figure and the hash of the cited text', () => {
    const url = new URL(links(citation, figure)!);
    expect(url.pathname).toBe('/doc/d%3C1%3E');
    expect(url.hash).toBe('#cited');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      s: String(start),
      e: String(end),
      k: `${start + 7}-${start + 10}`,
      h: spanHash(text.slice(start, end)),
    });
    expect(links({ ...citation, document: 'other' }, null)).toBeNull();
  });

  it('follows the source line, escaped in HTML, spelled out in plain text; no URL, no link', () => {
    const url = 'https://x.example/doc/a?s=1&e=2#cited';
    expect(renderSourceLine(citation, 'zh', htmlFormat, false, url)).toMatch(
      / · <a href="https:\/\/x\.example\/doc\/a\?s=1&amp;e=2#cited">网页原文<\/a>$/,
    );
    expect(renderSourceLine(citation, 'en', plainFormat, false, url)).toMatch(/ · web page https:\/\/x\.example\/doc\/a\?s=1&e=2#cited$/);
    expect(renderSourceLine(citation, 'zh', htmlFormat)).not.toContain('<a');
  });
});

describe('the page', () => {
  it('escapes every text and marks the span, its figure inside, once', () => {
    const span = parsePageSpan(new URL(documentPageLinks('https://b', () => text)(citation, figure)!).searchParams, text.length);
    expect(span).not.toBe('bad');
    const html = renderDocumentPage(doc, span as never);
    expect(html).toContain('<title>T&lt;script&gt;</title>');
    expect(html).toContain('第一段&lt;b&gt;&amp;&quot;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<p><mark id="cited">第二段：总投资<strong>5亿元</strong>；</mark>其余。</p>');
    expect(html.match(/<mark/g)).toHaveLength(1);
  });

  it('a span over two lines is marked on both, the id on the first', () => {
    const html = renderDocumentPage(doc, { start: text.indexOf('含有'), end: text.indexOf('总投资'), key: null, hash: '' });
    expect(html).toContain('<mark id="cited">含有12个项目。</mark></p>');
    expect(html).toContain('<p><mark>第二段：</mark>总投资');
  });

  it('reads only well-formed spans inside the text', () => {
    const q = (s: string) => parsePageSpan(new URLSearchParams(s), text.length);
    expect(q('')).toBeNull();
    expect(q('s=1&e=3&h=0123abcd')).toEqual({ start: 1, end: 3, key: null, hash: '0123abcd' });
    for (const bad of [
      's=1',
      's=3&e=1&h=0123abcd',
      `s=0&e=${text.length + 1}&h=0123abcd`,
      's=01&e=3&h=0123abcd',
      's=1&e=3&h=xyz',
      's=1&e=3&k=0-2&h=0123abcd',
    ])
      expect(q(bad), bad).toBe('bad');
  });
});
