/**
 * Custom requests and notifications between the Structured Minutes extension and its language server.
 * Imported by both sides; it holds only message types and their shapes.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { Locale } from './core/api';
import type { GroupBy, GroupId, ItemRef } from './core/features/itemGroups';
import type { LedgerFilter, LedgerOptions } from './core/ledger/filter';
import type { LedgerRow, UnitSummary } from './core/ledger/ledger';

/** An item as the decisions & actions view lists it: with its document and a key naming it there. */
export interface ListedItem extends ItemRef {
  /** Names the item within its document, across edits that leave its kind and text alone. */
  key: string;
}

/** Names an item of a document: `ListedItem.key`. */
export interface ItemKey {
  uri: string;
  key: string;
}

export interface ItemGroupsParams {
  groupBy: GroupBy;
}

/** A group of the view, with how many items it holds. */
export interface ItemGroup extends GroupId {
  count: number;
}

export interface ItemGroupsResult {
  groups: ItemGroup[];
  /** Open items past their deadline, across the workspace (the view's badge). */
  overdue: number;
  /** Minutes documents indexed. */
  documents: number;
  /** The date deadlines were compared with. */
  today: string;
}

/** The view's groups (no items): answered once the workspace index is built. */
export const itemGroupsRequest = new RequestType<ItemGroupsParams, ItemGroupsResult, void>(
  'minutes/itemGroups',
);

export interface ItemsParams {
  groupBy: GroupBy;
  group: GroupId;
  /** Items to skip (default 0) and at most how many to answer (default and at most 500). */
  offset?: number;
  limit?: number;
}

export interface ItemsResult {
  /** A page of the group's items, in the view's order; empty for a group that no longer exists. */
  items: ListedItem[];
  /** How many items the group holds. */
  total: number;
}

/** One page of a group's items: the view asks when a group is expanded, and for more. */
export const itemsRequest = new RequestType<ItemsParams, ItemsResult, void>('minutes/items');

export interface ItemsChangedParams {
  /** The documents whose items changed (or were removed). */
  uris: string[];
  /** Items new in those documents, items whose details changed, items gone. */
  added: ListedItem[];
  changed: ListedItem[];
  removed: ItemKey[];
  /** Too much changed to list (every document read again): the view asks for its groups again. */
  reset: boolean;
}

/** Sent by the server (debounced) when any document's items change: what changed, never the whole workspace. */
export const itemsChangedNotification = new NotificationType<ItemsChangedParams>('minutes/itemsChanged');

export interface MarkDoneParams {
  uri: string;
  /** 0-based first line of the item, as listed. */
  line: number;
  /** The item's text, as listed: which item is meant, wherever edits since have moved it. */
  text: string;
  /** The version of the open document the item was listed from (`ListedItem.version`); absent for a saved file. */
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

export interface LedgerParams {
  /** Which rows to keep (`NO_FILTER` when left out; fields left out keep everything). */
  filter?: Partial<LedgerFilter>;
  /** The page: from the `offset`-th row the filter keeps (0 when left out), at most `limit` rows (all when left out). */
  offset?: number;
  limit?: number;
}

export interface LedgerResult {
  /** The date overdue is counted against. */
  today: string;
  /** The language most of the minutes are written in. */
  language: Locale;
  /** How many rows the ledger has, and how many the filter keeps. */
  total: number;
  matched: number;
  /** The page of the rows the filter keeps: overdue first, then by deadline, then by id. */
  rows: UriLedgerRow[];
  /** Per-unit counts of every row the filter keeps (not only the page's). */
  units: UnitSummary[];
  /** The choices the filters offer, over the whole ledger. */
  options: LedgerOptions;
  /** Follow-up entries that name no known item. */
  dangling: { uri: string; file: string; range: Range; text: string; suggestions: string[] }[];
}

/**
 * The follow-up ledger of the whole workspace: every item with its latest status, per-unit counts; a page
 * of what a filter keeps.
 */
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
