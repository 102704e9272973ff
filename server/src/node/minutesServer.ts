/**
 * The Structured Minutes language server, independent of the transport and of Node: file access goes
 * through the `FileSystem` given to `startServer`.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Disposable,
  type DocumentDiagnosticReport,
  type FileEvent,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MinutesService } from '../core/api';
import { createMinutesService } from '../core';
import type { MinutesDocument } from '../core/model';
import type { WorkspaceDocuments } from '../core/rules/rule';
import {
  itemsChangedNotification,
  type InitializationOptions,
  type ItemKey,
  type ItemsChangedParams,
  type ListedItem,
} from '../protocol';
import type { ParsedDocument, ServerContext, UriDocumentRecord } from './context';
import { registerCodeActions } from './features/codeActions';
import { completionTriggerCharacters, registerCompletion } from './features/completion';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerItems } from './features/items';
import { registerLedger } from './features/ledger';
import { registerPreview } from './features/preview';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { readText, type FileSystem } from './fileSystem';
import { documentUri, guarded, throwIfCancelled } from './handlers';
import { skipReason, type SkipReason } from './liveCheck';
import { formatSize, message } from './messages';
import { ModelCache } from './modelCache';
import { findMinutesFiles } from './scan';
import { defaultSettings, readSettings, serviceOptions, todayOf, type MinutesSettings } from './settings';
import {
  displayPath,
  fileUriFromPath,
  isAbsolutePath,
  isMinutesFileName,
  isUnder,
  isUnderPath,
  uriBasename,
} from './uri';
import { configFileNames, WorkspaceConfig } from './workspaceConfig';
import { analyze, listedItems, WorkspaceIndex } from './workspaceIndex';

export interface ServerHost {
  fileSystem: FileSystem;
}

/** How long the server gathers item changes before telling the client. */
const itemsChangedDelay = 50;
/** How long an open document rests unchanged before its index entry is updated. */
const indexPause = 100;
/** How many saved documents are read ahead of the one being indexed. */
const readAhead = 8;
/** More items changed than this at once (every document read again): the client is told to ask again. */
const largestDelta = 2000;

/** Starts serving on a connection that is not yet listening. */
export function startServer(connection: Connection, host: ServerHost): void {
  new MinutesServer(connection, host.fileSystem).listen();
}

class MinutesServer implements ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly index = new WorkspaceIndex();
  readonly config: WorkspaceConfig;
  trusted = true;

  private readonly cache = new ModelCache();
  private settings: MinutesSettings = defaultSettings;
  private folders: string[] = [];
  private clientLocale: string | undefined;
  private capabilities: ClientCapabilities = {};
  private currentService: MinutesService;
  /** Bumped whenever the service changes, so pull diagnostics result ids change with it. */
  private generation = 0;

  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per open document, the pending update of its index entry (made once typing pauses). */
  private readonly indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents already told about (too large, binary): each is told once. */
  private readonly toldSkipped = new Set<string>();
  /** Documents whose items changed since the client was last told, with the items it was told of then. */
  private readonly changedItems = new Map<string, ListedItem[]>();
  /** Whether the first search of the workspace folders is done (until then, no workspace-wide diagnostics). */
  private indexBuilt = false;
  private itemsTimer: ReturnType<typeof setTimeout> | undefined;
  private watchers: Disposable | undefined;
  private watchedGlobs = '';
  /** Configuration reloads, one after another. */
  private reloads: Promise<void> = Promise.resolve();
  private markReady!: () => void;
  private loaded = false;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  /** Documents just opened, whose first check is not debounced. */
  private readonly opening = new Set<string>();
  private scans: Promise<void> = Promise.resolve();
  private markIndexed!: () => void;
  /** Resolved once the workspace folders were first searched. */
  private readonly indexed = new Promise<void>((resolve) => (this.markIndexed = resolve));
  /** The registry the index was built with. */
  private indexedUnits = JSON.stringify(null);
  private shuttingDown = false;

  constructor(
    readonly connection: Connection,
    readonly fs: FileSystem,
  ) {
    this.config = new WorkspaceConfig({
      fs,
      log: (line) => this.log(line),
      publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    });
    this.currentService = createMinutesService(serviceOptions(this.settings, {}, null, undefined));
  }

  readonly log = (line: string): void => {
    this.connection.console.log(line);
  };

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => this.shutdown());
    // An opened document is checked at once; the debounce is for typing.
    documents.onDidOpen((e) => this.opening.add(e.document.uri));
    documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    documents.onDidClose((e) => void this.closed(e.document.uri));
    connection.onDidChangeConfiguration((params) => this.reload(params.settings));
    connection.onDidChangeWatchedFiles((params) => this.filesChanged(params.changes));
    connection.languages.diagnostics.on(
      guarded(this.log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params) =>
        this.pullDiagnostics(documentUri(params), params.previousResultId),
      ),
    );
    registerCompletion(this);
    registerHover(this);
    registerDocumentSymbols(this);
    registerWorkspaceSymbols(this);
    registerFolding(this);
    registerCodeActions(this);
    registerRename(this);
    registerReferences(this);
    registerItems(this);
    registerLedger(this);
    registerPreview(this);
    documents.listen(connection);
    connection.listen();
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.capabilities = params.capabilities;
    this.clientLocale = typeof options.locale === 'string' ? options.locale : params.locale;
    this.trusted = options.trusted !== false;
    this.folders = this.folderUris(params.workspaceFolders, params.rootUri);
    const pull = this.pull;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        renameProvider: { prepareProvider: true },
        referencesProvider: true,
        ...(pull
          ? {
              diagnosticProvider: {
                identifier: 'minutes',
                interFileDependencies: true,
                workspaceDiagnostics: false,
              },
            }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Structured Minutes' },
    };
  }

  private folderUris(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
    if (folders) return folders.map((f) => f.uri.replace(/\/+$/, ''));
    return rootUri ? [rootUri.replace(/\/+$/, '')] : [];
  }

  private async initialized(): Promise<void> {
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'minutes' });
    }
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = event.removed.map((f) => f.uri.replace(/\/+$/, ''));
        const added = event.added.map((f) => f.uri.replace(/\/+$/, ''));
        this.folders = [...this.folders.filter((f) => !removed.includes(f)), ...added];
        for (const folder of removed) this.forget(folder);
        this.reload(undefined);
        this.scan(added);
      });
    }
    this.reload(undefined);
    await this.reloads;
    this.loaded = true;
    this.markReady();
    this.scan(this.folders);
    void this.scans.then(() => {
      this.indexBuilt = true;
      this.markIndexed();
      // Open documents were checked without the other meetings: check them again with the whole workspace.
      this.sendItemsChanged(true);
    });
  }

  private shutdown(): void {
    this.shuttingDown = true;
    for (const timer of [...this.timers.values(), ...this.indexTimers.values()]) clearTimeout(timer);
    this.timers.clear();
    this.indexTimers.clear();
    clearTimeout(this.itemsTimer);
  }

  private get pull(): boolean {
    return this.capabilities.textDocument?.diagnostic !== undefined;
  }

  // ---- settings, registry, config file --------------------------------------------------------------------

  /** Reads settings, the registry and the config file again, then re-checks every open document. */
  private reload(pushed: unknown): void {
    this.reloads = this.reloads.then(async () => {
      try {
        this.settings = await this.fetchSettings(pushed);
        if (this.trusted) await this.config.load(this.folders, this.settings.unitsPaths);
        this.rebuildService();
        // Documents are checked while the client registers the file watchers (a round trip).
        const watching = this.watch();
        // Before the first load, documents wait for it (`ready`) and are checked once it is done.
        this.markReady();
        if (this.loaded) this.revalidateAll();
        const units = JSON.stringify(this.config.units);
        if (units !== this.indexedUnits) {
          // Which names count as owners depends on the registry: read the saved documents again.
          this.indexedUnits = units;
          this.reindex();
        }
        await watching;
      } catch (error) {
        this.log(`Reloading the configuration failed: ${(error as Error).stack ?? String(error)}`);
      }
    });
  }

  private async fetchSettings(pushed: unknown): Promise<MinutesSettings> {
    if (this.capabilities.workspace?.configuration) {
      const [section] = (await this.connection.workspace.getConfiguration([
        { section: 'minutes' },
      ])) as unknown[];
      return readSettings(section);
    }
    const minutes =
      typeof pushed === 'object' && pushed !== null ? (pushed as { minutes?: unknown }).minutes : undefined;
    return minutes === undefined ? this.settings : readSettings(minutes);
  }

  private rebuildService(): void {
    const options = serviceOptions(this.settings, this.config.config, this.config.units, this.clientLocale);
    this.currentService = createMinutesService(options);
    this.generation++;
  }

  service(): MinutesService {
    if (this.currentService.options.config.today !== this.today()) this.rebuildService();
    return this.currentService;
  }

  today(): string {
    return todayOf(this.settings, this.config.config);
  }

  /** Watches minutes documents, the config file and the registry files. */
  private async watch(): Promise<void> {
    if (!this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const globs = ['**/*.minutes', '**/*.minutes.md', ...configFileNames.map((name) => `**/${name}`)];
    const registryWatchers: FileSystemWatcher[] = this.settings.unitsPaths.map((path) => {
      if (!isAbsolutePath(path))
        return { globPattern: `**/${path.replace(/\\/g, '/').replace(/^\.?\//, '')}` };
      const uri = fileUriFromPath(path);
      return { globPattern: { baseUri: uri.slice(0, uri.lastIndexOf('/')), pattern: uriBasename(uri) } };
    });
    const watchers = [...globs.map((globPattern) => ({ globPattern })), ...registryWatchers];
    const key = JSON.stringify(watchers);
    if (key === this.watchedGlobs) return;
    this.watchedGlobs = key;
    this.watchers?.dispose();
    this.watchers = await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers,
    });
  }

  private filesChanged(changes: FileEvent[]): void {
    let reload = false;
    for (const change of changes) {
      if (this.config.concerns(change.uri)) {
        reload = true;
        continue;
      }
      if (this.documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.forget(change.uri);
      } else if (isMinutesFileName(uriBasename(change.uri)) && this.inWorkspace(change.uri)) {
        void this.indexFile(change.uri);
      }
    }
    if (reload) this.reload(undefined);
  }

  private inWorkspace(uri: string): boolean {
    return this.folders.some((folder) => isUnder(uri, folder));
  }

  /** True when the file at `uri` really lies in a workspace folder (not reached through a link out of it). */
  private async reallyInWorkspace(uri: string): Promise<boolean> {
    const real = await this.fs.realPath(uri);
    for (const folder of this.folders) {
      if (isUnder(uri, folder) && isUnderPath(real, await this.fs.realPath(folder))) return true;
    }
    return false;
  }

  // ---- open documents -------------------------------------------------------------------------------------

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const version = this.documents.get(uri)?.version;
    if (version === undefined) return;
    if (this.opening.delete(uri) || this.settings.debounce === 0) {
      void this.refresh(uri, version);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.refresh(uri, version);
      }, this.settings.debounce),
    );
  }

  /** Re-checks one open document: its index entry and, without pull diagnostics, its published diagnostics. */
  private async refresh(uri: string, version: number): Promise<void> {
    await this.ready;
    const document = this.documents.get(uri);
    // A newer version has its own refresh coming; results for this one would be stale.
    if (!document || document.version !== version || this.shuttingDown) return;
    try {
      const service = this.service();
      const skipped = this.skipped(document);
      // Diagnostics first (they leave out the document's own index entry), then, once they are on their way,
      // the index entry: the user waits for the one, not the other. A newer version brings its own entry.
      if (!this.pull) {
        const diagnostics = skipped
          ? []
          : this.cache.diagnostics(document, service, this.checkedAgainst(uri));
        if (this.documents.get(uri)?.version !== version) return;
        await this.connection.sendDiagnostics({ uri, version, diagnostics });
        if (this.documents.get(uri)?.version !== version || this.shuttingDown) return;
      }
      if (skipped) this.forget(uri);
      else this.indexWhenTypingPauses(uri, version);
    } catch (error) {
      this.log(`Checking ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /**
   * Updates an open document's index entry (its items, symbols and ledger facts for the workspace features)
   * once no newer version has come for a moment: while the user types, each keystroke's diagnostics do not
   * wait behind the entry of the keystroke before.
   */
  private indexWhenTypingPauses(uri: string, version: number): void {
    clearTimeout(this.indexTimers.get(uri));
    this.indexTimers.set(
      uri,
      setTimeout(() => {
        this.indexTimers.delete(uri);
        if (this.documents.get(uri)?.version === version) this.indexOpenDocument(uri);
      }, indexPause),
    );
  }

  private indexOpenDocument(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || this.shuttingDown) return;
    try {
      this.setEntry(uri, this.cache.model(document, this.service()), document.version);
    } catch (error) {
      this.log(`Indexing ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /** Checks again the open documents whose diagnostics were computed with an earlier state of the workspace. */
  private recheckAgainstWorkspace(): void {
    const service = this.service();
    const stale = this.documents.all().filter((d) => this.cache.staleFor(d, this.checkedAgainst(d.uri)));
    if (stale.length === 0) return;
    if (this.pull) {
      if (this.capabilities.workspace?.diagnostics?.refreshSupport)
        void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of stale) {
      if (this.skipped(document)) continue;
      const before = this.cache.computed(document);
      const diagnostics = this.cache.diagnostics(document, service, this.checkedAgainst(document.uri));
      // The editor already shows these: publishing them again would only redraw.
      if (before && JSON.stringify(before) === JSON.stringify(diagnostics)) continue;
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    }
  }

  private revalidateAll(): void {
    for (const document of this.documents.all()) void this.refresh(document.uri, document.version);
    if (this.pull && this.capabilities.workspace?.diagnostics?.refreshSupport) {
      void this.connection.languages.diagnostics.refresh();
    }
  }

  private async pullDiagnostics(
    uri: string,
    previousResultId: string | undefined,
  ): Promise<DocumentDiagnosticReport> {
    await this.ready;
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const service = this.service();
    // The workspace's state is part of the result: another meeting's follow-ups change this one's problems.
    const resultId = `${this.generation}:${document.version}:${this.indexBuilt ? this.index.revision : '-'}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const items: Diagnostic[] = this.skipped(document)
      ? []
      : this.cache.diagnostics(document, service, this.checkedAgainst(uri));
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** Why an open document is not checked, telling the user once per document. */
  private skipped(document: TextDocument): SkipReason | null {
    const reason = skipReason(document.getText(), this.settings.maxFileSize);
    if (reason && !this.toldSkipped.has(document.uri)) {
      this.toldSkipped.add(document.uri);
      const name = displayPath(document.uri, this.folders);
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: message(
          reason,
          this.currentService.options.locale,
          name,
          formatSize(this.settings.maxFileSize),
        ),
      });
    }
    return reason;
  }

  private async closed(uri: string): Promise<void> {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.cache.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (this.inWorkspace(uri) && isMinutesFileName(uriBasename(uri))) await this.indexFile(uri);
    else this.forget(uri);
  }

  // ---- workspace index ------------------------------------------------------------------------------------

  /** Queues work on the index after the work already queued; a failure is logged, not passed on. */
  private queueIndexing(work: () => Promise<void>): void {
    this.scans = this.scans
      .then(work)
      .catch((error) => this.log(`Indexing failed: ${(error as Error).stack}`));
  }

  private scan(folders: readonly string[]): void {
    this.queueIndexing(async () => {
      for (const folder of folders) {
        const files = await findMinutesFiles(this.fs, folder, this.log, () => this.shuttingDown);
        await this.indexFiles(files.filter((uri) => !this.documents.get(uri)));
      }
    });
  }

  /** Reads every saved document of the index again (not the folders: the set of files is unchanged). */
  private reindex(): void {
    this.queueIndexing(async () => {
      await this.indexFiles([...this.index].filter(([, entry]) => !entry.open).map(([uri]) => uri));
    });
  }

  /** Reads one saved document into the index (or out of it, when it is gone or not checkable). */
  private async indexFile(uri: string): Promise<void> {
    await this.indexFiles([uri]);
  }

  /**
   * Reads saved documents into the index in order, each file read a few files ahead of the one being parsed,
   * so that the disk works while the processor parses.
   */
  private async indexFiles(uris: readonly string[]): Promise<void> {
    const reads: Promise<string | null>[] = [];
    let next = 0;
    for (const uri of uris) {
      if (this.shuttingDown) return;
      while (next < uris.length && reads.length < readAhead) reads.push(this.readSaved(uris[next++]));
      const text = await (reads.shift() as Promise<string | null>);
      // A document opened meanwhile is indexed as the editor has it.
      if (text === null || this.documents.get(uri)) continue;
      try {
        this.setEntry(uri, this.currentService.parse(text), undefined);
      } catch (error) {
        this.log(`Skipped ${uri}: ${(error as Error).message}`);
        this.forget(uri);
      }
    }
  }

  /**
   * The text of a saved document to index; null (and the document out of the index) when it is gone, not
   * checkable, or open in the editor.
   */
  private async readSaved(uri: string): Promise<string | null> {
    try {
      const stat = await this.fs.stat(uri);
      if (!stat || stat.kind !== 'file') {
        this.forget(uri);
        return null;
      }
      if (!(await this.reallyInWorkspace(uri))) {
        this.log(`Skipped ${uri}: a link out of the workspace folder.`);
        this.forget(uri);
        return null;
      }
      const text = stat.size > this.settings.maxFileSize ? '' : await readText(this.fs, uri);
      const reason = skipReason(text, this.settings.maxFileSize, stat.size);
      if (this.documents.get(uri)) return null;
      if (reason) {
        this.log(`Skipped ${uri}: ${reason === 'tooLarge' ? `${stat.size} bytes` : 'contains NUL bytes'}.`);
        this.forget(uri);
        return null;
      }
      return text;
    } catch (error) {
      this.log(`Skipped ${uri}: ${(error as Error).message}`);
      this.forget(uri);
      return null;
    }
  }

  private setEntry(uri: string, doc: MinutesDocument, version: number | undefined): void {
    const before = this.listed(uri);
    const entry = analyze(this.service(), doc, displayPath(uri, this.folders), version);
    if (this.index.set(uri, entry)) this.noteItemsChanged(uri, before);
  }

  private listed(uri: string): ListedItem[] {
    const entry = this.index.get(uri);
    return entry ? listedItems(uri, entry) : [];
  }

  /** Forgets a document, or every document under a folder URI, noting their items gone. */
  private forget(uri: string): void {
    for (const [key, entry] of this.index.delete(uri)) this.noteItemsChanged(key, listedItems(key, entry));
  }

  /** Notes that the items of `uri` changed; `before`: its items as listed before the change. */
  private noteItemsChanged(uri: string, before: ListedItem[]): void {
    if (this.shuttingDown) return;
    // The first change since the client was last told keeps what the client knows.
    if (!this.changedItems.has(uri)) this.changedItems.set(uri, before);
    // While the workspace is first searched, nothing is told: the view asks once the index is built.
    if (!this.indexBuilt) return;
    this.itemsTimer ??= setTimeout(() => {
      this.itemsTimer = undefined;
      this.sendItemsChanged(false);
    }, itemsChangedDelay);
  }

  /** Tells the client what items changed (or, with `reset`, to ask again) and re-checks open documents. */
  private sendItemsChanged(reset: boolean): void {
    if (this.shuttingDown) return;
    const params: ItemsChangedParams = {
      uris: [...this.changedItems.keys()],
      added: [],
      changed: [],
      removed: [],
      reset,
    };
    for (const [uri, before] of reset ? [] : this.changedItems) {
      const now = this.listed(uri);
      const old = new Map(before.map((l) => [l.key, l]));
      for (const listed of now) {
        const was = old.get(listed.key);
        old.delete(listed.key);
        if (!was) params.added.push(listed);
        else if (JSON.stringify(was.item) !== JSON.stringify(listed.item)) params.changed.push(listed);
      }
      for (const key of old.keys()) params.removed.push({ uri, key } satisfies ItemKey);
    }
    this.changedItems.clear();
    if (params.added.length + params.changed.length + params.removed.length > largestDelta) {
      params.reset = true;
    }
    if (params.reset) {
      params.added = [];
      params.changed = [];
      params.removed = [];
    }
    void this.connection.sendNotification(itemsChangedNotification, params);
    // What one meeting says of another's items changes the other's diagnostics (not-followed-up…).
    this.recheckAgainstWorkspace();
  }

  // ---- ServerContext --------------------------------------------------------------------------------------

  clientCapabilities(): ClientCapabilities {
    return this.capabilities;
  }

  /** An open document that is checked: not over `minutes.validation.maxFileSize`, not binary. */
  private checkable(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document && !this.skipped(document) ? document : undefined;
  }

  openModel(uri: string): MinutesDocument | null {
    const document = this.checkable(uri);
    return document ? this.cache.model(document, this.service()) : null;
  }

  openPeek(uri: string): ((text: string) => MinutesDocument) | null {
    const document = this.checkable(uri);
    return document ? this.cache.peek(document, this.service()) : null;
  }

  openDiagnostics(uri: string): Diagnostic[] | null {
    const document = this.checkable(uri);
    return document ? this.cache.diagnostics(document, this.service(), this.checkedAgainst(uri)) : null;
  }

  async loadModel(uri: string): Promise<MinutesDocument | null> {
    const open = this.openModel(uri);
    if (open) return open;
    try {
      // Only a regular file within the size limit: never block on a pipe or read a huge file for one item.
      const stat = await this.fs.stat(uri);
      if (stat?.kind !== 'file' || stat.size > this.settings.maxFileSize) {
        this.log(
          `Not reading ${uri}: ${stat?.kind === 'file' ? 'larger than minutes.validation.maxFileSize' : 'not a regular file'}`,
        );
        return null;
      }
      if (!(await this.reallyInWorkspace(uri))) {
        this.log(`Not reading ${uri}: outside the workspace folders.`);
        return null;
      }
      return this.service().parse(await readText(this.fs, uri));
    } catch (error) {
      this.log(`Could not read ${uri}: ${(error as Error).message}`);
      return null;
    }
  }

  async whenIndexed(): Promise<void> {
    await this.indexed;
    await this.scans;
    // What is asked of the index sees every open document as last edited.
    for (const [uri, timer] of [...this.indexTimers]) {
      clearTimeout(timer);
      this.indexTimers.delete(uri);
      this.indexOpenDocument(uri);
    }
  }

  async documentsNaming(unit: string, token: CancellationToken): Promise<ParsedDocument[]> {
    await this.whenIndexed();
    const known = this.service().options.units?.units.find(
      (u) => u.name === unit || u.aliases.includes(unit),
    );
    const names = known ? [known.name, ...known.aliases] : [unit];
    const result: ParsedDocument[] = [];
    for (const uri of this.documents.keys()) {
      const open = this.openModel(uri);
      if (open) result.push({ uri, doc: open });
    }
    for (const [uri, entry] of this.index) {
      throwIfCancelled(token);
      // The index knows which units each saved document names: read only those that name this one.
      if (this.documents.get(uri) || !names.some((name) => entry.units.names.includes(name))) continue;
      try {
        result.push({ uri, doc: this.service().parse(await readText(this.fs, uri)) });
      } catch (error) {
        this.log(`Could not read ${uri}: ${(error as Error).message}`);
      }
    }
    return result;
  }

  displayName(uri: string): string {
    return displayPath(uri, this.folders);
  }

  /**
   * The workspace an open document's diagnostics are checked with: none before the index is first built (an
   * opened document gets its own problems at once; those comparing meetings follow once every file is read).
   */
  private checkedAgainst(uri: string): WorkspaceDocuments | null {
    return this.indexBuilt ? this.workspace(uri) : null;
  }

  workspace(uri: string): WorkspaceDocuments {
    return { file: displayPath(uri, this.folders), documents: this.index.ledgerDocuments() };
  }

  async records(token: CancellationToken): Promise<UriDocumentRecord[]> {
    await this.whenIndexed();
    const records: UriDocumentRecord[] = [];
    const uris = new Set([...[...this.index].map(([uri]) => uri), ...this.documents.keys()]);
    for (const uri of uris) {
      throwIfCancelled(token);
      const document = this.documents.get(uri);
      if (document && !skipReason(document.getText(), this.settings.maxFileSize)) {
        const model = this.cache.model(document, this.service());
        const record = this.service().items(model, displayPath(uri, this.folders));
        records.push({ ...record, uri, version: document.version });
      } else {
        const entry = this.index.get(uri);
        if (entry) records.push({ ...entry.record, uri });
      }
    }
    return records;
  }
}
