/**
 * The document's subjects and measures in English, for telling an English reader what a figure
 * measures. A small glossary of the seed document's terms (as they appear in figure and fact
 * subjects, and as computations name them); anything else is left undescribed (null) rather than
 * machine-translated.
 */
export const SUBJECTS_EN: Readonly<Record<string, string>> = {
  区域总面积: 'total area',
  总面积: 'total area',
  面积: 'area',
  常住人口: 'resident population',
  人口: 'population',
  区县: 'districts and counties of Shenyang',
  主导产业: 'leading industries',
  三大主导产业: 'the three leading industries',
  细分领域: 'sub-sectors',
  智能制造: 'intelligent manufacturing',
  新能源汽车: 'new energy vehicles',
  生物医药与健康医疗: 'biomedicine and healthcare',
  生物医药: 'biomedicine',
  健康医疗: 'healthcare',
  以上重大投资项目: 'major investment projects of over CNY 10 billion',
  重大投资项目: 'major investment projects',
  亿元以上重点项目: 'key projects of over CNY 100 million under construction',
  重点项目: 'key projects',
  产业项目: 'newly signed industrial projects of over CNY 100 million',
  智能制造产业项目: 'intelligent manufacturing projects under construction',
  新能源汽车在建项目: 'new energy vehicle projects under construction',
  健康医疗产业项目: 'biomedicine and healthcare projects under construction',
  生物医药与健康医疗产业项目: 'biomedicine and healthcare projects under construction',
  在建项目: 'projects under construction',
  计划总投资: 'planned total investment',
  计划投资: 'planned investment',
  重点产业: 'key industries',
  高频事项: 'frequently used administrative services',
  企业注册时间: 'time to register a company',
  联系企业: 'contacts with enterprises by officials',
  实地走访: 'on-site visits',
  电话联系: 'contacts by phone and other means',
  方式: 'contacts by phone and other means',
  座谈会: 'symposiums held',
  市场主体: 'market entities',
  新登记企业: 'newly registered enterprises',
  同比: 'year-on-year growth',
  高层次人才: 'high-level talent recruited',
  院士工作站: 'academician workstations',
  院士: 'academicians working at the workstations',
  在站院士: 'academicians working at the workstations',
  博士后科研工作站: 'postdoctoral research workstations',
  博士后工作站: 'postdoctoral research workstations',
  博士: 'postdoctoral researchers at the workstations',
  在站博士: 'postdoctoral researchers at the workstations',
  国家级专家: 'national-level experts',
  人才专项基金: 'special talent fund spending',
  双创载体: 'innovation and entrepreneurship incubators',
  国家级双创载体: 'national-level innovation and entrepreneurship incubators',
  双创示范园区: 'innovation and entrepreneurship demonstration parks',
  双创服务平台: 'innovation and entrepreneurship service platforms',
  创新联盟: 'innovation alliances',
  企业技术服务平台: 'enterprise technology service platforms',
  城际铁路: 'intercity railway lines',
  国家高新技术企业: 'national high-tech enterprises',
  新认定国家高新技术企业: 'newly certified national high-tech enterprises',
  高新技术企业: 'high-tech enterprises',
  科技型中小企业: 'technology-based SMEs',
  总数: 'total',
  全市: 'share of the city total',
  沈阳市: "share of Shenyang's total",
};

/** What a subject or measure is, in English, or null when the glossary does not cover it. */
export function describeSubjectEnglish(subject: string | null | undefined): string | null {
  if (!subject) return null;
  const key = subject.trim();
  return SUBJECTS_EN[key] ?? SUBJECTS_EN[key.replace(/^(?:浑南区|全区|各类)/, '')] ?? null;
}
