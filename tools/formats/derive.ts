// Makes the Qiandongnan 2016 bulletin's other formats from its real Word file, the way a user gets them:
// "save as web page" (mammoth's HTML of the .docx, in a page with a navigation bar and a footer, as a
// government site would frame it) and "print to PDF" (that page printed by headless Chromium, with the Noto Sans
// SC font from its npm package so that the PDF carries real CJK glyphs and a text layer).
// Usage: npx tsx tools/formats/derive.ts [OUT_DIR]   (default tests/fixtures/documents/derived)
// Needs Chromium at /usr/bin/chromium (CHROMIUM=path to change). Run once; the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAME = 'qiandongnan-2016-tongjigongbao';
const out = process.argv[2] ?? join(ROOT, 'tests', 'fixtures', 'documents', 'derived');
const font = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

const { value: converted } = await mammoth.convertToHtml({
  buffer: readFileSync(join(ROOT, 'tests', 'fixtures', 'documents', `${NAME}.docx`)),
});
// The file's pictures (a chart, a logo) carry no text: left out, as the readers leave them.
const body = converted.replace(/<img[^>]*>/g, '');
const title = '黔东南苗族侗族自治州2016年国民经济和社会发展统计公报';
const page = (fontFace: string) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>${fontFace}body{font-family:'Noto Sans SC',sans-serif;font-size:11pt;line-height:1.6;margin:0 2em}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style></head>
<body><nav><a href="/">首页</a> | <a href="/tjsj/">统计数据</a> | <a href="/tjgb/">统计公报</a></nav>
<article>${body}</article>
<footer>主办：黔东南州统计局 | 网站地图 | 联系我们</footer></body></html>
`;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `${NAME}.html`), page(''));
const face = `@font-face{font-family:'Noto Sans SC';src:url('${pathToFileURL(font).href}')}`;
const printed = join(out, 'print.html');
writeFileSync(printed, page(face));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(printed).href, { waitUntil: 'load' });
  await tab.evaluate('document.fonts.ready');
  await tab.pdf({ path: join(out, `${NAME}.pdf`), format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' } });
} finally {
  await browser.close();
}
(await import('node:fs')).rmSync(printed);
console.log(`wrote ${NAME}.html and ${NAME}.pdf to ${out}`);
