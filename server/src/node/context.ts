/** What the feature handlers get from the server. */
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  Diagnostic,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MinutesService } from '../core/api';
import type { MinutesDocument } from '../core/model';
import type { WorkspaceDocuments } from '../core/rules/rule';
import type { DocumentRecord } from '../core/api';
import type { FileSystem } from './fileSystem';
import type { Log } from './handlers';
import type { WorkspaceConfig } from './workspaceConfig';
import type { WorkspaceIndex } from './workspaceIndex';

/** A document's record with its URI and, when it is open, the version it was read from. */
export type UriDocumentRecord = DocumentRecord & { uri: string; version?: number };

export interface ParsedDocument {
  uri: string;
  doc: MinutesDocument;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly index: WorkspaceIndex;
  readonly config: WorkspaceConfig;
  readonly fs: FileSystem;
  /** False in an untrusted workspace: no registry or config file is read, no fix writes to other files. */
  readonly trusted: boolean;
  readonly log: Log;
  /** What the client said it supports when it started the server. */
  clientCapabilities(): ClientCapabilities;
  /** The service for the current settings, registry and date. */
  service(): MinutesService;
  /** The model of an open document, or null when it is not open or not checked (too large, binary). */
  openModel(uri: string): MinutesDocument | null;
  /** Reads an open document with an edit (a quick fix's), as its reader reads its next version; null when not open. */
  openPeek(uri: string): ((text: string) => MinutesDocument) | null;
  /** The diagnostics of an open document's current version (cached), or null when it is not open or not checked. */
  openDiagnostics(uri: string): Diagnostic[] | null;
  /** The model of an open document, else of the saved file; null when neither can be read. */
  loadModel(uri: string): Promise<MinutesDocument | null>;
  /** Resolves once the workspace index is complete (the first search of the folders and any since). */
  whenIndexed(): Promise<void>;
  /** Every minutes document (open or indexed) that mentions `unit` or one of its aliases. */
  documentsNaming(unit: string, token: CancellationToken): Promise<ParsedDocument[]>;
  /** Every minutes document's items: the index, with open documents as edited. Waits for the first scan. */
  records(token: CancellationToken): Promise<UriDocumentRecord[]>;
  /** The file name a document has in records and the ledger (relative to its workspace folder). */
  displayName(uri: string): string;
  /** A document's file with the ledger data of the workspace, for the rules and fixes that compare meetings. */
  workspace(uri: string): WorkspaceDocuments;
  /** The date the `overdue` rule compares with. */
  today(): string;
}
