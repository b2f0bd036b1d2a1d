import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/text/normalize.js';

describe('normalizeQuestion (Traditional → Simplified)', () => {
  it("maps Taiwan's own words to the mainland's, as a reader in Taipei asks about a document from Beijing", () => {
    expect(normalizeQuestion('全州網際網路寬頻戶數有多少？').text).toBe('全州互联网宽带户数有多少?');
    expect(normalizeQuestion('年末行動電話用戶達到多少戶？').text).toBe('年末移动电话用户达到多少户?');
    expect(normalizeQuestion('全州網際網路寬頻戶數有多少？').traditional).toBe(true);
  });

  it('leaves a Simplified question as it is', () => {
    expect(normalizeQuestion('年末移动电话用户达到多少户？')).toEqual({ text: '年末移动电话用户达到多少户?', traditional: false });
  });
});
