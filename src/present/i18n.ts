// UI texts in Chinese (default), English, and Chinese in Traditional characters (converted from the Chinese
// table by OpenCC). Document text is never translated, only the frame around it.
// These are plain strings: render.ts escapes them like any other text.
import type { DocumentCredits } from '../app/index.js';
import type { QuestionLanguage } from '../text/index.js';
import { traditionalTexts } from './traditional.js';

export const LANGS = ['zh', 'en'] as const satisfies readonly string[];
/** The user's interface language, from their Telegram language_code. */
export type Lang = (typeof LANGS)[number];

/** English UI for users whose Telegram language_code starts with "en"; Chinese for everyone else. */
export function pickLang(languageCode: string | undefined | null): Lang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The language of a reply's frame: a UI language, or Chinese in Traditional characters. */
export type Locale = Lang | 'zh-Hant';

/**
 * The frame of a reply to a question. An English question gets an English frame whatever the user's
 * language_code (they have just shown they read English); otherwise the frame follows language_code, in
 * Traditional characters when the question was written in them.
 */
export function replyLocale(lang: Lang, language: QuestionLanguage = 'zh-Hans'): Locale {
  if (language === 'en' || lang === 'en') return 'en';
  return language === 'zh-Hant' ? 'zh-Hant' : 'zh';
}

export interface Texts {
  /** Stands in for an example question when the corpus offers none of its own. */
  anyQuestion: string;
  moreButton: string;
  answerLabel: string;
  questionLabel: string;
  relatedHeading: string;
  relatedTo: (what: string) => string;
  sourceLabel: string;
  /** The link after a citation to the document's web page, the cited span marked. */
  sourcePage: string;
  /** Where in the document: paragraph, sentence, and the clause when the sentence is split at "；". */
  paragraph: (paragraph: number, sentence: number, clause: number | null) => string;
  /** The page of a paged document (PDF). */
  page: (page: number) => string;
  notFound: (question: string) => string;
  /**
   * The document has the measure, but not for what was asked: what it lacks, then what it does give — the
   * other year ("文档没有给出2015年的区域总面积；文档（2019年）给出的是：区域总面积803平方公里。"), the other place,
   * or the whole where a part was asked. Never the other figure as the answer.
   */
  nearPeriod: (asked: string, measure: string, period: string, figure: string) => string;
  nearEntity: (asked: string, measure: string, entity: string, figure: string) => string;
  nearScope: (asked: string, measure: string, figure: string) => string;
  /** The label before the cited sentence of a near answer. */
  nearSource: string;
  tryInstead: string;
  invalid: { empty: string; 'too-long': string; 'no-words': string };
  forExample: (question: string) => string;
  askUsage: (example: string) => string;
  greeting: (covers: string, sections: string) => string;
  helpTitle: string;
  help: (bot: string, example: string) => string[];
  topicsHeading: string;
  topicsExample: string;
  sourceHeading: string;
  publisher: string;
  period: string;
  file: string;
  factCount: (count: number) => string;
  unknown: string;
  nonText: (example: string) => string;
  unknownCommand: string;
  rateLimited: (max: number, seconds: number) => string;
  chatRateLimited: (max: number, seconds: number) => string;
  /** Said once in a group that is not in ALLOWED_CHAT_IDS, before leaving it. */
  notAllowedGroup: string;
  /** The answer in a private chat that is not in ALLOWED_CHAT_IDS. */
  notAllowedPrivate: string;
  failed: string;
  noMoreRelated: string;
  factGone: string;
  openChat: string;
  /** Small talk: the answer to a greeting, thanks, goodbye, "who are you" and "what is this document about". */
  talk: {
    greeting: string;
    thanks: string;
    goodbye: string;
    /** Who the bot is and what it answers from. */
    aboutBot: (covers: string) => string;
    /** What the documents cover: their titles and sections. */
    aboutDocument: (covers: string, sections: string) => string;
    /** When and by whom a document was published, as far as the file says. */
    /** When and by whom a document was published, and what else it says of its source. */
    documentSource: (doc: DocumentCredits) => string;
    /** How to ask, with questions the document answers. */
    howToAsk: string;
    /** In a group, where privacy mode lets the bot see only commands, mentions and replies. */
    howToAskGroup: (bot: string) => string;
  };
  /** /start in a group: how to reach the bot there. */
  groupGreeting: (covers: string, bot: string) => string;
  /** The 原文 / context button and the view it opens. */
  contextButton: string;
  contextHeading: string;
  tableHeading: (title: string | null) => string;
  /** How a follow-up was read, after the echoed question. */
  readAs: { sameSentence: string; alone: string };
  /** Inline mode, when nothing answers. */
  inlineNotFoundTitle: string;
  inlineNotFoundHint: string;
  /** The button under inline results that opens the private chat. */
  openPrivateChat: string;
  commands: { start: string; help: string; ask: string; topics: string; source: string; documents: string; remove: string; export: string };
}

const zh: Texts = {
  anyQuestion: '你的问题',
  moreButton: '更多相关数据',
  answerLabel: '答案',
  questionLabel: '问',
  relatedHeading: '相关数据',
  relatedTo: (what) => `与“${what}”相关的数据`,
  sourceLabel: '出处',
  sourcePage: '网页原文',
  paragraph: (paragraph, sentence, clause) => `第${paragraph}段第${sentence}句${clause ? `第${clause}分句` : ''}`,
  page: (page) => `第${page}页`,
  notFound: (question) => `文档中没有找到“${question}”的确切数据。`,
  nearPeriod: (asked, measure, period, figure) => `文档没有给出${asked}的${measure}；文档（${period}）给出的是：${measure}${figure}。`,
  nearEntity: (asked, measure, entity, figure) => `文档没有给出${asked}的${measure}；文档给出的是${entity}的：${measure}${figure}。`,
  nearScope: (asked, measure, figure) => `文档没有单独给出“${asked}”的${measure}；文档给出的是：${measure}${figure}。`,
  nearSource: '原文',
  tryInstead: '可以试试这些问题：',
  invalid: {
    empty: '请发送一个问题。',
    'too-long': '问题太长了，请简短一些。',
    'no-words': '没有看懂这个问题，请用文字提问。',
  },
  forExample: (question) => `例如：${question}`,
  askUsage: (example) => `用法：/ask 问题，例如：/ask ${example}`,
  greeting: (covers, sections) =>
    `你好！我回答关于${covers}的问题，每个答案都给出原文中的确切数字和出处（段落与句子）。${sections ? `内容包括${sections}等。` : ''}点下面的问题试试，或者直接发送你的问题。`,
  helpTitle: '怎么提问',
  help: (bot, example) => [
    `• 私聊：直接发送问题，例如“${example}”`,
    `• 群聊：发送 /ask 问题，或 @${bot} 问题，或回复我的消息`,
    `• 任意聊天：输入 @${bot} 问题，从结果中选一条发送`,
    '• 可以接着追问，如“那计划投资呢？”；也可以问合计和比较，如“三大主导产业在建项目一共有多少个？”',
    '• 简体、繁体、英文提问都可以',
    '每个答案都引用原文句子，并注明段落和句子位置。',
    '/topics 文档包含哪些内容 · /source 文档来源',
  ],
  topicsHeading: '文档包含以下部分（每部分附一个示例问题）：',
  topicsExample: '例如',
  sourceHeading: '数据来源',
  publisher: '发布者',
  period: '时间范围',
  file: '文件',
  factCount: (count) => `共收录 ${count} 条数据`,
  unknown: '未知',
  nonText: (example) => `请用文字发送问题，例如：${example}`,
  unknownCommand: '没有这个命令，发送 /help 查看用法。',
  rateLimited: (max, seconds) => `提问太频繁了：每人每 ${seconds} 秒最多 ${max} 个问题，请稍后再问。`,
  chatRateLimited: (max, seconds) => `本群提问太频繁了：每 ${seconds} 秒最多 ${max} 个问题，请稍后再问。`,
  notAllowedGroup: '抱歉，我只在指定的聊天中回答问题，现在退出本群。再见！',
  notAllowedPrivate: '抱歉，我只在指定的聊天中回答问题。',
  failed: '抱歉，这次回答失败了，请稍后再试。',
  noMoreRelated: '没有更多相关数据了。',
  factGone: '这条数据已不可用，请重新提问。',
  openChat: '请重新提问。',
  talk: {
    greeting: '你好！',
    thanks: '不客气！',
    goodbye: '再见！有问题随时来问。',
    aboutBot: (covers) =>
      `我是文档问答机器人：只根据${covers}回答，每个答案都给出原文句子、确切数字和出处（段落与句子）；文档没有写的，我会直说。`,
    aboutDocument: (covers, sections) => `我收录的文档是${covers}。${sections ? `内容包括${sections}。` : ''}`,
    documentSource: ({ title, date, publisher, source, contributor, column, period }) =>
      `《${title}》：${[
        date ? `发布日期 ${date}` : '文件没有写明发布日期',
        publisher ? `发布单位 ${publisher}` : '文件没有写明发布单位',
        ...(period ? [`所述时期 ${period}`] : []),
        ...(source && source !== publisher ? [`信息来源 ${source}`] : []),
        ...(contributor ? [`供稿 ${contributor}`] : []),
        ...(column ? [`栏目 ${column}`] : []),
      ].join('；')}。`,
    howToAsk: '直接发送问题即可，例如：',
    howToAskGroup: (bot) => `在群里请用 /ask 问题、@${bot} 问题，或回复我的消息来提问，例如：`,
  },
  groupGreeting: (covers, bot) =>
    `你好！我回答关于${covers}的问题，每个答案都给出原文中的确切数字和出处。在群里，请用 /ask 问题、@${bot} 问题，或回复我的消息来提问（我只能看到这些消息）。也可以私聊我。`,
  contextButton: '原文',
  contextHeading: '原文段落',
  tableHeading: (title) => (title ? `表格：${title}` : '表格'),
  readAs: { sameSentence: '（按上一条答案的原句回答）', alone: '（按这句话本身理解）' },
  inlineNotFoundTitle: '不在文档中',
  inlineNotFoundHint: '文档没有给出这个数据。点这里私聊我，看看能问什么。',
  openPrivateChat: '私聊提问',
  commands: {
    start: '开始使用与示例问题',
    help: '怎么提问',
    ask: '提问：/ask 后面写问题',
    topics: '文档包含的内容',
    source: '文档来源',
    documents: '管理：文档列表',
    remove: '管理：移除一份文档',
    export: '管理：导出全部数据（CSV）',
  },
};

const en: Texts = {
  anyQuestion: 'your question',
  moreButton: 'More related data',
  answerLabel: 'Answer',
  questionLabel: 'Q',
  relatedHeading: 'Related data',
  relatedTo: (what) => `Data related to “${what}”`,
  sourceLabel: 'Source',
  sourcePage: 'web page',
  paragraph: (paragraph, sentence, clause) => `paragraph ${paragraph}, sentence ${sentence}${clause ? `, clause ${clause}` : ''}`,
  page: (page) => `page ${page}`,
  notFound: () => 'The document does not say.',
  nearPeriod: (asked, measure, period, figure) =>
    `The document does not give ${measure ? `the ${measure} ` : 'this '}for ${asked.replace(/年$/, '')}. What it gives (${period}): ${figure}.`,
  nearEntity: (asked, measure, entity, figure) =>
    `The document does not give ${measure ? `the ${measure} ` : 'this '}for ${asked}. What it gives, for ${entity}: ${figure}.`,
  nearScope: (asked, measure, figure) =>
    `The document does not break ${measure ? `the ${measure}` : 'this'} down by “${asked}”. What it gives: ${figure}.`,
  nearSource: 'It says',
  tryInstead: 'Try one of these:',
  invalid: {
    empty: 'Please send a question.',
    'too-long': 'That question is too long, please keep it short.',
    'no-words': 'I could not read a question there, please ask in words.',
  },
  forExample: (question) => `For example: ${question}`,
  askUsage: (example) => `Usage: /ask question, e.g. /ask ${example}`,
  greeting: (covers, sections) =>
    `Hello! Ask me about ${covers}: every answer gives the exact figure from the text and where it stands (paragraph and sentence).${sections ? ` It covers ${sections} and more.` : ''} Ask in English or Chinese. Tap one below, or send your own.`,
  helpTitle: 'How to ask',
  help: (bot, example) => [
    `• Private chat: just send a question, e.g. “${example}”`,
    `• Groups: /ask question, or @${bot} question, or reply to one of my messages`,
    `• Any chat: type @${bot} question and pick a result`,
    '• Follow up in a few words (“And the investment?”), or ask for totals and comparisons (“How many projects are under construction in the three leading industries in total?”)',
    '• Ask in English, or in Simplified or Traditional Chinese',
    'Every answer quotes the sentence it comes from, with its paragraph and sentence number.',
    '/topics what the document covers · /source where it comes from',
  ],
  topicsHeading: 'The document has these sections (with a sample question each):',
  topicsExample: 'e.g.',
  sourceHeading: 'Source',
  publisher: 'Publisher',
  period: 'Period',
  file: 'File',
  factCount: (count) => `${count} facts indexed`,
  unknown: 'unknown',
  nonText: (example) => `Please send your question as text, e.g. ${example}`,
  unknownCommand: 'Unknown command, send /help to see how to ask.',
  rateLimited: (max, seconds) => `Too many questions: at most ${max} per ${seconds} seconds per person. Please wait a little.`,
  chatRateLimited: (max, seconds) => `Too many questions in this group: at most ${max} per ${seconds} seconds. Please wait a little.`,
  notAllowedGroup: 'Sorry, I only answer in the chats I was set up for, so I am leaving this group. Goodbye!',
  notAllowedPrivate: 'Sorry, I only answer in the chats I was set up for.',
  failed: 'Sorry, answering failed this time. Please try again later.',
  noMoreRelated: 'No more related data.',
  factGone: 'This fact is no longer available, please ask again.',
  openChat: 'Please ask again.',
  talk: {
    greeting: 'Hello!',
    thanks: 'You are welcome!',
    goodbye: 'Goodbye! Ask again any time.',
    aboutBot: (covers) =>
      `I answer questions from ${covers} only: every answer quotes the sentence, gives the exact figure and says where it stands (paragraph and sentence). When the document does not say, I tell you so.`,
    aboutDocument: (covers, sections) => `My documents: ${covers}.${sections ? ` They cover ${sections}.` : ''}`,
    documentSource: ({ title, date, publisher, source, contributor, column, period }) =>
      `《${title}》: ${[
        date ? `published ${date}` : 'no publication date in the file',
        publisher ? `by ${publisher}` : 'no publisher in the file',
        ...(period ? [`covering ${period}`] : []),
        ...(source && source !== publisher ? [`source: ${source}`] : []),
        ...(contributor ? [`contributed by ${contributor}`] : []),
        ...(column ? [`filed under ${column}`] : []),
      ].join('; ')}.`,
    howToAsk: 'Just send a question, in English or Chinese, for example:',
    howToAskGroup: (bot) => `In a group, ask with /ask question, @${bot} question, or reply to one of my messages, for example:`,
  },
  groupGreeting: (covers, bot) =>
    `Hello! I answer questions about ${covers}, with the exact figure and where it stands. In a group, ask with /ask question, @${bot} question, or reply to one of my messages (those are the messages I can see). You can also message me privately.`,
  contextButton: 'Context',
  contextHeading: 'The paragraph',
  tableHeading: (title) => (title ? `Table: ${title}` : 'Table'),
  readAs: { sameSentence: ' (answered from the sentence just cited)', alone: ' (read on its own)' },
  inlineNotFoundTitle: 'Not in the document',
  inlineNotFoundHint: 'The document does not give this. Tap to open a private chat and see what you can ask.',
  openPrivateChat: 'Ask in a private chat',
  commands: {
    start: 'Start and example questions',
    help: 'How to ask',
    ask: 'Ask a question: /ask followed by it',
    topics: 'What the document covers',
    source: 'Where the document comes from',
    documents: 'Admin: list the documents',
    remove: 'Admin: remove a document',
    export: 'Admin: export every figure (CSV)',
  },
};

export const texts: Record<Lang, Texts> = { zh, en };

let zhHant: Texts | undefined;

/** The texts of a locale; the Traditional table is converted at its first use. */
export function textsFor(locale: Locale): Texts {
  if (locale !== 'zh-Hant') return texts[locale];
  zhHant ??= traditionalTexts(zh);
  return zhHant;
}

/** Texts of the admins' documents features (uploads, /documents, /remove, /export). */
export interface AdminTexts {
  /** A file sent by someone who is not an admin. */
  notAdmin: string;
  /** A documents command (/documents, /remove, /export) from someone who is not an admin. */
  adminOnly: string;
  reading: (file: string) => string;
  tooBig: (size: string, max: string) => string;
  badType: (detail: string, extensions: string) => string;
  unreadable: (detail: string) => string;
  noFacts: string;
  corpusBroken: (detail: string) => string;
  downloadFailed: string;
  previewHeading: (title: string) => string;
  previewFile: (file: string, format: string, size: string) => string;
  previewReplaces: (title: string) => string;
  previewSections: (count: number, names: string) => string;
  previewCounts: (facts: number, figures: number, tables: number) => string;
  previewWarnings: string;
  previewSamples: string;
  previewNoSamples: string;
  previewAsk: string;
  addButton: string;
  discardButton: string;
  added: (title: string, facts: number, documents: number) => string;
  replaced: (title: string, facts: number, documents: number) => string;
  addFailed: (detail: string) => string;
  discarded: string;
  expired: string;
  documentsHeading: (count: number) => string;
  documentFacts: (count: number) => string;
  addedBy: (at: string, name: string) => string;
  addedByHand: string;
  removeUsage: string;
  removeChoose: string;
  removeConfirm: (title: string, facts: number) => string;
  removeButton: string;
  cancelButton: string;
  removed: (title: string, documents: number) => string;
  removeLast: string;
  removeUnknown: string;
  removeFailed: (detail: string) => string;
  cancelled: string;
  exportCaption: (figures: number, documents: number) => string;
  exportFailed: string;
}

const adminZh: AdminTexts = {
  notAdmin: '抱歉，只有管理员可以添加文档。请直接用文字提问。',
  adminOnly: '这个命令只有管理员可以使用。',
  reading: (file) => `正在读取“${file}”……`,
  tooBig: (size, max) => `文件太大（${size}），上限是 ${max}。文档库没有改变。`,
  badType: (detail, extensions) => `不能使用这个文件：${detail}。可以发送 ${extensions} 文件。`,
  unreadable: (detail) => `无法读取这个文件：${detail}。文档库没有改变。`,
  noFacts: '这个文件中没有找到可以回答问题的句子，没有添加。',
  corpusBroken: (detail) => `文档库中有一个文件无法读取，暂时不能添加：${detail}`,
  downloadFailed: '下载文件失败，请稍后再发送一次。',
  previewHeading: (title) => `已读取《${title}》`,
  previewFile: (file, format, size) => `文件：${file}（${format}，${size}）`,
  previewReplaces: (title) => `将替换现有文档《${title}》`,
  previewSections: (count, names) => `章节：${count} 个${names ? `（${names}）` : ''}`,
  previewCounts: (facts, figures, tables) => `数据：${facts} 条句子，${figures} 个数字，${tables} 个表格`,
  previewWarnings: '提醒：',
  previewSamples: '添加后可以回答的问题，例如：',
  previewNoSamples: '（没有找到可作示例的数字问题）',
  previewAsk: '要把它加入文档库吗？',
  addButton: '添加',
  discardButton: '放弃',
  added: (title, facts, documents) => `已添加《${title}》（${facts} 条数据）。现在共有 ${documents} 个文档，可以直接提问。`,
  replaced: (title, facts, documents) => `已替换为新的《${title}》（${facts} 条数据）。现在共有 ${documents} 个文档。`,
  addFailed: (detail) => `没有添加：加入后的文档库构建失败（${detail}），仍在使用原来的文档库。`,
  discarded: '已放弃，文档库没有改变。',
  expired: '这个上传已经处理过或已过期，请重新发送文件。',
  documentsHeading: (count) => `文档库共有 ${count} 个文档：`,
  documentFacts: (count) => `${count} 条数据`,
  addedBy: (at, name) => `${name} 于 ${at} 添加`,
  addedByHand: '直接放入文件夹',
  removeUsage: '用法：/remove 后面写文件名，或者从下面选择一个文档。',
  removeChoose: '要删除哪个文档？',
  removeConfirm: (title, facts) => `确定删除《${title}》吗？它的 ${facts} 条数据将不再用于回答。`,
  removeButton: '删除',
  cancelButton: '取消',
  removed: (title, documents) => `已删除《${title}》。现在共有 ${documents} 个文档。`,
  removeLast: '不能删除最后一个文档。',
  removeUnknown: '没有找到这个文档（可能已被删除或文档库已变化），请重新发送 /remove。',
  removeFailed: (detail) => `没有删除：删除后的文档库构建失败（${detail}），仍在使用原来的文档库。`,
  cancelled: '已取消，文档库没有改变。',
  exportCaption: (figures, documents) => `全部数字：${figures} 个，来自 ${documents} 个文档（CSV，UTF-8）`,
  exportFailed: '导出失败，请稍后再试。',
};

const adminEn: AdminTexts = {
  notAdmin: 'Sorry, only the bot’s admins can add documents. Please send your question as text.',
  adminOnly: 'This command is for the bot’s admins only.',
  reading: (file) => `Reading “${file}”…`,
  tooBig: (size, max) => `That file is too big (${size}); the limit is ${max}. Nothing was changed.`,
  badType: (detail, extensions) => `That file cannot be used: ${detail}. Send a ${extensions} file.`,
  unreadable: (detail) => `That file could not be read: ${detail}. Nothing was changed.`,
  noFacts: 'No sentence in that file can answer a question, so it was not added.',
  corpusBroken: (detail) => `Another file of the corpus cannot be read, so nothing can be added now: ${detail}`,
  downloadFailed: 'Downloading the file failed. Please send it again later.',
  previewHeading: (title) => `Read “${title}”`,
  previewFile: (file, format, size) => `File: ${file} (${format}, ${size})`,
  previewReplaces: (title) => `It replaces the document “${title}”`,
  previewSections: (count, names) => `Sections: ${count}${names ? ` (${names})` : ''}`,
  previewCounts: (facts, figures, tables) => `Data: ${facts} sentences, ${figures} figures, ${tables} tables`,
  previewWarnings: 'Warnings:',
  previewSamples: 'Once added, it answers questions such as:',
  previewNoSamples: '(no figure question found to show as an example)',
  previewAsk: 'Add it to the documents?',
  addButton: 'Add',
  discardButton: 'Discard',
  added: (title, facts, documents) => `Added “${title}” (${facts} facts). ${documents} documents now; ask away.`,
  replaced: (title, facts, documents) => `Replaced “${title}” with the new version (${facts} facts). ${documents} documents now.`,
  addFailed: (detail) => `Not added: the corpus with it failed to build (${detail}); the documents in service stay.`,
  discarded: 'Discarded; nothing was changed.',
  expired: 'That upload was already handled or has expired. Please send the file again.',
  documentsHeading: (count) => `${count} documents:`,
  documentFacts: (count) => `${count} facts`,
  addedBy: (at, name) => `added by ${name} on ${at}`,
  addedByHand: 'put in the folder by hand',
  removeUsage: 'Usage: /remove followed by a file name, or pick a document below.',
  removeChoose: 'Which document should be removed?',
  removeConfirm: (title, facts) => `Remove “${title}”? Its ${facts} facts will no longer be used to answer.`,
  removeButton: 'Remove',
  cancelButton: 'Cancel',
  removed: (title, documents) => `Removed “${title}”. ${documents} documents now.`,
  removeLast: 'The last document cannot be removed.',
  removeUnknown: 'That document was not found (it may be gone, or the documents changed). Send /remove again.',
  removeFailed: (detail) => `Not removed: the corpus without it failed to build (${detail}); the documents in service stay.`,
  cancelled: 'Cancelled; nothing was changed.',
  exportCaption: (figures, documents) => `Every figure: ${figures} from ${documents} documents (CSV, UTF-8)`,
  exportFailed: 'The export failed. Please try again later.',
};

export const adminTexts: Record<Lang, AdminTexts> = { zh: adminZh, en: adminEn };
