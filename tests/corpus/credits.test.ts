// What a document says of where it comes from: the unit credited at its end, a page's 信息来源 and breadcrumb.
import { describe, expect, it } from 'vitest';
import { breadcrumbOf, creditedUnit, statedSource } from '../../src/corpus/credits.js';

describe('creditedUnit: the unit an official news item credits at its end', () => {
  it.each([
    ['…总体全县投资结构趋稳趋优。（德清县发改局）', '德清县发改局'],
    ['第一段。\n最后一段说完了。（来源：国家统计局）\n\n', '国家统计局'],
    ['全文完。\n（浙江省发展和改革委员会）', '浙江省发展和改革委员会'],
    ['正文。\n供稿：浑南区委宣传部', '浑南区委宣传部'],
  ])('%s → %s', (text, unit) => {
    expect(creditedUnit(text)).toBe(unit);
  });

  it.each([
    '年末全市常住人口866.60万人（含流动人口）',
    '全年粮食总产量达到122.35万吨。（一）农业',
    '（德清县发改局）不在最后。\n最后一段没有署名。',
    '本公报数据为初步统计数。（注：部分数据因四舍五入）',
    '',
  ])('no credit in: %s', (text) => {
    expect(creditedUnit(text)).toBeNull();
  });
});

describe('a page’s 信息来源 and breadcrumb', () => {
  it('reads the first source field', () => {
    expect(statedSource('发布日期：2016-11-22 浏览次数： 信息来源： 省发改委 ')).toBe('省发改委');
    expect(statedSource('发布日期：2016-11-22')).toBeUndefined();
  });

  it('reads the trail after 首页, without the article itself', () => {
    expect(breadcrumbOf('当前位置： 首页  >发展改革工作  >投资管理和项目推进  >投资运行  版权所有')).toBe(
      '发展改革工作 › 投资管理和项目推进 › 投资运行',
    );
    expect(breadcrumbOf('首页 › 新闻 › 德清投资趋稳', '德清投资趋稳')).toBe('新闻');
    expect(breadcrumbOf('首页 新闻中心 政务公开')).toBeUndefined();
  });
});
