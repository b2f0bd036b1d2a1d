/**
 * Values listed against names listed: "第一、二、三次产业对经济增长的贡献率分别为8.9%、27.7%和63.4%" is the first
 * industry's contribution 8.9%, the second's 27.7%, the tertiary's 63.4%; "小学、初中和高中在校学生分别为10.2万人、
 * 8.1万人和5.3万人" the pupils of each school. Each value takes the measure with its own name in place of the list —
 * what a reader asks for ("第三产业对经济增长的贡献率是多少"). Only as many names as values, in one clause, are read so.
 */
import type { Fact } from './fact.js';

/** The industries by their ordinals, written together: 第一、二、三次产业, 一、二、三产业, 第一、第二、第三产业. */
const ORDINAL_INDUSTRIES = /第?一、第?二、第?三(?:次)?产业/;
const INDUSTRIES = ['第一产业', '第二产业', '第三产业'] as const;
/** Names listed: two to eight, joined by 、 with 和/及/与 before the last ("小学、初中和高中"). */
const NAME = '[\\u4e00-\\u9fffA-Za-z]{1,8}';
const NAMES = new RegExp(`(${NAME}(?:、${NAME}){0,6})(?:和|及|与|、)(${NAME})`);
/** What stands between one listed value and the next. */
const VALUE_JOINER = /^(?:、|和|及|与|，|,)$/;
/** The verb that hands the names their values, and 分别 before it. */
const GIVES = /(?:分别)?(?:为|是|达到?|占|有)$/;

/** The measures of a fact's listed values, set in place; the figures are the fact's own (changed in place). */
export function distributeListedValues(fact: Fact): void {
  const { figures, text } = fact;
  for (let i = 0; i < figures.length;) {
    // A run of values of one kind and unit, joined only by 、, 和 …
    let j = i;
    while (
      j + 1 < figures.length &&
      figures[j + 1]!.kind === figures[i]!.kind &&
      figures[j + 1]!.unit === figures[i]!.unit &&
      VALUE_JOINER.test(text.slice(figures[j]!.end, figures[j + 1]!.start))
    )
      j++;
    const run = figures.slice(i, j + 1);
    i = j + 1;
    if (run.length < 2 || run.some((f) => f.kind === 'date' || f.kind === 'label')) continue;
    const clauseStart = Math.max(...['，', '。', '；', '：'].map((p) => text.lastIndexOf(p, run[0]!.start - 1))) + 1;
    const before = text.slice(clauseStart, run[0]!.start);
    const gives = GIVES.exec(before);
    if (!gives) continue;
    const head = before.slice(0, gives.index);
    const names = namesIn(head, run.length);
    if (!names) continue;
    // The measure the first value was given, with its own name for the list where it holds the list (第一、二、三次
    // 产业增加值 → 第一产业增加值); else the words before the values.
    const list = head.slice(names.start, names.end);
    const stated = run[0]!.measure;
    const [pre, post] = stated?.includes(list)
      ? [stated.slice(0, stated.indexOf(list)), stated.slice(stated.indexOf(list) + list.length)]
      : [head.slice(0, names.start).replace(/^(?:其中|在[^，]{0,8}中)/, ''), head.slice(names.end)];
    run.forEach((f, k) => {
      f.measure = pre + names.names[k]! + post.replace(/分别$/, '');
    });
  }
}

/** The names listed in a measure, as many as there are values: where the list stands and each name. */
function namesIn(head: string, count: number): { start: number; end: number; names: string[] } | null {
  const ordinal = ORDINAL_INDUSTRIES.exec(head);
  if (ordinal && count === 3) return { start: ordinal.index, end: ordinal.index + ordinal[0].length, names: [...INDUSTRIES] };
  const listed = NAMES.exec(head);
  if (!listed || count < 3) return null;
  const parts = [...listed[1]!.split('、'), listed[2]!];
  if (parts.length !== count) return null;
  // The first and the last run into the words around the list (全州小学, 高中在校学生): the names in between say how
  // long a name is.
  const length = parts[1]!.length;
  if (parts.slice(1, -1).some((p) => p.length !== length) || parts[0]!.length < length || parts[count - 1]!.length < length) return null;
  const start = listed.index + parts[0]!.length - length;
  const lastStart = listed.index + listed[0].length - parts[count - 1]!.length;
  const names = [parts[0]!.slice(-length), ...parts.slice(1, -1), parts[count - 1]!.slice(0, length)];
  return { start, end: lastStart + length, names };
}
