// Distinct questions for the load bench: what the corpus measures (figure subjects, sections), asked in many
// phrasings, plus a share of questions the document cannot answer — every one different, so nothing in
// the bot can answer from a cache.
import type { Engine } from '../../src/answer/engine-types.js';
import { chineseBody } from '../../src/question/follow-up-cues.js';

const TEMPLATES = [
  '{s}有多少？',
  '{s}是多少？',
  '请问{s}有多少？',
  '{s}多少',
  '{s}一共有多少？',
  '想知道{s}的数字',
  '{s}的数据是多少？',
  '{s}有几个？',
] as const;
const PREFIXES = ['', '浑南区', '沈阳市浑南区', '浑南'] as const;
const SUFFIXES = ['', '呢', '啊', '？'] as const;
/** Questions about things the document does not cover (about one in twenty). */
const OFF_TOPIC = ['今天天气怎么样', '火星上有多少人', '明年的彩票号码是多少', '北京地铁有几条线'] as const;

/** `count` distinct questions, deterministic for a given engine. */
export function loadQuestions(engine: Engine, count: number): string[] {
  const subjects = new Set<string>();
  for (const fact of engine.facts) {
    for (const figure of fact.figures) if (figure.subject && figure.subject.length <= 12) subjects.add(figure.subject);
    if (fact.subject && fact.subject.length <= 12) subjects.add(fact.subject);
  }
  for (const topic of engine.topics()) subjects.add(topic.section);
  const questions = new Set<string>();
  let round = 0;
  while (questions.size < count) {
    for (const s of subjects) {
      for (const template of TEMPLATES) {
        for (const prefix of PREFIXES) {
          for (const suffix of SUFFIXES) {
            if (questions.size >= count) return [...questions];
            const subject = s.startsWith(prefix) ? s : prefix + s;
            const base = template.replace('{s}', subject) + suffix;
            // A follow-up shape ("常住人口呢") depends on the asker's previous question: not a load question.
            if (chineseBody(base) !== null) continue;
            questions.add(round === 0 ? base : `${base}（第${round}问）`);
            if (questions.size % 20 === 0 && questions.size < count) {
              questions.add(`${OFF_TOPIC[questions.size % OFF_TOPIC.length]}？（${questions.size}）`);
            }
          }
        }
      }
    }
    round += 1;
  }
  return [...questions].slice(0, count);
}
