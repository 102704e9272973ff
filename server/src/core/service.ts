/** `createMinutesService`: the one entry point of the core, binding the options to every feature. */
import type { MinutesService, ServiceOptions } from './api';
import { codeActions } from './features/codeActions';
import { completions } from './features/completion';
import { hover } from './features/hover';
import { itemIds, ledgerActions } from './features/ledger';
import { documentRecord } from './features/items';
import { markDone } from './features/status';
import { documentSymbols, foldingRanges } from './features/symbols';
import { references, renameUnit, unitAt, unitOccurrences } from './features/units';
import { ledgerDocument } from './ledger/extract';
import { IncrementalReader } from './incremental';
import { parse } from './parse';
import { UnitIndex } from './units';
import { validate } from './validate';

export function createMinutesService(options: ServiceOptions = {}): MinutesService {
  const locale = options.locale ?? 'en';
  const config = options.config ?? {};
  const registry = options.units ?? null;
  const index = registry ? new UnitIndex(registry) : null;
  const today = config.today ?? null;
  const isKnownUnit = index ? (name: string) => index.isKnown(name) : undefined;
  const parseOptions = {
    referenceDate: options.referenceDate ?? today,
    ...(isKnownUnit ? { isKnownUnit } : {}),
  };

  const service: MinutesService = {
    options: { locale, config, units: registry },
    parse: (text) => parse(text, parseOptions),
    reader(partsFrom = 16 * 1024) {
      const reader = new IncrementalReader(parseOptions, partsFrom);
      return {
        read: (text) => reader.read(text),
        validate: (doc, workspace) =>
          validate(doc, index, config, locale, workspace ?? null, reader.checks(doc)),
        peek: (text) => reader.peek(text),
      };
    },
    validate: (doc, workspace) => validate(doc, index, config, locale, workspace ?? null),
    ledgerDocument,
    items: (doc, file) => documentRecord(doc, file, index),
    symbols: (doc, file = '') => documentSymbols(doc, locale, itemIds(doc, file)),
    folding: foldingRanges,
    completions: (doc, position, workspaceUnits) =>
      completions(doc, position, registry, workspaceUnits, locale, today),
    hover(doc, position, _workspaceUnits, diagnostics, file = '') {
      const here = (diagnostics ?? service.validate(doc))
        .filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line)
        .filter((d) => comparePos(d.range.start, position) <= 0 && comparePos(position, d.range.end) <= 0)
        .map((d) => String(d.code));
      return hover(doc, position, registry, locale, today, [...new Set(here)], file);
    },
    codeActions: (doc, uri, range, diagnostics, workspace, reread = service.parse) => [
      ...codeActions(doc, uri, range, diagnostics, locale, today, reread),
      ...(workspace ? ledgerActions(doc, uri, range, diagnostics, workspace, locale) : []),
    ],
    unitAt,
    unitOccurrences,
    renameUnit,
    markDone,
    references,
  };
  return service;
}

function comparePos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
