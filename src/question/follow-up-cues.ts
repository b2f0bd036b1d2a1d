/**
 * Whether a question leans on the one before it: a short fragment such as "那计划投资呢？" or "what about
 * new energy vehicles?" names only what changes. Read once, with the rest of the question frame; the
 * application rewrites such a question against the previous one (app/context/follow-up.ts).
 */

/** Longest follow-up body read as a fragment ("那生物医药与健康医疗产业呢" still is one). */
export const MAX_FOLLOW_UP_CHARS = 12;

/** Words that make a fragment a question of its own ("那新能源汽车有多少个呢" is complete). */
export const QUESTION_WORDS = /多少|几|什么|哪|怎么|如何|吗|谁|是否|有没有|多大|多久|多长|为何|为什么/;
const ZH_FOLLOW_UP = /^(?:那么?|那个|还有|另外|再问一下|那请问|请问)?[，,\s]*(.+?)(?:的情况|的数据|的)?(?:呢|咧|嘞)$/;
const ZH_LEAD_ONLY = /^(?:那么?|还有|另外)[，,\s]*(.+?)(?:的情况|的数据)?$/;
export const FULL_QUESTION_LEAD = /^(?:我?想知道|我想了解|请?告诉我|我想问|请介绍)/;
export const TIME_BODY = /^(?:(?:19|20)\d{2}年?(?:上半年|下半年|全年)?|去年(?:同期)?|今年(?:以来)?|上半年|下半年|目前|现在)$/;

/** The fragment of a Chinese follow-up ("计划投资" from "那计划投资呢？"), or null for a full question. */
export function chineseBody(question: string): string | null {
  const q = question.replace(/[\s？?。！!…]+$/u, '');
  // "想知道沈阳市浑南区常住人口的数字呢" asks in full, however it ends.
  if (FULL_QUESTION_LEAD.test(q)) return null;
  const m = ZH_FOLLOW_UP.exec(q) ?? ZH_LEAD_ONLY.exec(q);
  const body = m?.[1]?.replace(/^(?:是|关于|对于)/, '').trim();
  if (!body || body.length > MAX_FOLLOW_UP_CHARS || QUESTION_WORDS.test(body)) return null;
  return body;
}

const EN_FOLLOW_UP = [
  /^(?:and |so |ok,? |okay,? )?(?:what|how) about (.+)$/i,
  /^(?:and |so )?(?:the )?same (?:for|about) (.+)$/i,
  /^(?:and |so )?what of (.+)$/i,
  /^and (.+)$/i,
];
/** Longest English follow-up body, in words. */
const MAX_BODY_WORDS = 6;
const EN_QUESTION_WORDS = /\b(?:how many|how much|what is|what are|which|when|where|who|is there|are there|does|do)\b/i;

/** The fragment of an English follow-up ("new energy vehicles"), or null for a full question. */
export function englishBody(question: string): string | null {
  const q = question
    .trim()
    .replace(/[?？.!]+$/, '')
    .trim();
  for (const re of EN_FOLLOW_UP) {
    const m = re.exec(q);
    if (!m) continue;
    const body = m[1]!.replace(/^(?:the|for|in|of|on|with)\s+/i, '').trim();
    if (!body || body.split(/\s+/).length > MAX_BODY_WORDS || EN_QUESTION_WORDS.test(body)) return null;
    return body;
  }
  return null;
}
