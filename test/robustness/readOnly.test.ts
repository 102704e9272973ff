/**
 * Nothing is written without the user, and nothing leaves the machine: a session of opens, edits,
 * completions, fixes and renames asked for but not applied, item exports and registry changes leaves every
 * file of the workspace as it was (the registry as the test itself wrote it), creates none, and the server
 * opens no network connection (checked twice: a preload that refuses and records any attempt, and the
 * server's open sockets in /proc at the end).
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { exportRequest, itemGroupsRequest, markDoneRequest } from '../../server/src/protocol';
import { fixture, positionOf, tempWorkspace, uriOf, type TestClient } from '../lsp/client';
import { startServer } from './serverProcess';

/** Every file under `root` (links not followed) with a hash of its content. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const name = path.relative(root, full);
      if (e.isDirectory()) {
        out[`${name}/`] = 'directory';
        walk(full);
      } else {
        out[name] = e.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : 'other';
      }
    }
  };
  walk(root);
  return out;
}

/** Inodes of the internet sockets of the whole system (TCP, UDP, raw; IPv4 and IPv6). */
function internetSocketInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6']) {
    const file = `/proc/net/${table}`;
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The internet sockets a process holds open. */
function internetSocketsOf(pid: number): string[] {
  const inet = internetSocketInodes();
  const held: string[] = [];
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inet.has(inode)) held.push(`fd ${fd}: ${target}`);
  }
  return held;
}

describe('robustness: the server writes nothing and connects nowhere', function () {
  this.timeout(60000);
  let root: string;
  let networkLog: string;
  let client: TestClient;
  let pid: number;

  before(async () => {
    root = tempWorkspace({
      'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml'),
      '.minutesrc.json': '{ "rules": { "missing-header": "off" } }\n',
      'park.minutes': fixture('lsp', 'park.minutes'),
      'finance/budget.minutes': fixture('lsp', 'budget.minutes'),
      'notes.minutes.md':
        '# 周例会\n\n时间：2024年4月1日\n\n- [ ] 整理台账 @县工信局 时限：2024年4月30日前\n',
    });
    networkLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-net-')), 'attempts.log');
    const saved = { options: process.env.NODE_OPTIONS, log: process.env.MINUTES_NETWORK_LOG };
    process.env.NODE_OPTIONS =
      `${saved.options ?? ''} --require ${path.join(__dirname, 'noNetwork.js')}`.trim();
    process.env.MINUTES_NETWORK_LOG = networkLog;
    try {
      ({ client, pid } = await startServer({ folders: [root], settings: { today: '2024-04-15' } }));
    } finally {
      for (const [name, value] of [
        ['NODE_OPTIONS', saved.options],
        ['MINUTES_NETWORK_LOG', saved.log],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  after(() => {
    client?.kill();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.dirname(networkLog), { recursive: true, force: true });
  });

  it('leaves every file as it was after a whole session', async () => {
    const before = snapshot(root);
    const { connection } = client;
    const parkFile = path.join(root, 'park.minutes');
    const park = fs.readFileSync(parkFile, 'utf8');
    const uri = uriOf(parkFile);
    await client.open(uri, park);
    await client.diagnosticsFor(uri, 1);
    const edited = park.replace('（二）做好资金保障。', '（二）做好资金保障，由@县财政 负责。');
    const version = await client.change(uri, edited);
    const { diagnostics } = await client.diagnosticsFor(uri, version);
    assert.ok(diagnostics.length > 0, 'there is something to fix');

    const textDocument = { uri };
    const unit = positionOf(edited, '@县发改局', 2);
    await connection.sendRequest(CompletionRequest.type, {
      textDocument,
      position: positionOf(edited, '@县财政', 4),
    });
    await connection.sendRequest(HoverRequest.type, { textDocument, position: unit });
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    await connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    for (const d of diagnostics) {
      const actions = await connection.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: d.range,
        context: { diagnostics: [d] },
      });
      assert.ok(Array.isArray(actions));
    }
    assert.ok(await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: unit }));
    const rename = await connection.sendRequest(RenameRequest.type, {
      textDocument,
      position: unit,
      newName: '县发展改革局',
    });
    assert.ok(
      rename?.changes && Object.keys(rename.changes).length >= 2,
      'the rename would edit several files',
    );
    await connection.sendRequest(ReferencesRequest.type, {
      textDocument,
      position: unit,
      context: { includeDeclaration: true },
    });
    await connection.sendRequest(WorkspaceSymbolRequest.type, { query: '资金' });
    assert.ok((await connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' })).documents >= 3);
    await connection.sendRequest(exportRequest, { format: 'csv' });
    await connection.sendRequest(exportRequest, { format: 'markdown' });
    const done = await connection.sendRequest(
      markDoneRequest,
      await client.markDoneParams(uriOf(path.join(root, 'notes.minutes.md')), 4),
    );
    assert.ok(done, 'marking done answers an edit, which is not applied');
    await connection.sendNotification('textDocument/didSave', { textDocument });

    // The user edits the registry and the settings; the server reads them again.
    const registry = path.join(root, 'minutes-units.yaml');
    fs.appendFileSync(registry, '  - 县水务局\n');
    before['minutes-units.yaml'] = snapshot(root)['minutes-units.yaml'];
    const rechecked = client.next('diagnostics', (p) => p.uri === uri);
    await client.fileChanged(registry);
    await rechecked;
    await client.configure({ today: '2024-05-01', locale: 'zh-CN' });
    await client.close(uri);
    await client.listed();

    assert.deepStrictEqual(snapshot(root), before);
  });

  it('made no network connection', () => {
    assert.ok(fs.existsSync(path.join(__dirname, 'noNetwork.js')), 'the preload exists');
    const attempts = fs.existsSync(networkLog) ? fs.readFileSync(networkLog, 'utf8') : '';
    assert.strictEqual(attempts, '', 'attempts recorded by the preload');
    assert.deepStrictEqual(internetSocketsOf(pid), []);
  });
});
