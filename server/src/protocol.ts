/**
 * Custom requests and notifications between the Structured Minutes extension and its language server.
 * Imported by both sides; it holds only message types and their shapes.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { DocumentRecord, Locale } from './core/api';
import type { LedgerRow, UnitSummary } from './core/ledger/ledger';

/**
 * A document's decisions and actions, with the document's URI and, when it is open, the version they were
 * read from.
 */
export type UriDocumentRecord = DocumentRecord & { uri: string; version?: number };

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
  /** 0-based first line of the item, as listed. */
  line: number;
  /** The item's text, as listed: which item is meant, wherever edits since have moved it. */
  text: string;
  /** The version of the open document the item was listed from (`UriDocumentRecord.version`); absent for a saved file. */
  version?: number;
}

/**
 * The edit that marks the item done, or null when it cannot be found for sure (gone, changed, or one of two
 * items with the same text after an edit).
 */
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

export interface PreviewParams {
  textDocument: { uri: string };
}

export interface PreviewResult {
  /** The version of the open document the page was laid out from (null for a saved file). */
  version: number | null;
  /** The page as an HTML fragment: document text escaped, no scripts; blocks carry `data-line`. */
  html: string;
}

/** The document laid out as the formal document, for the preview; null when it cannot be read. */
export const previewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('minutes/preview');

export interface ExportDocumentParams {
  textDocument: { uri: string };
}

export interface ExportDocumentResult {
  /** The .docx file, base64-encoded. */
  data: string;
}

/** The document as a Word file (.docx); null when it cannot be read. */
export const exportDocumentRequest = new RequestType<ExportDocumentParams, ExportDocumentResult | null, void>(
  'minutes/exportDocument',
);

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** The editor's display language, e.g. `zh-cn`. */
  locale?: string;
  /** False in an untrusted workspace: the server then reads no registry or config file from it. */
  trusted?: boolean;
}

export { REVEAL_AND_SUGGEST as revealAndSuggestCommand } from './core/api';
