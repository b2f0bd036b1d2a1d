/**
 * English → the document's Chinese terms, for questions asked in English. Covers the domain of the
 * seed document (administration, investment, industry, enterprises, talent); an English word it
 * does not cover stays in the question as an unmatched term, so the engine says "not in the
 * document" rather than guess.
 */
export const GLOSSARY_EN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhunnan\b/, '浑南区'],
  [/\bshenyang\b/, '沈阳'],
  [/\bliaoning\b/, '辽宁'],
  [/\bpopulation\b|\bpeople live\b|\blive in\b|\bresidents?\b|\binhabitants\b/, '常住人口'],
  [/\barea\b|\bhow (big|large)\b|\bsize\b|\bsquare\b/, '区域总面积 面积'],
  [/\bhigh[- ]?tech(nology)? (enterprises?|companies|firms|businesses)\b|\bhigh[- ]?tech\b/, '国家高新技术企业 高新技术企业'],
  [/\bregist(er|ration|ering)\b.*\b(company|companies|business|firm)\b|\b(company|business) registration\b|\bstart(ing)? a (company|business)\b|\bset up a (company|business)\b/, '企业注册 注册时间 企业开办'],
  [/\b(leading|pillar|main|key|dominant|core) industr(y|ies)\b/, '主导产业'],
  [/\b(intelligent|smart) manufacturing\b/, '智能制造'],
  [/\bnew[- ]energy (vehicles?|cars?|automobiles?)\b|\belectric (vehicles?|cars?)\b|\bnevs?\b|\bevs?\b/, '新能源汽车'],
  [/\bbio[- ]?(medicine|medical|pharma\w*)\b|\bhealth ?care\b|\bpharmaceutical\w*\b/, '生物医药与健康医疗'],
  [/\bprojects?\b/, '项目'],
  [/\bunder construction\b|\bbeing built\b/, '在建'],
  [/\binvest(ment|ed|ing)?\b|\bcapital\b/, '计划总投资 投资'],
  [/\bmarket (entities|players|subjects|participants)\b|\bbusinesses\b|\bcompanies\b|\benterprises\b/, '市场主体 企业'],
  [/\bnew(ly)? registered\b|\bnew (companies|enterprises|firms)\b/, '新登记企业'],
  [/\btalents?\b|\bhigh[- ]level (talent|people|professionals)\b|\bprofessionals\b/, '高层次人才'],
  [/\bacademicians?\b/, '院士工作站 在站院士'],
  [/\bpost[- ]?doc(toral)?\b/, '博士后科研工作站'],
  [/\bexperts?\b|\bspecialists?\b/, '国家级专家'],
  [/\bincubators?\b|\bmaker ?spaces?\b|\bstart[- ]?up (hubs?|spaces?)\b/, '科技企业孵化器 众创空间 双创载体'],
  [/\bsmes?\b|\bsmall and medium\b|\bsmall (tech )?(firms|companies|enterprises)\b/, '科技型中小企业'],
  [/\brail(way)?s?\b|\bintercity\b/, '城际铁路'],
  [/\bairport\b|\baviation\b/, '航空港'],
  [/\bfunds?\b|\bsubsid(y|ies)\b|\brewards?\b/, '人才专项基金'],
  [/\byoungest\b|\bnewest\b/, '最年轻的新城区'],
  [/\bfree trade (zone|area)\b|\bftz\b/, '自贸试验区'],
  [/\bbonded\b/, '综合保税区'],
  [/\bkey projects?\b|\bmajor projects?\b/, '重点项目'],
  [/\bsigned\b|\bcontracts?\b/, '新签约'],
  [/\binnovation alliances?\b|\balliances?\b/, '创新联盟'],
  [/\bone[- ]stop\b|\bat most once\b|\bone visit\b/, '最多跑一次'],
  [/\bapprovals?\b|\bred tape\b/, '行政审批'],
  [/\bsource\b|\bpublish(ed|er)\b/, '数据来源'],
];

/** English words that carry no content in a question. */
export const STOPWORDS_EN: ReadonlySet<string> = new Set(
  ('a an the of in on at to for from by with and or is are was were be been being do does did has have had ' +
    'what which who whom whose when where why how many much long big large does it its this that these those there ' +
    'i me my we our you your he she they them their can could would should will shall may might please tell about ' +
    'district hunnan shenyang number total amount figure get take takes took it\'s s').split(/\s+/),
);

/** The Chinese terms an English question maps to, and its content words the glossary does not cover. */
export function translateEnglish(question: string): { terms: string[]; unmatched: string[] } {
  let rest = question.toLowerCase();
  const terms: string[] = [];
  for (const [re, zh] of GLOSSARY_EN) {
    const global = new RegExp(re.source, 'g');
    if (!global.test(rest)) continue;
    terms.push(zh);
    rest = rest.replace(global, ' ');
  }
  const unmatched = (rest.match(/[a-z][a-z'-]*/g) ?? []).filter((w) => !STOPWORDS_EN.has(w) && w.length > 1);
  return { terms, unmatched };
}
