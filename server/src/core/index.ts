/** The pure core of Structured Minutes: parsing, rules, and the language features, with no I/O. */
export * from './api';
export type * from './model';
export { createMinutesService } from './service';
export { parse } from './parse';
export { parseUnitsRegistry, UnitIndex, type ParseProblem } from './units';
export { normalizeConfig, parseConfigFile, SEVERITIES } from './config';
export { rules, ruleIds, type Rule } from './rules';
export { unitsUsed, documentRecord } from './features/items';
export { DIAGNOSTIC_SOURCE } from './validate';
export { LineIndex } from './text';
