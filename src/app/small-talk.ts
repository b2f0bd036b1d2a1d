/**
 * Small talk: greetings, thanks, goodbyes, "who are you / what can you do" and "what is this document
 * about", told from questions by word lists. A message is small talk only when every piece of it (cut at
 * punctuation) is one of these phrases, so "你好，浑南区有多少家高新技术企业？" stays a question (its greeting
 * is set aside: leadingGreeting).
 */
import { questionLanguage, toSimplified } from '../text/index.js';

export const SMALL_TALK_KINDS = [
  'greeting',
  'thanks',
  'goodbye',
  'about-bot',
  'about-document',
  'document-source',
] as const satisfies readonly string[];
export type SmallTalkKind = (typeof SMALL_TALK_KINDS)[number];

export interface SmallTalk {
  kind: SmallTalkKind;
  /** The language it was said in: English when it has no Han character. */
  language: 'zh' | 'en';
}

/** What a document is called in a question about it, when it was published, and the verbs of publishing. */
const DOC_NOUN = '(?:文章|文件|文档|报告|公报|信息|消息|新闻|通知|材料|资料|本文)';
const WHEN = '哪天|哪一天|什么时候|何时|几号|哪年|哪一年|什么日子';
const PUBLISH = '发布|发表|印发|公布|刊登|发出|刊发|出版';

/** Particles and fillers that may stand around a phrase ("你好呀", "谢谢啦", "ok thanks"). */
const ZH_TAIL = '(?:啊|呀|哦|喔|哈|嘛|呢|吧|啦|了|哇|嗯|~)*';
const ZH_HEAD = '(?:嗯|哦|喂|那个|好的|好|嗨|哈喽|请问|小助手|机器人|bot)?';

const ZH: Record<SmallTalkKind, string[]> = {
  greeting: [
    '你好',
    '您好',
    '你们好',
    '大家好',
    '哈喽',
    '嗨',
    '喂',
    '早',
    '早上好',
    '上午好',
    '中午好',
    '下午好',
    '晚上好',
    '早安',
    '在吗',
    '在不在',
    '有人吗',
  ],
  thanks: [
    '谢谢',
    '谢谢你',
    '谢谢您',
    '多谢',
    '感谢',
    '非常感谢',
    '太感谢了',
    '谢了',
    '谢啦',
    '辛苦了',
    '好的谢谢',
    '明白了',
    '知道了',
    '好的',
    '收到',
    '懂了',
  ],
  goodbye: ['再见', '拜拜', '回头见', '下次见', '晚安', '先这样', '没有了', '没事了'],
  'about-bot': [
    '你是谁',
    '你是什么',
    '你是什么人',
    '你是机器人吗',
    '你叫什么',
    '你叫什么名字',
    '你能做什么',
    '你会做什么',
    '你会什么',
    '你可以做什么',
    '你能干什么',
    '你能干嘛',
    '你有什么用',
    '你有什么功能',
    '能做什么',
    '可以做什么',
    '怎么用',
    '怎么使用',
    '如何使用',
    '怎么提问',
    '如何提问',
    '我该问什么',
    '我可以问什么',
    '可以问什么',
    '能问什么',
    '问什么',
    '帮助',
    '使用说明',
  ],
  // "这篇文章是哪天发布的", "信息来源是哪里": when and by whom the document was published.
  'document-source': [
    `(?:这篇|这份|这条|这个|本|该)?(?:[^，。？?]{0,24}?的)?${DOC_NOUN}(?:是)?(?:在)?(?:${WHEN}|谁|哪个单位|哪个部门|哪里|哪家)(?:${PUBLISH})(?:的)?`,
    `(?:这篇|这份|这条|这个|本|该)?(?:[^，。？?]{0,24}?的)?${DOC_NOUN}?(?:的)?(?:${PUBLISH})(?:日期|时间|单位|机关|部门)(?:是)?(?:${WHEN}|谁|哪个|什么|哪里)?`,
    `(?:这篇|这份|这条|这个|本|该)(?:[^，。？?]{0,24}?的)?${DOC_NOUN}(?:的)?(?:信息)?(?:来源|出处)(?:是)?(?:哪里|什么|哪儿)?`,
    `(?:信息)?(?:来源|出处)(?:是)?(?:哪里|什么|哪儿)`,
    // "文中的数据是哪个部门提供的": who the document credits.
    `(?:文中|文章中|本文|这篇文章|这份文件)?(?:的)?[^，。？?]{0,24}?(?:数据|信息|资料|材料|稿件)(?:是)?(?:由)?[^，。？?]{0,8}?(?:哪个|哪家|什么)(?:单位|部门|机构|机关)(?:提供|供稿|发布|撰写|编写)(?:的)?`,
    // "文中数据统计的是哪个时间段": the time the document covers.
    `(?:文中|文章中|本文|这篇文章|这份文件|这份公报|这份报告)?(?:的)?[^，。？?]{0,24}?(?:数据|统计)(?:统计)?(?:的)?(?:是)?(?:哪个|什么|哪一个?)(?:时间段|时段|时期|期间|时间范围)(?:的)?(?:数据)?`,
    // "这篇文章在网站上属于哪个栏目": where its site files it.
    `(?:这篇|这份|这条|这个|本|该)?${DOC_NOUN}?[^，。？?]{0,16}?(?:属于|在|归在|放在|位于)(?:哪个|什么|哪一个)(?:栏目|频道|板块|专栏)(?:里|下|中)?`,
  ],
  'about-document': [
    '(?:这份|这个|这篇|这|该|你的)?(?:文件|文档|材料|资料|报告|文章)(?:主要)?(?:讲|说|写|介绍|包含|涉及|是关于|关于|有)(?:了|的是)?(?:些)?(?:什么|啥|哪些)(?:内容|东西)?(?:的)?',
    '(?:这|这个|这份)?是(?:什么|哪份|哪个)(?:文件|文档|材料|资料)',
    '(?:文件|文档)(?:的)?(?:内容|主题)(?:是什么)?',
    '你(?:都)?知道(?:些)?什么',
    '你(?:都)?有(?:哪些|什么)(?:数据|内容|资料)',
    '有(?:哪些|什么)(?:数据|内容|资料)',
  ],
};

const EN: Record<SmallTalkKind, string[]> = {
  greeting: [
    'hi',
    'hello',
    'hey',
    'hiya',
    'howdy',
    'yo',
    'greetings',
    'good (?:morning|afternoon|evening|day)',
    'hi there',
    'hello there',
    'hey there',
    'how are you(?: doing)?',
    'are you there',
  ],
  thanks: [
    'thanks?(?: you)?(?: (?:very|so) much)?(?: a lot)?',
    'thx',
    'ty',
    'cheers',
    'many thanks',
    'much appreciated',
    'great',
    'cool',
    'nice',
    'ok(?:ay)?',
    'got it',
    'perfect',
  ],
  goodbye: ['bye', 'goodbye', 'bye bye', 'see you(?: later)?', 'see ya', 'good night', "that'?s all", 'later'],
  'about-bot': [
    'who are you',
    'what are you',
    "what(?: i|')s your name",
    'what can you do',
    'what do you do',
    'what can i ask(?: you)?',
    'what should i ask',
    'how do (?:i|you) use (?:this|you|it)(?: bot)?',
    'how does this work',
    'how do i ask',
    'help(?: me)?',
    'are you a bot',
  ],
  'document-source': [
    'when (?:was|were) (?:this|the|these) (?:document|file|report|article|page|text|bulletin)s? (?:published|released|issued|posted)',
    'who (?:published|released|issued|wrote) (?:this|the) (?:document|file|report|article|page|text|bulletin)',
    "what(?: i|')s the (?:source|publication date|date) of (?:this|the) (?:document|file|report|article|page|text|bulletin)",
    'where (?:is|does) (?:this|the) (?:document|file|report|article|page|text) (?:from|come from)',
  ],
  'about-document': [
    "what(?: i|')s (?:this|the) (?:document|file|report|text) about",
    'what (?:does|do) (?:this|the) (?:document|file|report|text)s? (?:cover|say|contain)',
    'what (?:is|are) (?:in )?(?:this|the) (?:document|file|report)s?',
    'what do you know(?: about)?',
    'what (?:data|topics|information) do you have',
    'which documents?(?: do you have)?',
  ],
};

const ORDER: readonly SmallTalkKind[] = ['document-source', 'about-document', 'about-bot', 'goodbye', 'thanks', 'greeting'];

function compile(table: Record<SmallTalkKind, string[]>, head: string, tail: string, flags: string): Map<SmallTalkKind, RegExp> {
  return new Map(ORDER.map((kind) => [kind, new RegExp(`^${head}(?:${table[kind].join('|')})${tail}$`, flags)]));
}

const ZH_PATTERNS = compile(ZH, ZH_HEAD, ZH_TAIL, 'u');
const EN_PATTERNS = compile(EN, '(?:oh |well |ok(?:ay)? |so |um+ |hey |hi |and )?(?:bot )?', '(?: again| too| then| bot| factbot)?', 'i');

/** Piece separators: punctuation, emoji and symbols. */
const SEPARATORS = /(?:[\s,，.。!！?？;；:：、~～…()（）"“”‘]|\p{Extended_Pictographic}|\u200d|\ufe0f)+/u;
const HAS_HAN = /[\u3400-\u9FFF]/;

function kindOfPiece(piece: string): SmallTalkKind | null {
  const patterns = HAS_HAN.test(piece) ? ZH_PATTERNS : EN_PATTERNS;
  for (const [kind, re] of patterns) if (re.test(piece)) return kind;
  return null;
}

/** The pieces of a message: Chinese cut at punctuation; English kept as one piece per sentence-ish part. */
function piecesOf(text: string): string[] {
  // (A message in Traditional characters read as Simplified: 這篇文章的發布日期.)
  const nfkc = text.normalize('NFKC');
  return (questionLanguage(nfkc) === 'zh-Hant' ? toSimplified(nfkc) : nfkc)
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/@\w+/g, ' ')
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * What a message says when it is small talk, or null for a question. Longest messages read: 60 characters
 * (a question of its own is never taken for chat because it is long).
 */
export function readSmallTalk(text: string): SmallTalk | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 60) return null;
  const language = HAS_HAN.test(trimmed) ? 'zh' : 'en';
  // English is read as a whole first ("what can you do"), then cut at punctuation ("hi, what can you do?").
  const whole = language === 'en' ? kindOfPiece(piecesOf(trimmed).join(' ')) : null;
  if (whole !== null) return { kind: whole, language };
  const pieces = piecesOf(trimmed);
  if (pieces.length === 0) return null;
  const kinds: SmallTalkKind[] = [];
  for (const piece of pieces) {
    const kind = kindOfPiece(piece);
    if (kind === null) return null;
    kinds.push(kind);
  }
  // "你好，你能做什么？" asks what the bot does: the most telling kind wins.
  const kind = ORDER.find((k) => kinds.includes(k))!;
  return { kind, language };
}

const LEADING_GREETING =
  /^(?:(?:你好|您好|你们好|大家好|哈喽|嗨|早上好|上午好|下午好|晚上好|请问|hi|hello|hey)(?:啊|呀)?[\s,，.。!！~、]+)+/iu;

/** A question with a greeting in front ("你好，浑南区有多少家高新技术企业？"): the question alone. */
export function withoutGreeting(text: string): string {
  const rest = text.replace(LEADING_GREETING, '');
  return rest.trim() === '' ? text : rest;
}
