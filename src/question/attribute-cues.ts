/**
 * General Chinese: the words a question uses for an attribute, and the words an answer uses for
 * it ("什么颜色" is answered "体呈淡蓝红色"; "死因" by "坠楼身亡"). Unlike a corpus's synonym table
 * these hold for any document, so they live in the engine; they only ever add terms (weight as
 * synonyms), never count against an answer.
 */
export const ATTRIBUTE_CUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/颜色|什么色/, '色 呈'],
  [/特点|特征|样子|外形|形状|长什么样/, '呈 形 为'],
  [/死因|怎么死|如何死|因何而死/, '死 身亡 逝世 去世 卒 病逝 被杀 所杀 所诛 自杀'],
  [/由来|得名|名字.{0,2}(来|由)|为什么叫|名称.{0,2}(来|由)/, '得名 起源 命名 名称 因而 故'],
  [/职务|头衔|职位|官职|担任/, '任 担任 现任 曾任 出任'],
  [/内容|讲述|讲了|写了|记述/, '记述 讲述 描述 叙述 内容'],
  [/分布|产地|生长在|哪些地区/, '分布 产于 生长 生于'],
  [/语言|会讲|说什么话/, '语'],
  [/美誉|称号|誉为|外号|别称|别名|又称|又名/, '誉为 称为 又称 又名 别称 号称 人称'],
  [/朝代|哪个时代|哪一朝/, '朝 代 宋 唐 明 清 汉'],
  [/用途|作用|功效|用来|用于/, '用于 可 作为 用途'],
  [/原因|为什么|为何/, '因为 由于 因此 所以 原因'],
  // How statistics word a change, a share and a spending (增速 is reported as 同比增长15.3%).
  [/增速|增幅|增长率|涨幅|增长速度/, '增长 增速 增幅 提高'],
  [/降幅|下降率|下降幅度/, '下降 降低 减少'],
  [/比重|占比|份额|所占比例/, '占 比重 占比'],
  [/花了|花费|花销|开销|开支|用了多少钱/, '支出 投入 投资 费用'],
  [/全年(?:计划|目标|任务)/, '年度'],
];

export function attributeCues(question: string): string[] {
  return ATTRIBUTE_CUES.filter(([cue]) => cue.test(question)).map(([, terms]) => terms);
}
