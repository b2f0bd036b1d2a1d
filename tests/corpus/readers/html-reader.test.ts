import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlReader } from '../../../src/corpus/readers/html-reader.js';
import { ReaderError } from '../../../src/corpus/readers/reader.js';
import { fixture, LIMITS, readerErrorOf } from './helpers.js';

describe('html reader: 浙江省发改委 page (德清 investment, full site page)', async () => {
  const bytes = fixture('zjfgw-deqing-fixed-asset-investment-2016.html');
  const doc = await htmlReader.read(bytes, LIMITS);
  const lines = doc.text.split('\n');

  it('has the article and its figures, the title first', () => {
    expect(htmlReader.sniff(bytes)).toBe(true);
    expect(lines[0]).toBe('# 1-10月德清县固定资产投资结构趋稳趋优');
    expect(doc.text).toContain('1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，位列三县两区第一。');
    expect(doc.text).toContain('（德清县发改局）');
  });

  it('drops navigation, breadcrumbs and the footer', () => {
    for (const boilerplate of ['网站地图', '版权所有', '当前位置', '浙ICP备', '政务公开', '无障碍浏览', '打印', '技术支持']) {
      expect(doc.text).not.toContain(boilerplate);
    }
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('takes title, publisher and date from the page metadata', () => {
    expect(doc.title).toBe('1-10月德清县固定资产投资结构趋稳趋优');
    expect(doc.publisher).toBe('浙江省发展和改革委员会');
    expect(doc.date).toBe('2016-11-22');
  });

  it('takes the page’s 信息来源 field and its breadcrumb, which the text leaves out', () => {
    expect(doc.source).toBe('省发改委');
    expect(doc.column).toBe('发展改革工作 › 投资管理和项目推进 › 投资运行');
  });
});

describe('html reader: 中国政府网 page (NPCSC resolution)', async () => {
  const doc = await htmlReader.read(fixture('govcn-npcsc-special-treasury-bonds-2007.html'), LIMITS);

  it('has the resolution with its figures and no site chrome', () => {
    expect(doc.text).toContain('会议决定：批准发行15500亿元特别国债购买外汇，批准2007年末国债余额限额调整为53365.53亿元。');
    expect(doc.text).toContain('15500亿元');
    expect(doc.text).toContain('53365.53亿元');
    for (const chrome of ['登录', '个人中心', '邮箱', '无障碍']) expect(doc.text).not.toContain(chrome);
  });

  it('has the title without the site suffix, the site as publisher', () => {
    expect(doc.title).toBe('全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议');
    expect(doc.publisher).toBe('中国政府网');
  });
});

const PAGE = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const ARTICLE =
  '<h1>2023年周口市国民经济和社会发展统计公报</h1>' +
  '<p>初步核算，全年全市地区生产总值同比增长4.8%。分产业看，第一产业增加值增长2.0%，第二产业增加值增长6.0%，第三产业增加值增长4.8%。</p>' +
  '<p>年末全市常住人口866.60万人。其中，城镇人口392.66万人，乡村人口473.94万人；常住人口城镇化率45.31%，比上年提高1.01个百分点。</p>' +
  '<h2>一、农业</h2><p>全年粮食总产量达到122.35万吨，比上年增长1.8%，主要经济作物产量不同程度增长。</p>' +
  '<table><caption>表1 2023年末周口市常住人口数及其构成</caption>' +
  '<tr><th>指标</th><th>年末数（万人）</th><th>比重（%）</th></tr>' +
  '<tr><td>全市常住人口</td><td>866.60</td><td></td></tr>' +
  '<tr><td rowspan="2">其中</td><td>城镇 392.66</td><td>45.31</td></tr>' +
  '<tr><td>乡村 473.94</td><td>54.69</td></tr></table>';

describe('html reader: a page’s source and place in its site', () => {
  const read = async (body: string) =>
    htmlReader.read(new Uint8Array(Buffer.from(PAGE('<meta charset="utf-8"><title>统计公报</title>', body))), LIMITS);

  it('reads "来源：" and a breadcrumb after 首页, not scripts, styles or a menu that only starts with 首页', async () => {
    const doc = await read(
      '<style>.a{content:"来源：样式表"}</style><script>var s = "首页 > 脚本";</script>' +
        '<ul><li><a href="/">首页</a></li><li>新闻中心</li></ul>' +
        '<div class="crumb">您现在的位置：<a>首页</a> » <a>统计数据</a> » <a>统计公报</a> » 正文</div>' +
        `<div>发布时间：2024-03-28\u3000来源：周口市统计局</div><article>${ARTICLE}</article>`,
    );
    expect(doc.source).toBe('周口市统计局');
    expect(doc.column).toBe('统计数据 › 统计公报');
  });

  it('says nothing when the page shows neither', async () => {
    const doc = await read(`<article>${ARTICLE}</article>`);
    expect(doc.source).toBeUndefined();
    expect(doc.column).toBeUndefined();
  });
});

describe('html reader: structure, charsets, fallbacks', () => {
  it('writes headings as "# "/"## ", paragraphs one per line, tables as TAB rows (rowspan padded)', async () => {
    const html = PAGE('<meta charset="utf-8"><title>统计公报 - 周口市统计局</title>', `<nav><a href="/">首页</a> <a href="/x">新闻中心</a></nav><article>${ARTICLE}</article><footer>版权所有 周口市统计局</footer>`);
    const doc = await htmlReader.read(new Uint8Array(Buffer.from(html)), LIMITS);
    const lines = doc.text.split('\n');
    expect(lines).toContain('# 2023年周口市国民经济和社会发展统计公报');
    expect(lines).toContain('## 一、农业');
    expect(lines).toContain('年末全市常住人口866.60万人。其中，城镇人口392.66万人，乡村人口473.94万人；常住人口城镇化率45.31%，比上年提高1.01个百分点。');
    const caption = lines.indexOf('表1 2023年末周口市常住人口数及其构成');
    expect(caption).toBeGreaterThan(0);
    expect(lines.slice(caption + 1, caption + 5)).toEqual([
      '指标\t年末数（万人）\t比重（%）',
      '全市常住人口\t866.60\t',
      '其中\t城镇 392.66\t45.31',
      '\t乡村 473.94\t54.69',
    ]);
    expect(doc.text).not.toContain('新闻中心');
    expect(doc.text).not.toContain('版权所有');
  });

  it('decodes a GB2312-declared page saved in GBK, and an undeclared GBK page, exactly', async () => {
    const html = PAGE('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>统计公报</title>', ARTICLE);
    for (const page of [html, html.replace(/<meta[^>]*>/, '')]) {
      const doc = await htmlReader.read(new Uint8Array(iconv.encode(page, 'gbk')), LIMITS);
      expect(doc.text).toContain('全年粮食总产量达到122.35万吨，比上年增长1.8%');
      expect(doc.warnings.join(' ')).toMatch(/GB18030/);
    }
  });

  it('decodes a page that declares gb2312 but is UTF-8 (the bytes win), and a Big5 page', async () => {
    const html = PAGE('<meta charset="gb2312">', ARTICLE);
    const doc = await htmlReader.read(new Uint8Array(Buffer.from(html)), LIMITS);
    expect(doc.text).toContain('常住人口城镇化率45.31%');
    const big5 = PAGE('<meta charset="big5">', '<p>年末全市常住人口866.60萬人，城鎮化率45.31%，比上年提高1.01個百分點。全年糧食總產量達到122.35萬噸。</p>');
    const doc5 = await htmlReader.read(new Uint8Array(iconv.encode(big5, 'big5')), LIMITS);
    expect(doc5.text).toContain('年末全市常住人口866.60萬人，城鎮化率45.31%');
  });

  it('falls back to the body (without nav, footer, scripts) when readability finds no article', async () => {
    const html = PAGE(
      '<title>通知</title><style>.x{color:red}</style>',
      '<div id="nav"><a>首页</a><a>机构概况</a></div><script>var a = "脚本文字";</script><div class="main">本周六停水。</div><div class="footer">联系我们</div>',
    );
    const doc = await htmlReader.read(new Uint8Array(Buffer.from(html)), LIMITS);
    expect(doc.text).toContain('本周六停水。');
    for (const junk of ['首页', '机构概况', '脚本文字', 'color', '联系我们']) expect(doc.text).not.toContain(junk);
  });

  it('treats a layout table (one holding another table) as paragraphs', async () => {
    const html = PAGE('', `<table><tr><td><p>第一段文字。</p><table><tr><td>甲</td><td>1</td></tr></table></td></tr></table>`);
    const doc = await htmlReader.read(new Uint8Array(Buffer.from(html)), LIMITS);
    expect(doc.text.split('\n')).toEqual(expect.arrayContaining(['第一段文字。', '甲\t1']));
  });

  it('refuses random bytes named .html, and a PNG, with a ReaderError', async () => {
    let seed = 42;
    const random = new Uint8Array(8192).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0), seed >>> 24));
    expect(htmlReader.sniff(random)).toBe(false);
    const err = await readerErrorOf(htmlReader.read(random, LIMITS));
    expect(err).toBeInstanceOf(ReaderError);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(htmlReader.sniff(png)).toBe(false);
  });
});
