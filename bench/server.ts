/**
 * Benchmarks of the language server as an editor meets it: keystroke to diagnostics (2), completion after
 * `@` (3), indexing a large workspace (4), start-up and bundle sizes (6).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import {
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  itemGroupsRequest,
  itemsChangedNotification,
  itemsRequest,
  ledgerRequest,
  type ItemGroupsResult,
  type ItemsChangedParams,
} from '../server/src/protocol';
import { KB, MB } from './core';
import { byteLength, minutesOfSize, type Language, type Registry } from './generate';
import { BenchServer, uriOf, withServer } from './lsp';
import { Random } from './random';
import type { Row } from './report';
import { median, percentile } from './stats';

export interface ServerOptions {
  smoke: boolean;
  registry: Registry;
  log: (line: string) => void;
}

/** A fresh folder under the system's temporary directory, with the registry as `minutes-units.yaml`. */
function tempWorkspace(registry: Registry): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-bench-')));
  fs.writeFileSync(path.join(folder, 'minutes-units.yaml'), registry.yaml);
  return folder;
}

async function inTempWorkspace<T>(registry: Registry, body: (folder: string) => Promise<T>): Promise<T> {
  const folder = tempWorkspace(registry);
  try {
    return await body(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const elapsedSince = (start: number): number => performance.now() - start;

/** Asks `probe` again and again until it answers true; fails after a minute. */
async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const start = performance.now();
  while (!(await probe())) {
    if (elapsedSince(start) > 60_000) throw new Error(`gave up waiting for ${what}`);
  }
}

/** An open document in the server, mirrored on this side so edits can be sent as ranges. */
class OpenDocument {
  private document: TextDocument;

  private constructor(
    private readonly server: BenchServer,
    readonly uri: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'minutes', 1, text);
  }

  /** Opens `text` in the server and waits for its first diagnostics. */
  static async open(server: BenchServer, uri: string, text: string): Promise<OpenDocument> {
    const opened = new OpenDocument(server, uri, text);
    const diagnostics = server.diagnostics(uri, 1);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'minutes', version: 1, text },
    });
    await diagnostics;
    return opened;
  }

  get text(): string {
    return this.document.getText();
  }

  positionAt(offset: number): Position {
    return this.document.positionAt(offset);
  }

  /**
   * Replaces `length` characters at `offset` with `text` as the next version; answers the time from sending
   * the change to receiving that version's diagnostics, and how many there were.
   */
  async edit(offset: number, length: number, text: string): Promise<{ ms: number; diagnostics: number }> {
    const version = this.document.version + 1;
    const range = { start: this.positionAt(offset), end: this.positionAt(offset + length) };
    this.document = TextDocument.update(this.document, [{ range, text }], version);
    const published = this.server.diagnostics(this.uri, version);
    const start = performance.now();
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version },
      contentChanges: [{ range, text }],
    });
    const params = await published;
    return { ms: elapsedSince(start), diagnostics: params.diagnostics.length };
  }
}

const keystrokeGroup = '2. Keystroke → diagnostics (debounce 0)';
const completionGroup = '3. Completion after @';
const workspaceGroup = '4. Workspace index';
const startupGroup = '6. Start-up and bundle sizes';

/** Characters a person types into minutes. */
const TYPED = ['的', '一', '是', '，', '。', '会', '议', 'a', 'e', '1', '2', ' ', '@', '：', '\n'];

export async function keystrokes(options: ServerOptions): Promise<Row[]> {
  const [warmup, count, size] = options.smoke ? [2, 10, 16 * KB] : [50, 500, 200 * KB];
  const text = minutesOfSize(200, 'zh', size, options.registry);
  return inTempWorkspace(options.registry, (folder) =>
    withServer(folder, async (server) => {
      const doc = await OpenDocument.open(server, uriOf(path.join(folder, 'keystrokes.minutes.md')), text);
      const rng = new Random(2);
      const latencies: number[] = [];
      const diagnostics: number[] = [];
      for (let i = 0; i < warmup + count; i++) {
        const offset = rng.int(0, doc.text.length - 1);
        // Four keystrokes in five type a character, one deletes the one at the cursor.
        const result = rng.chance(0.8)
          ? await doc.edit(offset, 0, rng.pick(TYPED))
          : await doc.edit(offset, 1, '');
        if (i < warmup) continue;
        latencies.push(result.ms);
        diagnostics.push(result.diagnostics);
      }
      const note = `${count} edits after ${warmup} warm-up; ${byteLength(text)} bytes, ~${median(diagnostics)} diagnostics each`;
      return [
        { group: keystrokeGroup, name: 'p50', value: percentile(latencies, 50), unit: 'ms', note },
        {
          group: keystrokeGroup,
          name: 'p95',
          value: percentile(latencies, 95),
          unit: 'ms',
          target: { op: '<=', value: 10 },
        },
        { group: keystrokeGroup, name: 'p99', value: percentile(latencies, 99), unit: 'ms' },
        { group: keystrokeGroup, name: 'max', value: Math.max(...latencies), unit: 'ms' },
      ] satisfies Row[];
    }),
  );
}

function completionCount(result: CompletionItem[] | CompletionList | null): number {
  if (!result) return 0;
  return Array.isArray(result) ? result.length : result.items.length;
}

export async function completion(options: ServerOptions): Promise<Row[]> {
  const [warmup, count] = options.smoke ? [2, 10] : [30, 300];
  // A year's minutes of one county: a realistic document to type a mention into.
  const text = minutesOfSize(300, 'zh', 16 * KB, options.registry);
  return inTempWorkspace(options.registry, (folder) =>
    withServer(folder, async (server) => {
      const doc = await OpenDocument.open(server, uriOf(path.join(folder, 'completion.minutes.md')), text);
      const lineEnds = [...text.matchAll(/\n/g)]
        .map((m) => m.index as number)
        .filter((i) => i > 0 && text[i - 1] !== '\n');
      const rng = new Random(3);
      const request = async (position: Position) => {
        const start = performance.now();
        const result = await server.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: doc.uri },
          position,
          context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: '@' },
        });
        return { ms: elapsedSince(start), items: completionCount(result) };
      };
      const settled: number[] = [];
      const typed: number[] = [];
      const items: number[] = [];
      for (let i = 0; i < warmup + count; i++) {
        const offset = rng.pick(lineEnds);
        const end = doc.positionAt(offset);
        const after = { line: end.line, character: end.character + 1 };
        // As typed: the `@` and the completion request go out together, as an editor sends them.
        const typedStart = performance.now();
        const inserted = doc.edit(offset, 0, '@');
        const first = await request(after);
        const typedMs = elapsedSince(typedStart);
        await inserted;
        // Settled: the document already checked, the request alone.
        const again = await request(after);
        await doc.edit(offset, 1, '');
        if (i < warmup) continue;
        typed.push(typedMs);
        settled.push(again.ms);
        items.push(first.items, again.items);
      }
      const note = `${count} requests after ${warmup} warm-up; ${byteLength(text)}-byte document; ${options.registry.units.length}-unit registry; ~${median(items)} items each`;
      return [
        {
          group: completionGroup,
          name: 'request alone: p50',
          value: percentile(settled, 50),
          unit: 'ms',
          note,
        },
        {
          group: completionGroup,
          name: 'request alone: p99',
          value: percentile(settled, 99),
          unit: 'ms',
          target: { op: '<=', value: 5 },
        },
        {
          group: completionGroup,
          name: 'typed @ then request: p50',
          value: percentile(typed, 50),
          unit: 'ms',
          note: 'from the change to the completion answer',
        },
        {
          group: completionGroup,
          name: 'typed @ then request: p99',
          value: percentile(typed, 99),
          unit: 'ms',
        },
      ] satisfies Row[];
    }),
  );
}

/** A workspace of `count` minutes files (seven in ten Chinese), about `fileBytes` each, twenty to a folder. */
function writeWorkspace(
  folder: string,
  registry: Registry,
  count: number,
  fileBytes: number,
): { files: string[]; bytes: number } {
  const rng = new Random(4);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const language: Language = rng.chance(0.7) ? 'zh' : 'en';
    const file = path.join(
      folder,
      `2024-${String(Math.floor(i / 20)).padStart(3, '0')}`,
      `meeting-${i}.minutes.md`,
    );
    const text = minutesOfSize(1000 + i, language, fileBytes, registry);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += byteLength(text);
  }
  return { files, bytes };
}

/** The items view's groups, grouped by unit (the default). */
async function groups(server: BenchServer): Promise<ItemGroupsResult> {
  return server.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' });
}

/** Pages through every group as a view expanding all of them would; answers the items and the JSON bytes. */
async function everyItem(server: BenchServer): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  for (const group of (await groups(server)).groups) {
    for (let offset = 0; offset < group.count;) {
      const page = await server.connection.sendRequest(itemsRequest, { groupBy: 'unit', group, offset });
      if (page.items.length === 0) break;
      offset += page.items.length;
      items += page.items.length;
      bytes += byteLength(JSON.stringify(page));
    }
  }
  return { items, bytes };
}

/** Resolves with the first `minutes/itemsChanged` for which `test` holds (within a minute). */
function itemsChanged(
  server: BenchServer,
  test: (params: ItemsChangedParams) => boolean,
): Promise<ItemsChangedParams> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('no matching minutes/itemsChanged within a minute'));
    }, 60_000);
    const listener = server.connection.onNotification(itemsChangedNotification, (params) => {
      if (!test(params)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(params);
    });
  });
}

/** How many workspace symbols match `query`. */
async function symbols(server: BenchServer, query: string): Promise<number> {
  return ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []).length;
}

/** `body` run `count` times, one after another. */
async function sequence<T>(count: number, body: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await body());
  return results;
}

interface WorkspaceRun {
  /** `initialized` → `minutes/itemGroups` answers with every document indexed, and the first group's page. */
  indexMs: number;
  /** Paging through every group on the built index, and the JSON of all pages. */
  itemsMs: number;
  responseBytes: number;
  /** One page of the largest group. */
  pageMs: number;
  /** A `workspace/symbol` query that matches nothing, on the built index. */
  symbolsMs: number;
  /** `minutes/ledger` on the built index: the first page, as the ledger tab asks for it. */
  ledgerMs: number;
  /** File changed → visible in workspace symbols, per trial. */
  updateMs: number[];
  /** File changed → `minutes/items` reflects it, per trial. */
  updateItemsMs: number[];
  peakBytes: number;
  items: number;
}

/** One server over the workspace: the full index, then `trials` single-file changes. */
async function workspaceRun(
  folder: string,
  files: string[],
  trials: number,
  run: number,
): Promise<WorkspaceRun> {
  const server = BenchServer.spawn();
  try {
    await server.initialize(folder);
    const start = performance.now();
    await server.initialized();
    // As the view: the groups (answered once the index is built), then the first group's first page.
    const first = await groups(server);
    if (first.documents !== files.length)
      throw new Error(`${first.documents} of ${files.length} documents indexed`);
    await server.connection.sendRequest(itemsRequest, {
      groupBy: 'unit',
      group: first.groups[0],
      limit: 200,
    });
    const indexMs = elapsedSince(start);
    const largest = first.groups.reduce((a, b) => (b.count > a.count ? b : a));
    const pageMs = median(
      await sequence(5, async () => {
        const pageStart = performance.now();
        await server.connection.sendRequest(itemsRequest, { groupBy: 'unit', group: largest, limit: 200 });
        return elapsedSince(pageStart);
      }),
    );
    const itemsStart = performance.now();
    const all = await everyItem(server);
    const itemsMs = elapsedSince(itemsStart);
    const responseBytes = all.bytes;
    const symbolsMs = median(
      await sequence(5, async () => {
        const queryStart = performance.now();
        await symbols(server, 'ZQXJnone');
        return elapsedSince(queryStart);
      }),
    );
    const ledgerStart = performance.now();
    await server.connection.sendRequest(ledgerRequest, { offset: 0, limit: 500 });
    const ledgerMs = elapsedSince(ledgerStart);
    const updateMs: number[] = [];
    const updateItemsMs: number[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const file = files[((run * trials + trial) * 97) % files.length];
      const marker = `ZQXJ${run}x${trial}`;
      fs.appendFileSync(
        file,
        `\n## 下一步工作 ${marker}\n\n- [ ] 复核${marker}台账 @弥渡财政局 时限：2024年9月30日前\n`,
      );
      const uri = uriOf(file);
      const delta = itemsChanged(server, (p) =>
        p.added.some((l) => l.uri === uri && l.item.text.includes(marker)),
      );
      const changeStart = performance.now();
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: uriOf(file), type: FileChangeType.Changed }],
      });
      // As the view: the delta names the new item; the view asks for the groups and the touched group's page.
      // (Timed before the symbol queries below, which would hold up the server while it reads the file.)
      const added = (await delta).added.find((l) => l.item.text.includes(marker));
      const after = await groups(server);
      const touched = after.groups.find(
        (g) => g.kind === 'unit' && added?.item.owners.some((o) => (o.unit ?? o.name) === g.title),
      );
      if (!touched) throw new Error('the new item is in no group');
      await server.connection.sendRequest(itemsRequest, { groupBy: 'unit', group: touched, limit: 200 });
      updateItemsMs.push(elapsedSince(changeStart));
      // Workspace symbols come from the same index entry as the items.
      await until('workspace symbols', async () => (await symbols(server, marker)) > 0);
      updateMs.push(elapsedSince(changeStart));
    }
    const peakBytes = server.peakMemory();
    await server.stop();
    return {
      indexMs,
      itemsMs,
      responseBytes,
      pageMs,
      symbolsMs,
      ledgerMs,
      updateMs,
      updateItemsMs,
      peakBytes,
      items: all.items,
    };
  } finally {
    server.kill();
  }
}

/** `minutes ledger --format xlsx` over the whole workspace: read, parse, ledger, workbook written. */
function cliLedgerMs(folder: string): number {
  const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  const output = path.join(os.tmpdir(), `minutes-bench-ledger-${process.pid}.xlsx`);
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, 'ledger', '--format', 'xlsx', '-o', output, folder], {
    encoding: 'utf8',
  });
  const ms = elapsedSince(start);
  fs.rmSync(output, { force: true });
  if (result.status !== 0) throw new Error(`minutes ledger failed: ${result.stderr}`);
  return ms;
}

export async function workspace(options: ServerOptions): Promise<Row[]> {
  const [count, runs, trials] = options.smoke ? [20, 1, 1] : [2000, 3, 5];
  return inTempWorkspace(options.registry, async (folder) => {
    const { files, bytes } = writeWorkspace(folder, options.registry, count, 9.5 * KB);
    options.log(`workspace: ${files.length} files, ${(bytes / MB).toFixed(1)} MB`);
    const results: WorkspaceRun[] = [];
    for (let run = 0; run < runs; run++) results.push(await workspaceRun(folder, files, trials, run));
    const indexMs = median(results.map((r) => r.indexMs));
    const itemsMs = median(results.map((r) => r.itemsMs));
    const pageMs = median(results.map((r) => r.pageMs));
    const symbolsMs = median(results.map((r) => r.symbolsMs));
    const ledgerMs = median(results.map((r) => r.ledgerMs));
    const cliMs = median(Array.from({ length: runs }, () => cliLedgerMs(folder)));
    const updateMs = median(results.flatMap((r) => r.updateMs));
    const updateItemsMs = median(results.flatMap((r) => r.updateItemsMs));
    const peak = Math.max(...results.map((r) => r.peakBytes)) / MB;
    const note = `${files.length} files, ${(bytes / MB).toFixed(1)} MB, ${results[0].items} items; median of ${runs} server start(s)`;
    return [
      {
        group: workspaceGroup,
        name: 'initialized → all documents indexed, items view’s groups and first page',
        value: indexMs / 1000,
        unit: 's',
        target: { op: '<=', value: 3 },
        note,
      },
      {
        group: workspaceGroup,
        name: 'server peak RSS (VmHWM)',
        value: peak,
        unit: 'MB',
        target: { op: '<=', value: 250 },
        note: 'largest over the runs',
      },
      {
        group: workspaceGroup,
        name: 'minutes/items: a page of 200 items of the largest group',
        value: pageMs,
        unit: 'ms',
      },
      {
        group: workspaceGroup,
        name: 'every group paged through (minutes/items, 500 a page)',
        value: itemsMs,
        unit: 'ms',
        note: `${(median(results.map((r) => r.responseBytes)) / MB).toFixed(1)} MB of JSON in all; the view asks only for groups opened`,
      },
      { group: workspaceGroup, name: 'workspace/symbol query alone', value: symbolsMs, unit: 'ms' },
      {
        group: workspaceGroup,
        name: 'minutes/ledger: the whole workspace’s follow-up ledger, first page (500 rows)',
        value: ledgerMs / 1000,
        unit: 's',
        target: { op: '<=', value: 3 },
        note: `on the built index; ${results[0].items} items, filtered and ordered for the page`,
      },
      {
        group: workspaceGroup,
        name: 'minutes ledger --format xlsx over the workspace (CLI)',
        value: cliMs / 1000,
        unit: 's',
        note: `reads and parses every file, then writes the workbook; median of ${runs} run(s)`,
      },
      {
        group: workspaceGroup,
        name: 'one file changed → in workspace symbols',
        value: updateMs,
        unit: 'ms',
        note: `median of ${runs * trials} changes (didChangeWatchedFiles), after the items view's requests`,
      },
      {
        group: workspaceGroup,
        name: 'one file changed → items view reflects it',
        value: updateItemsMs,
        unit: 'ms',
        target: { op: '<=', value: 200 },
        note: 'the minutes/itemsChanged delta, then the groups and the touched group’s page',
      },
      {
        group: workspaceGroup,
        name: '(one file changed → items view) / full index',
        value: updateItemsMs / indexMs,
        unit: '×',
        note: `1 file of ${files.length} is ${(1 / files.length).toFixed(4)}`,
      },
    ] satisfies Row[];
  });
}

/** The bundles, and what each holds. */
const bundles: [string, string][] = [
  ['client.js', 'the extension'],
  ['server.js', 'the language server'],
  ['cli.js', 'the command-line checker'],
  ['docx.js', 'the Word writer, loaded on first use'],
  ['xlsx.js', 'the workbook writer, loaded on first use'],
];

export async function startup(options: ServerOptions): Promise<Row[]> {
  const count = options.smoke ? 2 : 10;
  const times: number[] = [];
  // One start not counted, to warm the file cache.
  for (let i = 0; i <= count; i++) {
    const start = performance.now();
    const server = BenchServer.spawn();
    try {
      await server.initialize();
      if (i > 0) times.push(elapsedSince(start));
      await server.initialized();
      await server.stop();
    } finally {
      server.kill();
    }
  }
  const rows: Row[] = [
    {
      group: startupGroup,
      name: 'spawn → initialize response',
      value: median(times),
      unit: 'ms',
      note: `median of ${count}`,
    },
  ];
  for (const [name, holds] of bundles) {
    const file = path.resolve(__dirname, '..', '..', 'dist', name);
    const text = fs.readFileSync(file);
    const minified = !/\/\/# sourceMappingURL=\S+\s*$/.test(text.subarray(-200).toString('utf8'));
    rows.push({
      group: startupGroup,
      name: `dist/${name}`,
      value: text.length / KB,
      unit: 'KB',
      note: `${holds}; ${minified ? 'production (minified)' : 'development (not minified)'} build; ${(gzipSync(text).length / KB).toFixed(0)} KB gzipped`,
    });
  }
  return rows;
}
