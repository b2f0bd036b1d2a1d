// Questions over an encyclopedia's text (CMRC's and DRCD's Wikipedia passages). Date questions (DRCD's Traditional Wikipedia passages): the event is named by a verb
// glossed alike (修建 for 建造), the year is one of an era (建炎二年) or a century, and "西元幾年" asks for a year —
// while a date beside another event is still no answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine-types.js';
import { engineFromFiles } from '../helpers/engine.js';

const PARK = [
  '# 芝加哥大學',
  '芝加哥大學是一所私立研究型大學，位於美國伊利諾州芝加哥。',
  '1893年為舉辦芝加哥世博會修建的中途公園將校園分成南北兩塊，博覽會主會場現為芝加哥科學與工業博物館。',
  '中途公園的一部分後來被拆除，改建為停車場。',
  '',
].join('\n');
const SONG = [
  '# 杜充',
  '杜充，字公美，相州人，北宋末年至南宋初年大臣。',
  '建炎二年七月，宗澤病逝，杜充接任東京留守。',
  '羅馬帝國自東西分治後，帝國東部羅馬政權的延續被稱為東羅馬帝國，16世紀以後，開始有學者稱之為拜占庭帝國。',
  '',
].join('\n');
const EUROPE = [
  '# 華沙',
  '華沙是波蘭的首都。',
  '1815年的維也納會議中，華沙成為了波蘭會議王國的首府。',
  '民國元年，北洋政府廢青海辦事大臣，改設青海辦事長官。',
  '',
].join('\n');
const BROADWAY = ['# 百老汇', '百老汇是美国戏剧的代名词。', '据统计，百老汇在2009年到2010年的剧季的票房收益大约是$10.2亿美金。', ''].join(
  '\n',
);
const NAGASAKI = [
  '# 長崎縣',
  '長崎縣位於日本九州西北部。',
  '2014年，長崎縣工業品生產金額有15,625億日元，其中輸送用機械的比重最高。',
  '',
].join('\n');
const SHANTOU = ['# 廣東省', '廣東省是中華民國的一個省。', '民國28年6月21日，日軍進攻汕頭，汕頭於當日下午攻陷。', ''].join('\n');
const WINGLET = [
  '# 翼尖小翼',
  '不过增加翼尖小翼，翼端结构为了组装翼尖小翼会比较复杂，也会增加一些额外的重量。',
  '翼尖小翼（winglet或wingtip），又称作翼梢小翼、翼尖帆或翼端帆，通常用于提高固定翼航空器机翼的效率。',
  '',
].join('\n');
const SPRINT = [
  '# 2008年夏季奥林匹克运动会男子100米跑',
  '2008年夏季奥林匹克运动会男子100米跑赛事在2008年8月15日及8月16日在北京国家体育馆举行。',
  '男子100米是被视为本届奥运最受人关注的比赛小项之一，比赛共有来自64个国家及地区的84名运动员参与。',
  '',
].join('\n');
const SURINAME = ['# 蘇利南', '蘇利南位於南美洲北部。', '蘇利南全國共被劃分為10個區，其中1個為市區。', ''].join('\n');
const CHANGHUA = [
  '# 彰化市',
  '彰化市是彰化縣轄下的縣轄市。',
  '在產業結構方面，在1992年三級產業以43.2%領先製造業的42.4%，一級產業以14.4%墊底。',
  '',
].join('\n');
const OSLO = ['# 奧斯陸', '奧斯陸是挪威的首都。', '1070年，奧斯陸被提升為主教轄區。', ''].join('\n');
const KOREA = [
  '# 韓國經濟',
  '韓國的銀行業以商業銀行為主。',
  '其中新韓銀行創立於1897年,是韓國歷史上第一家商業銀行，而目前國民銀行是韓國最大的銀行。',
  '',
].join('\n');
const OLEANDER = [
  '# 软枝黄蝉',
  '软枝黄蝉，别称黄莺、小黄蝉、重瓣黄蝉、泻黄蝉、软枝花蝉，为夹竹桃科黄蝉属植物，原生于巴西。',
  '花为聚繖花序顶生，金黄色，花冠呈漏斗形五裂。',
  '',
].join('\n');

let engine: Engine;
let remove: () => void;
beforeAll(async () => {
  ({ engine, remove } = await engineFromFiles({
    'park.md': PARK,
    'song.md': SONG,
    'oslo.md': OSLO,
    'korea.md': KOREA,
    'europe.md': EUROPE,
    'broadway.md': BROADWAY,
    'nagasaki.md': NAGASAKI,
    'shantou.md': SHANTOU,
    'winglet.md': WINGLET,
    'sprint.md': SPRINT,
    'suriname.md': SURINAME,
    'changhua.md': CHANGHUA,
    'oleander.md': OLEANDER,
  }));
});
afterAll(() => remove());

const top = (q: string) => {
  const a = engine.ask(q);
  return a.kind === 'found' ? a.hits[0]!.fact.text : `(${a.kind})`;
};

describe('date questions over an encyclopedia', () => {
  it('takes a verb glossed alike for the event asked about', () => {
    expect(top('中途公園在哪一年被建造?')).toContain('1893年');
    expect(top('韓國歷史上第一家商業銀行於何時建立？')).toContain('1897年');
  });

  it('takes the date of the thing the question names in full, when its verb only says it happened or names others too', () => {
    expect(top('維也納會議於何年召開?')).toContain('1815年');
    expect(top('青海辦事長官在哪一年取代了青海辦事大臣一職?')).toContain('民國元年');
  });

  it('still refuses a date beside another event', () => {
    expect(top('中途公園在哪一年被拆除?')).toBe('(not-found)');
  });

  it('reads a year of an era and a century as dates, in Traditional text', () => {
    expect(top('杜充在哪一年開始接任東京留守?')).toContain('建炎二年');
    expect(top('從何時開始有學者稱東羅馬帝國為拜占庭帝國?')).toContain('16世紀');
  });

  it('reads 西元幾年 as a year asked', () => {
    expect(top('奧斯陸被提升為主教轄區於西元幾年?')).toContain('1070年');
  });
});

describe('a span of years', () => {
  it('answers a question naming the span with the figure that holds for it', () => {
    expect(top('2009年到2010年，百老汇的票房收益约是多少？')).toContain('10.2亿美金');
  });
});

describe('a Traditional document about a place', () => {
  it('checks its figures in the script the question is read in (長崎縣, 工業品生產金額)', () => {
    expect(top('多少日元為長崎縣2014年的工業品生產金額?')).toContain('15,625億日元');
  });

  it('answers 民國幾年 with a year of the Republic, of an event in a place the fact names', () => {
    expect(top('汕頭在民國幾年時被日軍攻陷?')).toContain('民國28年');
  });
});

describe('a definition question', () => {
  it('is answered by the sentence that opens with the thing asked and says what it is', () => {
    expect(top('翼尖小翼是什么？')).toMatch(/^翼尖小翼（winglet/);
  });
});

describe('a figure the question itself says', () => {
  it('names what is asked about and is no answer (100米 of 男子100米跑)', () => {
    expect(top('男子100米跑共有多少国家和运动员参赛？')).toContain('64个国家');
  });
});

describe('what a figure is about, in a Traditional document', () => {
  it('is read in the script of the question (市區 is 市区): the sentence is found', () => {
    expect(top('蘇利南的市區有幾個？')).toContain('其中1個為市區');
  });

  it('highlights the figure the words after it name (其中1個為市區), not the one the document’s own place stands by', () => {
    const a = engine.ask('蘇利南的市區有幾個？');
    expect(a.kind === 'found' ? a.hits[0]!.keyFigure?.raw : a.kind).toBe('1個');
  });
});

describe('a question for a thing that names a rate', () => {
  it('is answered by the sentence that names it, not refused for the rate', () => {
    expect(top('於1992年時彰化市的產業結構中以哪一種產業的比例最低?')).toContain('一級產業以14.4%墊底');
  });
});

describe('a "有什么" question about the thing a document is about', () => {
  it('is answered by what it asks of it, not by a list of the thing’s own names (小黄蝉、重瓣黄蝉…)', () => {
    expect(top('软枝黄蝉的花有什么特点？')).toContain('花为聚繖花序顶生');
  });
});
