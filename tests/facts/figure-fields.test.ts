// What each figure measures, in what role, about which place, for which time: checked field by field against
// hand-made tables (tests/fixtures/figure-fields/) for the Hunnan profile and the Luoyang 2023 bulletin —
// every growth rate, share, multiple, percentage-point change and 其中 part of both, and every figure of the
// profile. Where the extractor reads a figure otherwise than the table, the difference is listed below with
// its reason, so it stays visible (and a fix shows up as a failure to remove it from the list).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildEngineFromDir } from '../../src/answer/build-engine.js';
import type { Engine } from '../../src/answer/engine-types.js';
import type { Figure } from '../../src/facts/fact.js';

const RecordSchema = z.object({
  clause: z.string(),
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  measure: z.array(z.string()),
  role: z.string(),
  entity: z.string().nullable(),
  entityInherited: z.boolean(),
  period: z.string().nullable(),
  periodInherited: z.boolean(),
  base: z.string().nullable(),
  partOf: z.string().nullable(),
  note: z.string().optional(),
});
type FieldRecord = z.infer<typeof RecordSchema>;
const FIELDS = ['role', 'value', 'measure', 'entity', 'period', 'base', 'partOf'] as const;
type Field = (typeof FIELDS)[number];

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const SETS = [
  {
    name: 'hunnan-2019',
    table: 'figure-fields/hunnan-2019.json',
    document: new URL('../../corpus/hunnan-2019.txt', import.meta.url).pathname,
    corpus: 'seed',
  },
  {
    name: 'luoyang-2023',
    table: 'figure-fields/luoyang-2023.json',
    document: fixture('documents/luoyang-2023-tongjigongbao.txt'),
    corpus: 'alone',
  },
] as const;

/** Differences from the tables the extractor is known to make, per `${raw}@${clause}`, with the reason. */
const KNOWN: Record<string, { fields: Field[]; why: string }> = {
  '28个@健康医疗产业项目28个': { fields: ['measure'], why: 'jieba cuts 生物医药与健康医疗 at 与; the measure keeps its last part' },
  '两位数@重点产业实现两位数增长': { fields: ['role'], why: '两位数增长 is a growth only in words: 两位数 is parsed as a magnitude' },
  '110次@组织召开座谈会110次': {
    fields: ['partOf'],
    why: 'the table judges 座谈会 no part of 联系企业 (1125 + 1935 = 3060); the extractor takes every figure after 其中',
  },
  '74家@新认定国家高新技术企业74家': {
    fields: ['partOf'],
    why: 'the part names a longer measure (新认定国家高新技术企业) across a comma the whole does not reach',
  },
  '529家@总数达到529家': {
    fields: ['measure', 'period'],
    why: "总数 names no measure of its own; the period is the clause's 上半年, the table reads 目前",
  },
  '27.4%@占全市的27.4%': { fields: ['period'], why: 'the nearest time before is 上半年; the table reads 目前' },
  '67.42%@常住人口城镇化率为67.42%': {
    fields: ['partOf'],
    why: 'a rate after 其中 is taken for a part; the table does not count rates as parts',
  },
  '0.94个百分点@比上年末提高0.94个百分点': { fields: ['partOf'], why: 'as above' },
  '0.5%@非食品烟酒价格上升0.5%': { fields: ['partOf'], why: 'the whole (居民消费价格…持平) has no figure, so no whole is known' },
  '1.2%@消费品价格下降1.2%': { fields: ['partOf'], why: 'as above' },
  '2.1%@服务项目价格上升2.1%': { fields: ['partOf'], why: 'as above' },
  '0.2%@187.0万头，下降0.2%': { fields: ['period'], why: "flows beside stocks: the sentence's 年末 is taken; the table reads the year" },
  '0.1%@16.0万头，增长0.1%': { fields: ['period'], why: 'as above' },
  '28.3%@2438.0万只，下降28.3%': { fields: ['period'], why: 'as above' },
  '724个@亿元以上项目724个': { fields: ['measure'], why: '亿元以上 is a threshold figure of its own, cut from the measure' },
  '39.2亿元@其中财产险39.2亿元': { fields: ['partOf'], why: 'the whole is named with its payer (保险公司保费收入)' },
  '138.6亿元@，人身险138.6亿元': { fields: ['partOf'], why: 'as above' },
  '67.7%@1.4亿人次，比上年增长67.7%': { fields: ['measure'], why: 'the growth borrows the measure jieba gives the level (游客)' },
  '316个@其中医院、卫生院316个': {
    fields: ['measure', 'partOf'],
    why: "a counted figure takes jieba's last noun (卫生院); the whole is counted with another measure word",
  },
  '54229张@316个，床位54229张': { fields: ['partOf'], why: 'the part follows a second figure of the 其中 list' },
  '100%@地表水断面水质达标率100%': { fields: ['measure'], why: 'the measure keeps its qualifier 国考、省考' },
  '100%@安全利用率均保持100%': { fields: ['measure'], why: 'one figure for two measures (农用地和建设用地安全利用率)' },
};

/** A period agrees when it is the table's, or (inherited from the document) names the table's year. */
function samePeriod(got: string | null, want: FieldRecord): boolean {
  if (got === want.period) return true;
  const year = /(?:19|20)\d{2}/.exec(want.period ?? '')?.[0];
  return want.periodInherited && year !== undefined && (got ?? '').includes(year);
}

function agrees(field: Field, got: Figure, want: FieldRecord): boolean {
  switch (field) {
    case 'role':
      return got.role === want.role;
    case 'value':
      return Math.abs(got.value - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value));
    case 'measure':
      return got.measure !== null && want.measure.includes(got.measure);
    case 'entity':
      return got.entity === want.entity;
    case 'period':
      return samePeriod(got.period, want);
    case 'base':
      return got.base === want.base;
    case 'partOf':
      return got.partOf === want.partOf;
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.each(SETS)('figure fields of $name', (set) => {
  const text = readFileSync(set.document, 'utf8');
  const records = z.array(RecordSchema).parse(JSON.parse(readFileSync(fixture(set.table), 'utf8')));
  let engine: Engine;
  beforeAll(async () => {
    let dir = new URL('../../corpus', import.meta.url).pathname;
    if (set.corpus === 'alone') {
      dir = mkdtempSync(join(tmpdir(), 'factbot-fields-'));
      dirs.push(dir);
      copyFileSync(set.document, join(dir, set.document.split('/').pop()!));
    }
    ({ engine } = await buildEngineFromDir(dir));
  });

  /** The figure a record describes: the one whose raw text stands where the record's clause puts it. */
  function figureOf(r: FieldRecord): Figure | undefined {
    const at = text.indexOf(r.clause) + r.clause.indexOf(r.raw);
    const fact = engine.facts.find((f) => f.start <= at && at < f.end);
    return fact?.figures.find((g) => fact.start + g.start === at);
  }

  const parsed = records.filter((r) => !(r.raw === '亿元' || r.raw.includes('‰')));
  it.each(parsed.map((r) => [`${r.raw}@${r.clause}`, r] as const))('%s', (key, r) => {
    const got = figureOf(r);
    expect(got, 'the figure is parsed').toBeDefined();
    const known = KNOWN[key]?.fields ?? [];
    for (const field of FIELDS) {
      const ok = agrees(field, got!, r);
      if (known.includes(field)) expect(ok, `${field} is a known difference (${KNOWN[key]!.why}); remove it from KNOWN`).toBe(false);
      else expect(ok, `${field}: table ${JSON.stringify(r[field])}, extractor ${JSON.stringify(got![field])}`).toBe(true);
    }
  });

  it('leaves out only what the parser does not take as figures yet: 亿元 inside 亿元以上, per-mille rates (‰)', () => {
    expect(records.length - parsed.length).toBeLessThanOrEqual(4);
  });
});
