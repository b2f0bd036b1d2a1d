import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { chunkMatch, matchedChars, pickFigure, type PickRequest } from '../../../src/app/compute/pick-figure.js';
import { seedEngine } from '../../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

function pick(question: string, req: Partial<PickRequest> & { label: string }): string | null {
  const answer = engine.ask(question, { limit: 5 });
  if (answer.kind !== 'found') return null;
  return pickFigure(answer.hits, { metric: null, classifier: null, kinds: ['count', 'people', 'money'], ...req })?.figure.raw ?? null;
}

describe('matchedChars', () => {
  it('covers a name by shared pieces of two characters or more', () => {
    expect(matchedChars('博士后工作站', '博士后科研工作站14个')).toBe(6);
    expect(chunkMatch('院士工作站', '博士后科研工作站')).toBeCloseTo(0.6);
  });

  it('ignores single scattered characters', () => {
    expect(matchedChars('国家级', '国内的家具级别')).toBe(0);
  });
});

describe('pickFigure', () => {
  it('tells the whole from its part in one sentence (市场主体 5.49万户, 其中新登记企业 6200户)', () => {
    expect(pick('市场主体有多少？', { label: '市场主体' })).toBe('5.49万户');
    expect(pick('新登记企业有多少？', { label: '新登记企业' })).toBe('6200户');
  });

  it('carries the subject over 其中 (61家双创载体, 其中国家级19家)', () => {
    expect(pick('国家级双创载体有多少？', { label: '国家级双创载体' })).toBe('19家');
    expect(pick('双创载体有多少？', { label: '双创载体' })).toBe('61家');
  });

  it('prefers the figure whose qualifiers match (总数 529家 over 新认定 86家)', () => {
    expect(pick('科技型中小企业总数有多少？', { label: '科技型中小企业总数' })).toBe('529家');
    expect(pick('新认定国家高新技术企业有多少？', { label: '新认定国家高新技术企业' })).toBe('74家');
    expect(pick('国家高新技术企业有多少？', { label: '国家高新技术企业' })).toBe('412家');
  });

  it('reads a noun written after the figure (6个双创示范园区)', () => {
    expect(pick('双创示范园区有多少个？', { label: '双创示范园区', classifier: '个' })).toBe('6个');
  });

  it('takes the measure asked for (计划投资 414.5亿元, not 91个)', () => {
    expect(pick('智能制造计划投资是多少？', { label: '智能制造', metric: '计划投资', kinds: ['money'] })).toBe('414.5亿元');
    expect(pick('智能制造在建项目有多少个？', { label: '智能制造', metric: '在建项目', kinds: ['count'] })).toBe('91个');
  });

  it('finds nothing when no fact names the subject before a fitting figure', () => {
    expect(pick('休闲养老在建项目有多少个？', { label: '休闲养老', metric: '在建项目', kinds: ['count'] })).toBeNull();
    expect(pick('智能制造产值是多少？', { label: '智能制造', metric: '产值', kinds: ['money'] })).toBeNull();
  });
});
