/** Answers computed from several figures: detection, computation, text and JSON forms. */
export type { ComputeNote, ComputedAnswer, ComputedResult, ComputeRequest, Operand, Operation, SubjectSpec } from './computed-answer.js';
export { OPERATIONS } from './computed-answer.js';
export { detectComputation, documentPhrases, type DetectOptions } from './detect.js';
export { computeAnswer, operandQuestion, DEFAULT_COMPUTE_OPTIONS, type ComputeOptions } from './compute.js';
export { expandGroup, type GroupSpec } from './groups.js';
export { computedSummaryLines, formatComputedText, type ComputedFormatOptions } from './format-computed.js';
export { computedToJson, ComputedJsonSchema, type ComputedJson } from './computed-json.js';
