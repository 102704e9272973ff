/**
 * Drives the bundled language server (`node dist/server.js --stdio`) as an editor would, with the timing
 * hooks the server benchmarks need: diagnostics awaited per document version, the server's peak memory.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigurationRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TODAY } from './generate';

export const serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** The `minutes` settings the client answers with: validation at once, and the generator's today. */
const settings = { validation: { debounce: 0 }, today: TODAY };

/**
 * What the client announces: configuration, watched files and folders; pushed diagnostics with versions.
 * No `textDocument.diagnostic`, so the server pushes diagnostics rather than waiting to be asked.
 */
const capabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    // As VS Code's client: list defaults (one edit range for a whole list of completions).
    completion: {
      completionItem: { snippetSupport: true },
      completionList: {
        itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'],
      },
    },
  },
};

export class BenchServer {
  private readonly waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  private readonly exited: Promise<void>;
  private configured!: () => void;
  /** Resolves when the server first asks for the `minutes` settings (the start of its first load). */
  readonly settingsAsked = new Promise<void>((resolve) => (this.configured = resolve));

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const key = `${params.uri}#${params.version}`;
      const resolve = this.waiting.get(key);
      if (resolve) {
        this.waiting.delete(key);
        resolve(params);
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configured();
      return params.items.map((item) => (item.section === 'minutes' ? settings : null));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest('client/unregisterCapability', () => undefined);
    connection.listen();
  }

  /** Spawns the server; the caller sends `initialize` (see `initialize`) and `initialized`. */
  static spawn(): BenchServer {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\``);
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    child.stderr.resume();
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    return new BenchServer(connection, child);
  }

  /** Spawns the server and completes the handshake, with `folder` (if any) as the workspace folder. */
  static async start(folder?: string): Promise<BenchServer> {
    const server = BenchServer.spawn();
    try {
      await server.initialize(folder);
      await server.initialized();
      return server;
    } catch (error) {
      server.kill();
      throw error;
    }
  }

  get pid(): number {
    return this.child.pid as number;
  }

  async initialize(folder?: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? uriOf(folder) : null,
      workspaceFolders: folder ? [{ uri: uriOf(folder), name: path.basename(folder) }] : null,
      capabilities,
      initializationOptions: { locale: 'zh-CN' },
    });
  }

  /** Sends `initialized` and waits until the server has asked for its settings. */
  async initialized(): Promise<void> {
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.settingsAsked;
  }

  /** Resolves with the diagnostics the server publishes for this version of the document (within a minute). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const key = `${uri}#${version}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`no diagnostics for ${key} within a minute`));
      }, 60_000);
      this.waiting.set(key, (params) => {
        clearTimeout(timer);
        resolve(params);
      });
    });
  }

  /** The server's peak resident memory so far (VmHWM), in bytes. */
  peakMemory(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (!match) throw new Error(`no VmHWM in /proc/${this.pid}/status`);
    return Number(match[1]) * 1024;
  }

  /** Shuts the server down through the protocol and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await this.exited;
    }
    this.connection.dispose();
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** Runs `body` with a started server, stopping it afterwards whatever happens. */
export async function withServer<T>(
  folder: string | undefined,
  body: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await BenchServer.start(folder);
  try {
    const result = await body(server);
    await server.stop();
    return result;
  } finally {
    server.kill();
  }
}
