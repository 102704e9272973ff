/** The workspace index's entries: the same facts the core gives, in copies that keep no document text alive. */
import * as assert from 'assert';
import * as fs from 'fs';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { createMinutesService } from '../../server/src/core';
import { analyze } from '../../server/src/node/workspaceIndex';
import { repoPath } from '../util/paths';

const read = (name: string): string =>
  fs.readFileSync(repoPath('test', 'fixtures', 'ledger', 'zh', name), 'utf8');

/**
 * The bytes an index entry keeps of a meeting whose items are a few lines of a long text (about 2 MB in
 * memory), measured in a process of its own (nothing else allocating) after a full collection.
 */
function keptByEntry(): { kept: number; items: number; text: number } {
  const node = (file: string): string =>
    JSON.stringify(path.join(__dirname, '..', '..', 'server', 'src', file));
  const script = `
    const v8 = require('v8');
    const { createMinutesService } = require(${node('core')});
    const { analyze } = require(${node('node/workspaceIndex')});
    const heap = () => { gc(); gc(); return v8.getHeapStatistics().used_heap_size; };
    const notes = '会议听取了各单位关于城区更新工作的情况汇报，'.repeat(45000);
    const text = () => ${JSON.stringify(read('2024-04-12.minutes'))} + '\\n## 三、会议记录\\n\\n' + notes + '\\n';
    const entryOf = (t) => {
      const service = createMinutesService({ config: { today: '2024-06-01' } });
      return analyze(service, service.parse(t), 'meeting.minutes', undefined);
    };
    entryOf(text()); // once first, so that what is made once (compiled code, caches) is not counted
    const before = heap();
    const entry = entryOf(text());
    const kept = heap() - before;
    process.stdout.write(JSON.stringify({ kept, items: entry.record.items.length, text: text().length * 2 }));
  `;
  const result = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { kept: number; items: number; text: number };
}

describe('workspace index entries', () => {
  it('hold the record and ledger facts the core gives, field for field', () => {
    const service = createMinutesService({ config: { today: '2024-06-01' } });
    for (const name of ['2024-03-15.minutes', '2024-04-12.minutes', '2024-05-17.minutes']) {
      const doc = service.parse(read(name));
      const entry = analyze(service, doc, name, undefined);
      assert.ok(entry.record.items.length > 0);
      assert.deepStrictEqual(entry.record, service.items(doc, name));
      assert.deepStrictEqual(entry.ledger, service.ledgerDocument(doc, name));
      // An item and its ledger facts are one range object.
      for (const item of entry.ledger.items) {
        assert.ok(
          entry.record.items.some((r) => r.range === item.range),
          item.text,
        );
      }
    }
  });

  it('keep no part of the document text alive once the entry is made', () => {
    const { kept, items, text } = keptByEntry();
    assert.ok(items > 0 && text > 1_900_000);
    assert.ok(kept < text / 4, `the entry keeps ${kept} bytes of a ${text}-byte text`);
  });
});
