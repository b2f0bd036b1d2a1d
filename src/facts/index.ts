// The facts layer's entry: what the layers above may use.
export * from './defaults.js';
export * from './extract.js';
export * from './fact.js';
export * from './figures.js';
export * from './time.js';
export * from './figure-context.js';
export { searchTextOf } from './table-row.js';
export { enclosingRatio, ratioPartMeasures } from './ratio-parts.js';
