/**
 * What a figure measures, in English. A corpus brings the names of its own subjects (subjects-en.json beside
 * its documents: 智能制造 → intelligent manufacturing); this table holds only general statistical
 * vocabulary, true of any document. Anything neither covers is left undescribed (null) rather than
 * machine-translated.
 */

/** Chinese subject → its English name, as a corpus's subjects-en.json gives them. */
export type SubjectNames = ReadonlyMap<string, string>;

export const NO_SUBJECT_NAMES: SubjectNames = new Map();

export const GENERAL_SUBJECTS_EN: Readonly<Record<string, string>> = {
  区域总面积: 'total area',
  总面积: 'total area',
  面积: 'area',
  常住人口: 'resident population',
  人口: 'population',
  主导产业: 'leading industries',
  重大投资项目: 'major investment projects',
  重点项目: 'key projects',
  在建项目: 'projects under construction',
  计划总投资: 'planned total investment',
  计划投资: 'planned investment',
  重点产业: 'key industries',
  市场主体: 'market entities',
  新登记企业: 'newly registered enterprises',
  同比: 'year-on-year growth',
  国家高新技术企业: 'national high-tech enterprises',
  高新技术企业: 'high-tech enterprises',
  科技型中小企业: 'technology-based SMEs',
  总数: 'total',
  全市: 'share of the city total',
};

/** Words before a subject that do not change what it is ("全区…", "各类…"). */
const GENERIC_PREFIX = /^(?:全区|全市|各类)/;

/** What a subject or measure is, in English: the corpus's name for it, else the general one, else null. */
export function describeSubjectEnglish(subject: string | null | undefined, names: SubjectNames = NO_SUBJECT_NAMES): string | null {
  if (!subject) return null;
  const key = subject.trim();
  const lookup = (k: string) => names.get(k) ?? GENERAL_SUBJECTS_EN[k] ?? null;
  return lookup(key) ?? lookup(key.replace(GENERIC_PREFIX, ''));
}
