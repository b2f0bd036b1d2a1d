/**
 * How people ask versus how the document says it. Each entry: a cue in the question (a regular
 * expression over the Simplified text) and the document terms it adds to the search.
 * Kept small and concrete; grows with the golden questions.
 */
export const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/方位|地理位置|位置|在哪个?方向/, '地处 东南部'],
  [/人口|住了?多少人|多少人住|居民|住着/, '常住人口'],
  [/面积|多大|占地|地盘/, '区域总面积 面积'],
  [/注册公司|开公司|开办企业|办企业|公司注册|企业注册|注册企业|办执照|营业执照/, '企业注册 注册时间 企业开办'],
  [/高企|高新企业/, '高新技术企业'],
  [/新注册|新设立|新成立|新开|新办/, '新登记'],
  [/支柱产业|重点产业|核心产业|优势产业|主要产业|龙头产业/, '主导产业'],
  [/商户|经营主体|企业总数|市场主体/, '市场主体'],
  [/公司/, '企业'],
  [/人才/, '高层次人才'],
  [/专家/, '国家级专家'],
  [/院士/, '院士工作站 在站院士'],
  [/博士/, '博士后科研工作站 在站博士'],
  [/孵化|创业空间|众创/, '科技企业孵化器 众创空间 双创载体'],
  [/奖励|奖金|补贴/, '人才专项基金'],
  [/(新|电动)(能源)?车|电动汽车/, '新能源汽车'],
  [/医药|生物医疗|医疗健康|大健康/, '生物医药与健康医疗'],
  [/制造业|智造/, '智能制造'],
  [/区位|交通|铁路|高铁|机场|航空/, '城际铁路 航空港 高铁站 区位'],
  [/年轻|最新的?城区|新城/, '最年轻的新城区'],
  [/小巨人|中小企业|科技型/, '科技型中小企业'],
  [/审批|办事|跑腿|跑一次/, '最多跑一次 高频事项 行政审批'],
  [/走访|联系企业|万人进万企/, '万人进万企 联系企业'],
  [/座谈/, '座谈会'],
  [/开工|复工|重点项目|大项目/, '开复工 重点项目'],
  [/签约|签了/, '新签约 产业项目'],
  [/领军|龙头/, '龙头企业 领军企业'],
  [/联盟/, '创新联盟'],
  [/示范园|园区/, '双创示范园区'],
  [/服务平台/, '双创服务平台 企业技术服务平台'],
  [/外资|外贸|出口|跨境/, '外资 出口 跨境电子商务'],
  [/自贸区|自贸/, '自贸试验区'],
  [/来源|出处|谁发布|谁写/, '数据来源'],
];

/**
 * The document terms the question's colloquial cues stand for, and the question with those cues
 * taken out (their meaning is carried by the expansion, so a cue the document never uses does not
 * count against the answer).
 */
export function expandSynonyms(question: string): { expansions: string[]; rest: string } {
  const expansions: string[] = [];
  let rest = question;
  for (const [cue, terms] of SYNONYMS) {
    const global = new RegExp(cue.source, 'g');
    if (!global.test(rest)) continue;
    expansions.push(terms);
    rest = rest.replace(global, (m) => (terms.includes(m) ? m : ' '));
  }
  return { expansions, rest };
}
