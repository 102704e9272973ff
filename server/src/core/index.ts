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
export { buildLedger, summarize } from './ledger/ledger';
export type { Ledger, LedgerRow, UnitSummary, DanglingReference, Mention } from './ledger/ledger';
export {
  filterLedger,
  ledgerOptions,
  NO_FILTER,
  type LedgerFilter,
  type LedgerOptions,
} from './ledger/filter';
export type { LedgerDocument, LedgerItem, FollowUp, Reference } from './ledger/extract';
export { STATUS_NAMES, isOpenStatus, type LedgerStatus } from './ledger/vocabulary';
export type { WorkspaceDocuments } from './rules/rule';
export {
  formatLedgerCsv,
  formatLedgerIcs,
  formatLedgerJson,
  formatLedgerMarkdown,
  ledgerLanguage,
  ledgerTable,
  type LedgerTable,
} from './ledger/export';
