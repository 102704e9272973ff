/**
 * A small LSP client for the tests: starts the bundled server (`node dist/server.js --stdio`), answers the
 * server's requests (configuration, registrations, refreshes) and records its notifications, which tests
 * await as events with a timeout.
 */
import * as assert from 'assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type Position,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { itemGroupsRequest, itemsChangedNotification, itemsRequest } from '../../server/src/protocol';
import type { ItemGroup, ItemsChangedParams, ListedItem, MarkDoneParams } from '../../server/src/protocol';
import type { GroupBy } from '../../server/src/core/features/itemGroups';
import { repoPath } from '../util/paths';

/** How long a test waits for an event before failing. */
export const eventTimeout = 5000;

export interface StartOptions {
  /** Advertise pull diagnostics (`textDocument/diagnostic`). */
  pull?: boolean;
  /** Workspace folder paths. */
  folders?: string[];
  /** The `minutes` settings section the client answers with. Debounce 0 unless given. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Take a completion list's shared edit range once for the list (`itemDefaults`), as VS Code does. */
  completionDefaults?: boolean;
}

interface Events {
  diagnostics: [PublishDiagnosticsParams];
  showMessage: [ShowMessageParams];
  log: [LogMessageParams];
  itemsChanged: [ItemsChangedParams];
  refresh: [];
  configuration: [];
  registration: [Registration];
}

type Recorded = { [K in keyof Events]: Events[K][] };

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(repoPath('test', 'fixtures', ...parts), 'utf8');
}

/** The text with its cursor marker `|` removed, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: TextDocument.create('untitled:x', 'minutes', 0, text).positionAt(offset) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'minutes', 0, text), edits);
}

/** The position of the first `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  return TextDocument.create('untitled:x', 'minutes', 0, text).positionAt(offset + delta);
}

/** Every temporary workspace made and not yet removed (tests may remove their own). */
const workspaces: string[] = [];
/** Every server process started and not yet ended. */
const servers = new Set<ChildProcessWithoutNullStreams>();

/**
 * Ends every server process still running and removes every temporary workspace: run once the tests are done
 * (test/util/hooks.ts), so that neither a pipe to a server nor a folder in the temporary directory outlives the
 * run, whatever a failing hook left behind.
 */
export function endServersAndWorkspaces(): void {
  for (const server of servers) server.kill();
  for (const dir of workspaces.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder with the given files (paths relative to it), removed when the run ends. */
export function tempWorkspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-lsp-')));
  workspaces.push(root);
  for (const [name, text] of Object.entries(files)) writeFile(path.join(root, name), text);
  return root;
}

export function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export class TestClient {
  readonly events = new EventEmitter();
  readonly recorded: Recorded = {
    diagnostics: [],
    showMessage: [],
    log: [],
    itemsChanged: [],
    refresh: [],
    configuration: [],
    registration: [],
  };
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcessWithoutNullStreams,
    options: StartOptions,
  ) {
    this.settings = { validation: { debounce: 0 }, ...options.settings };
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    const record = <K extends keyof Events>(kind: K, ...args: Events[K]) => {
      this.recorded[kind].push(args);
      this.events.emit(kind, ...args);
    };
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => record('diagnostics', p));
    connection.onNotification(ShowMessageNotification.type, (p) => record('showMessage', p));
    connection.onNotification(LogMessageNotification.type, (p) => record('log', p));
    connection.onNotification(itemsChangedNotification, (p) => record('itemsChanged', p));
    connection.onRequest(ConfigurationRequest.type, (p) => {
      record('configuration');
      return p.items.map((item) => (item.section === 'minutes' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      for (const registration of p.registrations) record('registration', registration);
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      record('refresh');
    });
    connection.listen();
  }

  /** Starts the server and completes the initialize handshake; the configuration is answered once. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const server = repoPath('dist', 'server.js');
    assert.ok(fs.existsSync(server), 'dist/server.js is missing: run `npm run build`');
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    servers.add(child);
    child.on('exit', () => servers.delete(child));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(connection, child, options);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        ...(options.completionDefaults
          ? { completion: { completionList: { itemDefaults: ['editRange', 'data'] } } }
          : {}),
      },
    };
    const folders = options.folders ?? [];
    const configured = client.next('configuration');
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders.length > 0 ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
      capabilities,
      initializationOptions: { locale: 'en', ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await configured;
    return client;
  }

  /**
   * The first `kind` event (already recorded from index `since` on, or still to come) that `accept` takes.
   * Fails after `timeout` ms (`eventTimeout` unless given).
   */
  waitFor<K extends keyof Events>(
    kind: K,
    accept: (...args: Events[K]) => boolean = () => true,
    since = 0,
    timeout = eventTimeout,
  ): Promise<Events[K]> {
    const seen = this.recorded[kind].slice(since).find((args) => accept(...args));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const listener = (...args: Events[K]) => {
        if (!accept(...args)) return;
        clearTimeout(timer);
        this.events.off(kind, listener as (...a: unknown[]) => void);
        resolve(args);
      };
      const timer = setTimeout(() => {
        this.events.off(kind, listener as (...a: unknown[]) => void);
        reject(new Error(`timed out waiting for ${kind}`));
      }, timeout);
      this.events.on(kind, listener as (...a: unknown[]) => void);
    });
  }

  /** The next `kind` event from now on. */
  next<K extends keyof Events>(
    kind: K,
    accept?: (...args: Events[K]) => boolean,
    timeout?: number,
  ): Promise<Events[K]> {
    return this.waitFor(kind, accept, this.recorded[kind].length, timeout);
  }

  /** The diagnostics published for `uri` at `version`. */
  async diagnosticsFor(uri: string, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    const [params] = await this.waitFor('diagnostics', (p) => p.uri === uri && p.version === version);
    return params;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async open(uri: string, text: string, languageId = 'minutes'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends edits (a whole new text, or ranged changes) as the next version. */
  async change(uri: string, changes: string | TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: typeof changes === 'string' ? [{ text: changes }] : changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the `minutes` settings and tells the server, as VS Code does (the server pulls them again). */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = { validation: { debounce: 0 }, ...settings };
    const configured = this.next('configuration');
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { minutes: this.settings },
    });
    await configured;
  }

  async fileChanged(file: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(file), type }],
    });
  }

  /** Resolves once the server has built its workspace index (it answers the items view's groups then). */
  async indexed(): Promise<void> {
    await this.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' });
  }

  /** Every item the view lists grouped `by`, group by group, each group paged through as the view does. */
  async listed(by: GroupBy = 'document'): Promise<{ group: ItemGroup; items: ListedItem[] }[]> {
    const { groups } = await this.connection.sendRequest(itemGroupsRequest, { groupBy: by });
    const out: { group: ItemGroup; items: ListedItem[] }[] = [];
    for (const group of groups) {
      const items: ListedItem[] = [];
      for (;;) {
        const page = await this.connection.sendRequest(itemsRequest, {
          groupBy: by,
          group: { kind: group.kind, title: group.title },
          offset: items.length,
          limit: 2,
        });
        assert.strictEqual(page.total, group.count, `${group.title}: the page's total is the group's count`);
        items.push(...page.items);
        if (page.items.length === 0) break;
      }
      assert.strictEqual(items.length, group.count, `${group.title}: every item listed`);
      out.push({ group, items });
    }
    return out;
  }

  /** The items listed for each document, by its file. */
  async listedByFile(): Promise<Map<string, ListedItem[]>> {
    return new Map((await this.listed('document')).map(({ group, items }) => [group.title, items]));
  }

  /** The `minutes/markDone` parameters for the item listed at `line` of `uri`, as the items view sends them. */
  async markDoneParams(uri: string, line: number): Promise<MarkDoneParams> {
    const listed = [...(await this.listedByFile()).values()].flat();
    const found = listed.find((l) => l.uri === uri && l.item.range.start.line === line);
    assert.ok(found, `no item listed at ${uri}:${line}`);
    return { uri, line, text: found.item.text, version: found.version };
  }

  /** The server process's exit code, once it has ended. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  /** Shuts the server down and waits for the process to end; answers its exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the process without the protocol's shutdown (for cleanup after a failure). */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
