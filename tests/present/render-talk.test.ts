// "这篇文章是哪天发布的？": the reply says when and by whom each document was published, as far as its file says.
import { describe, expect, it } from 'vitest';
import type { CorpusAbout } from '../../src/app/respond.js';
import { readSmallTalk } from '../../src/app/small-talk.js';
import { renderSmallTalk } from '../../src/present/render-talk.js';

const about: CorpusAbout = {
  documents: [
    {
      title: '1-10月德清县固定资产投资结构趋稳趋优',
      publisher: '浙江省发展和改革委员会',
      period: '2016年1-10月',
      date: '2016-11-22',
      source: '省发改委',
      column: '投资管理和项目推进 › 投资运行',
      contributor: '德清县发改局',
    },
    { title: '沈阳市浑南区概况', publisher: null, period: '2019年', date: null, source: null, column: null, contributor: null },
  ],
  sections: [],
  examples: [],
};

describe('when and by whom a document was published', () => {
  it('gives each document’s date and publisher, and says which the file does not give', () => {
    const talk = readSmallTalk('这篇文章是哪天发布的？')!;
    expect(renderSmallTalk(talk, about, { format: 'plain' }).split('\n')).toEqual([
      '《1-10月德清县固定资产投资结构趋稳趋优》：发布日期 2016-11-22；发布单位 浙江省发展和改革委员会；所述时期 2016年1-10月；' +
        '信息来源 省发改委；供稿 德清县发改局；栏目 投资管理和项目推进 › 投资运行。',
      '《沈阳市浑南区概况》：文件没有写明发布日期；文件没有写明发布单位；所述时期 2019年。',
    ]);
  });

  it('in English when asked in English', () => {
    const talk = readSmallTalk('Who published this report?')!;
    expect(renderSmallTalk(talk, about, { format: 'plain' })).toContain(
      'published 2016-11-22; by 浙江省发展和改革委员会; covering 2016年1-10月; source: 省发改委; contributed by 德清县发改局; ' +
        'filed under 投资管理和项目推进 › 投资运行.',
    );
  });
});
