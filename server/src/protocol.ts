/**
 * Custom requests and notifications between the Structured Minutes extension and its language server.
 * Imported by both sides; it holds only message types and their shapes.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { DocumentRecord, Locale } from './core/api';
import type { LedgerRow, UnitSummary } from './core/ledger/ledger';

/** A document's decisions and actions, with the document's URI. */
export type UriDocumentRecord = DocumentRecord & { uri: string };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ItemsParams {}

export interface ItemsResult {
  /** Every minutes document of the workspace (open documents as edited, the others as saved). */
  documents: UriDocumentRecord[];
}

/** The decisions and actions of the whole workspace. */
export const itemsRequest = new RequestType<ItemsParams, ItemsResult, void>('minutes/items');

export interface ItemsChangedParams {
  /** The documents whose items changed (or were removed). */
  uris: string[];
}

/** Sent by the server (debounced) when any document's items change. */
export const itemsChangedNotification = new NotificationType<ItemsChangedParams>('minutes/itemsChanged');

export interface MarkDoneParams {
  uri: string;
  /** 0-based line of the item (any line of it). */
  line: number;
}

/** The edit that marks the item on `line` done, or null when no item is there. */
export const markDoneRequest = new RequestType<MarkDoneParams, WorkspaceEdit | null, void>(
  'minutes/markDone',
);

export type ExportFormat = 'csv' | 'markdown';

export interface ExportParams {
  format: ExportFormat;
}

export interface ExportResult {
  text: string;
  /** How many items the text holds. */
  count: number;
}

/** The workspace's decisions and actions as CSV or Markdown text. */
export const exportRequest = new RequestType<ExportParams, ExportResult, void>('minutes/export');

/** A ledger row with the URI of the minutes it comes from. */
export type UriLedgerRow = LedgerRow & { uri: string };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerParams {}

export interface LedgerResult {
  /** The date overdue is counted against. */
  today: string;
  /** The language most of the minutes are written in. */
  language: Locale;
  rows: UriLedgerRow[];
  units: UnitSummary[];
  /** Follow-up entries that name no known item. */
  dangling: { uri: string; file: string; range: Range; text: string; suggestions: string[] }[];
}

/** The follow-up ledger of the whole workspace: every item with its latest status, per-unit counts. */
export const ledgerRequest = new RequestType<LedgerParams, LedgerResult, void>('minutes/ledger');

export type LedgerExportFormat = 'xlsx' | 'csv' | 'json' | 'markdown' | 'ics';

export interface LedgerExportParams {
  format: LedgerExportFormat;
}

export interface LedgerExportResult {
  /** The text formats' content. */
  text?: string;
  /** The workbook's bytes, base64. */
  base64?: string;
  /** How many items the ledger holds. */
  count: number;
}

/** The workspace's ledger as a file's content, in the format asked for. */
export const ledgerExportRequest = new RequestType<LedgerExportParams, LedgerExportResult, void>(
  'minutes/ledgerExport',
);

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** The editor's display language, e.g. `zh-cn`. */
  locale?: string;
  /** False in an untrusted workspace: the server then reads no registry or config file from it. */
  trusted?: boolean;
}

export { REVEAL_AND_SUGGEST as revealAndSuggestCommand } from './core/api';
