/**
 * Parsed models of open documents, one per document version, shared by every feature. Each document keeps an
 * incremental reader, so a new version re-reads only the parts its edits changed.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentReader, MinutesService } from '../core/api';
import type { MinutesDocument } from '../core/model';
import type { WorkspaceDocuments } from '../core/rules/rule';

interface Entry {
  version: number;
  service: MinutesService;
  reader: DocumentReader;
  model: MinutesDocument;
  diagnostics?: Diagnostic[];
  /**
   * The workspace the diagnostics were computed with (null: none yet): a new one (another document changed)
   * recomputes.
   */
  workspace?: readonly unknown[] | null;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  private entry(document: TextDocument, service: MinutesService): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version || entry.service !== service) {
      // The reader holds the previous version's reading; a new service (settings, registry) reads afresh.
      const reader = entry && entry.service === service ? entry.reader : service.reader();
      entry = { version: document.version, service, reader, model: reader.read(document.getText()) };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  /** The model of the document's current version, parsed at most once per version. */
  model(document: TextDocument, service: MinutesService): MinutesDocument {
    return this.entry(document, service).model;
  }

  /** Reads the document's current version with an edit, from its reader's parts (`DocumentReader.peek`). */
  peek(document: TextDocument, service: MinutesService): (text: string) => MinutesDocument {
    const { reader } = this.entry(document, service);
    return (text) => reader.peek(text);
  }

  /**
   * The diagnostics of the document's current version, checked with the workspace's other documents; computed
   * once per version and state of the workspace.
   */
  diagnostics(
    document: TextDocument,
    service: MinutesService,
    workspace: WorkspaceDocuments | null,
  ): Diagnostic[] {
    const entry = this.entry(document, service);
    const documents = workspace?.documents ?? null;
    if (!entry.diagnostics || entry.workspace !== documents) {
      entry.diagnostics = entry.reader.validate(entry.model, workspace);
      entry.workspace = documents;
    }
    return entry.diagnostics;
  }

  /** The diagnostics last computed for the document's current version, if any. */
  computed(document: TextDocument): Diagnostic[] | undefined {
    const entry = this.entries.get(document.uri);
    return entry?.version === document.version ? entry.diagnostics : undefined;
  }

  /** Whether the document's diagnostics were computed with another state of the workspace (or not yet). */
  staleFor(document: TextDocument, workspace: WorkspaceDocuments | null): boolean {
    const entry = this.entries.get(document.uri);
    return entry?.version === document.version && entry.workspace !== (workspace?.documents ?? null);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
