/** English rendering of answers: figures, time qualifiers, subjects, whole answers. */
export { formatLargeNumber, renderDateEnglish, renderFigureEnglish } from './figure.js';
export { renderTimeEnglish } from './time.js';
export { describeSubjectEnglish, GENERAL_SUBJECTS_EN, NO_SUBJECT_NAMES, type SubjectNames } from './subjects.js';
export { describeHitEnglish } from './describe-hit.js';
