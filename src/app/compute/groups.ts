/**
 * A named group read from the document itself: "构建完善智能制造、新能源汽车、生物医药与健康医疗
 * 三大主导产业" makes 三大主导产业 the three names listed before it. No table of groups is kept:
 * a group the document does not enumerate stays unknown, and the answer says so.
 */
import { parseChineseNumber } from '../../facts/index.js';

export interface GroupSpec {
  /** As the question names it: "三大主导产业", "三大产业", "主导产业". */
  name: string;
  /** The noun the members share: "主导产业", "产业". */
  noun: string;
  /** How many members the question says there are, or null. */
  size: number | null;
}

/** Punctuation that ends the list before a group name. */
const LIST_START = /[，。；：！？“”《》（）(),;:]/;
/** Verbs and particles that open a list ("构建完善智能制造、…"), cut from its first item. */
const LEAD_WORDS =
  /^(?:构建|完善|建设|打造|形成|包括|包含|涵盖|拥有|发展|聚焦|围绕|培育|壮大|做大|做强|重点|突出|推进|加快|即|为|是|有|以|和|及|等)+/;
const NUMERAL = '[一二两三四五六七八九十]+|\\d+';

/** Members of the group as the document lists them, or null when no fact enumerates it. */
export function expandGroup(group: GroupSpec, facts: readonly { text: string }[]): string[] | null {
  const escaped = group.noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(${NUMERAL})[大个类项种条][\\u4e00-\\u9fa5]{0,4}?${escaped}`, 'g');
  for (const fact of facts) {
    re.lastIndex = 0;
    for (let m = re.exec(fact.text); m; m = re.exec(fact.text)) {
      const size = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
      if (group.size !== null && size !== group.size) continue;
      const members = listBefore(fact.text, m.index);
      if (members.length >= 2 && members.length === size) return members;
    }
  }
  return null;
}

/** The "、"-separated names that end at `end`, back to the start of the clause. */
function listBefore(text: string, end: number): string[] {
  let start = end;
  while (start > 0 && !LIST_START.test(text[start - 1]!)) start--;
  const items = text.slice(start, end).split('、');
  if (items.length < 2) return [];
  items[0] = items[0]!.replace(LEAD_WORDS, '');
  items[items.length - 1] = items[items.length - 1]!.replace(/等$/, '');
  return items.every((s) => s.length >= 2 && s.length <= 12) ? items : [];
}
