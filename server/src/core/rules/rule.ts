/** What a rule is: data (id, description, default severity) and a check over the parsed document. */
import type { RuleSeverity } from '../api';
import type { LedgerDocument } from '../ledger/extract';
import type { Item, MinutesDocument, Span } from '../model';
import { shorten } from '../text';
import type { UnitIndex } from '../units';

export interface Localized {
  en: string;
  'zh-CN': string;
}

/** A value, or a function computing it when it is needed. */
export type Lazy<T> = T | (() => T);

export interface RuleContext {
  doc: MinutesDocument;
  /** The registry with the document's own attendee names; null when no registry is configured. */
  units: UnitIndex | null;
  /** ISO date counting as today, or null (then time-dependent rules stay quiet). */
  today: string | null;
  /**
   * The documents checked together with this one (the workspace), or null when it is checked alone: then
   * the rules that compare meetings stay quiet.
   */
  workspace: WorkspaceDocuments | null;
  /** What this document gives the ledger (computed once, on first use). */
  ledger(): LedgerDocument;
  /**
   * Reports a problem at `span`. The message and data may be given as functions: they are called only for
   * the problems that are listed (a rule's first `MAX_DIAGNOSTICS`), so a rule with thousands of reports
   * builds thousands of messages only when it has to.
   */
  report(span: Span, message: Lazy<Localized>, data?: Lazy<Record<string, unknown>>): void;
}

/** This document's file (as the ledger names it) and the ledger data of the documents checked with it. */
export interface WorkspaceDocuments {
  file: string;
  /** May hold an earlier state of this very file: rules leave out the entry named `file`. */
  documents: readonly LedgerDocument[];
}

export interface Rule {
  /** Stable id, used in settings, config files, suppression comments and output. */
  id: string;
  description: Localized;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  check(ctx: RuleContext): void;
}

/** Items that must name an owner and a deadline: accountable ones that are not recorded approvals. */
export function* assignments(doc: MinutesDocument): Generator<Item> {
  for (const item of doc.items) if (item.accountable && !item.resolution) yield item;
}

/** A short quote of an item for messages: its first clause. */
export function quote(doc: MinutesDocument, item: Item): string {
  return shorten(doc.text.slice(item.headSpan.start, item.headSpan.end).replace(/\s+/g, ' ').trim(), 24);
}
