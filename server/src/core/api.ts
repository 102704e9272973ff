/**
 * The public surface of the core: what the language server, the CLI and the tests call. Everything here is
 * pure: text and data in, data out. The adapters do the I/O.
 */
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { LedgerDocument } from './ledger/extract';
import type { MinutesDocument } from './model';
import type { WorkspaceDocuments } from './rules/rule';

export type Locale = 'zh-CN' | 'en';

/**
 * Client command that quick fixes attach when they leave a name to fill in: arguments `(uri, position)`;
 * the client puts the cursor there and opens completion. Clients without it ignore it.
 */
export const REVEAL_AND_SUGGEST = 'minutes.revealAndSuggest';

/** Unit completions offered at most per request; a full list means there may be more (`isIncomplete`). */
export const MAX_UNIT_COMPLETIONS = 200;
export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** Settings and the workspace config file (`.minutesrc.json`/`.minutesrc.yaml`) share this shape. */
export interface MinutesConfig {
  /** Per rule id: a severity, or `off`. Rules not named keep their default. */
  rules?: Record<string, RuleSeverity>;
  /** ISO date that counts as today for the `overdue` rule; the `overdue` rule is skipped when absent. */
  today?: string | null;
}

export interface Unit {
  name: string;
  aliases: string[];
  parent: string | null;
}

/** The units registry: parsed from `minutes-units.yaml` by `parseUnitsRegistry`. */
export interface UnitsRegistry {
  units: Unit[];
}

/** One item of the `minutes actions` JSON contract (version 1). */
export interface ItemRecord {
  kind: 'decision' | 'action' | 'requirement';
  section: string | null;
  text: string;
  range: Range;
  /** `unit`: the registry's canonical name for `name` (an alias or the name itself), null when not in it. */
  owners: { name: string; role: 'lead' | 'support' | null; vague: boolean; unit: string | null }[];
  /** A deadline that sets a time (6月底前, by Friday); null when there is none or only a vague word. */
  deadline: { text: string; date: string | null } | null;
  /** A vague word standing in for a deadline (尽快, ASAP), when there is no deadline. */
  vagueDeadline: string | null;
  status: 'open' | 'done';
  /** A recorded approval (同意…, Approved, Carried): needs neither owner nor deadline. */
  resolution: boolean;
}

export interface DocumentRecord {
  file: string;
  /** The language the minutes are written in: exports use it for their headings. */
  language: Locale;
  title: string | null;
  meeting: {
    date: string | null;
    place: string | null;
    chair: string | null;
    attendees: string[];
    recorder: string | null;
  };
  items: ItemRecord[];
}

/** Data carried by each diagnostic, for quick fixes. */
export interface DiagnosticData {
  rule: string;
  /** Rule-specific: e.g. `{ suggestions: string[] }` for unknown-unit, `{ expected: string }` for numbering. */
  [key: string]: unknown;
}

export interface ServiceOptions {
  units?: UnitsRegistry | null;
  config?: MinutesConfig;
  locale?: Locale;
  /** ISO date near which a meeting day written without a year is read; defaults to `config.today`. */
  referenceDate?: string | null;
}

/** Units seen in the workspace's other documents, with how often each is used (for completion ranking). */
export type WorkspaceUnitCounts = ReadonlyMap<string, number>;

/**
 * Reads and checks one document as it is edited: each read gives the model `parse` gives and each check the
 * diagnostics `validate` gives, re-reading and re-checking only what changed.
 */
export interface DocumentReader {
  read(text: string): MinutesDocument;
  /** As `MinutesService.validate`; for the model of the last read, checks only the parts that changed. */
  validate(doc: MinutesDocument, workspace?: WorkspaceDocuments | null): Diagnostic[];
  /**
   * The model of another text (the document with an edit it may get), read from the parts of the last read
   * where they are the same, and leaving the reader as it was: what `read` and `validate` give next is not
   * changed by it.
   */
  peek(text: string): MinutesDocument;
}

export interface MinutesService {
  readonly options: Required<Pick<ServiceOptions, 'locale' | 'config'>> & { units: UnitsRegistry | null };
  parse(text: string): MinutesDocument;
  /**
   * A reader for one document edited over time (keep one per open document). Documents shorter than
   * `partsFrom` characters (16 K by default) are read whole each time: reading them is quick.
   */
  reader(partsFrom?: number): DocumentReader;
  /** `workspace`: the documents checked with this one; without it the rules comparing meetings stay quiet. */
  validate(doc: MinutesDocument, workspace?: WorkspaceDocuments | null): Diagnostic[];
  /** What the document gives the ledger: its items with ids and status, its follow-up entries. */
  ledgerDocument(doc: MinutesDocument, file: string): LedgerDocument;
  items(doc: MinutesDocument, file: string): DocumentRecord;
  /** `file`: names undated minutes' item ids (shown in the outline), as the ledger does. */
  symbols(doc: MinutesDocument, file?: string): DocumentSymbol[];
  folding(doc: MinutesDocument): FoldingRange[];
  completions(
    doc: MinutesDocument,
    position: Position,
    workspaceUnits?: WorkspaceUnitCounts,
  ): CompletionItem[];
  /** `diagnostics`: the document's diagnostics when the caller has them (else they are computed). */
  hover(
    doc: MinutesDocument,
    position: Position,
    workspaceUnits?: WorkspaceUnitCounts,
    diagnostics?: Diagnostic[],
    file?: string,
  ): Hover | null;
  /** `workspace`: for the ledger's fixes (pin the id a follow-up quotes). */
  codeActions(
    doc: MinutesDocument,
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    workspace?: WorkspaceDocuments | null,
    /** Reads the document with a fix applied (`parse` when left out; an open document's reader's `peek`). */
    reread?: (text: string) => MinutesDocument,
  ): CodeAction[];
  /** The unit mentioned at a position, with its span, for rename and references. */
  unitAt(doc: MinutesDocument, position: Position): { name: string; range: Range } | null;
  /** Every range in `doc` that names `unit` (by canonical name or alias). */
  unitOccurrences(doc: MinutesDocument, unit: string): Range[];
  renameUnit(docs: { uri: string; doc: MinutesDocument }[], unit: string, newName: string): WorkspaceEdit;
  /** Edits that set an item's status box to done (`[x]`, `状态：已完成`), or add one. */
  markDone(doc: MinutesDocument, line: number): TextEdit[];
  references(docs: { uri: string; doc: MinutesDocument }[], unit: string): Location[];
}
