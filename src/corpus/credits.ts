/**
 * What a document says of where it comes from, beside its title, publisher and date: the unit an official news item
 * credits at its end ("…趋稳趋优。（德清县发改局）"), and on a web page the 信息来源 field and the breadcrumb that files
 * it under a section of its site. Read from text, so every format has the first, and the HTML reader the others.
 */

/** What names a unit: an office, a bureau, a company, a newspaper (德清县发改局, 国家统计局, 新华社, 某某集团). */
const UNIT_END =
  '(?:局|委|厅|办|部|处|科|署|院|所|站|台|社|报|网|中心|政府|委员会|办公室|公司|集团|银行|协会|学会|联合会|研究会|基金会|大学|学院)';

/** A unit in brackets closing the last paragraph, or a credit line ("（来源：…）", "供稿：…"). */
const CREDIT_LINE = new RegExp(
  `(?:^|[。！？!?])\\s*[（(]\\s*(?:(?:来源|供稿|稿源|供稿单位|作者单位|信息来源|撰稿)[:：]\\s*)?([^（）()：:\\s]{2,24}?${UNIT_END})\\s*[)）]$|` +
    `^(?:来源|供稿|稿源|供稿单位|信息来源)[:：]\\s*([^（）()：:\\s]{2,24}?${UNIT_END})$`,
);

/** The unit a document credits at the end of its last paragraph, or null. */
export function creditedUnit(text: string): string | null {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = CREDIT_LINE.exec(line);
    return m ? (m[1] ?? m[2] ?? null) : null;
  }
  return null;
}

/** "信息来源：省发改委", "来源：国家统计局" in a page's text (its header, outside the article). */
const SOURCE_FIELD = /(?:信息来源|文章来源|稿件来源|来源)\s*[:：]\s*([^\s:：|｜，。；<>]{2,30})/;

/** Where a page says its information comes from, or undefined. */
export function statedSource(pageText: string): string | undefined {
  const m = SOURCE_FIELD.exec(pageText.replace(/[\u00a0\u3000]/g, ' '));
  return m?.[1];
}

/** A breadcrumb's separators: ">", "›", "»", "＞", "→", "/" between items. */
const CRUMB_SEPARATOR = '(?:>|›|»|＞|→|/)';
/** "当前位置：首页 > 发展改革工作 > 投资运行", or the trail alone from 首页. */
const BREADCRUMB = new RegExp(`(?:(?:当前位置|您的位置|您现在的位置|所在位置)\\s*[:：]?\\s*)?首页((?:\\s*${CRUMB_SEPARATOR}\\s*[^\\s>›»＞→/]{1,24})+)`);

/** At most this many sections are told, the last (the page's own section) kept. */
const MAX_CRUMBS = 4;

/**
 * The sections a page's breadcrumb files it under, from the first after 首页, " › "-joined; the article itself
 * (its title, 正文) is not a section. Undefined when the page shows no breadcrumb.
 */
export function breadcrumbOf(pageText: string, title?: string): string | undefined {
  const m = BREADCRUMB.exec(pageText.replace(/[\u00a0\u3000]/g, ' '));
  if (!m) return undefined;
  const items = m[1]!
    .split(new RegExp(CRUMB_SEPARATOR))
    .map((s) => s.trim())
    .filter((s) => s && s !== '正文' && s !== '详情' && (!title || !(title.startsWith(s) || s.startsWith(title))));
  return items.length ? items.slice(-MAX_CRUMBS).join(' › ') : undefined;
}
