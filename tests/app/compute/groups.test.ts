import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answer/engine-types.js';
import { expandGroup } from '../../../src/app/compute/groups.js';
import { seedEngine } from '../../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('expandGroup', () => {
  it('reads the three leading industries from the document', () => {
    expect(expandGroup({ name: '三大主导产业', noun: '主导产业', size: 3 }, engine.facts)).toEqual([
      '智能制造',
      '新能源汽车',
      '生物医药与健康医疗',
    ]);
  });

  it('finds the group by its noun when the question gives no number ("哪个产业")', () => {
    expect(expandGroup({ name: '产业', noun: '产业', size: null }, engine.facts)).toEqual(['智能制造', '新能源汽车', '生物医药与健康医疗']);
  });

  it('cuts the verb that opens the list and the 等 that closes it', () => {
    const facts = [{ text: '重点发展甲产业、乙产业等两大产业。' }];
    expect(expandGroup({ name: '两大产业', noun: '产业', size: 2 }, facts)).toEqual(['甲产业', '乙产业']);
  });

  it('is null when the size does not match what the document lists', () => {
    expect(expandGroup({ name: '五大主导产业', noun: '主导产业', size: 5 }, engine.facts)).toBeNull();
  });

  it('is null for a group the document names but does not enumerate', () => {
    expect(expandGroup({ name: '16个细分领域', noun: '领域', size: 16 }, engine.facts)).toBeNull();
  });
});
