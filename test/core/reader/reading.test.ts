import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createMinutesService } from '../../../server/src/core';
import { listFiles } from '../../util/fixtures';
import { repoPath } from '../../util/paths';

/**
 * The reader on minutes written in the genre's conventions, one fixture per convention. Each item is marked
 * on the line after the one it starts on: `<!-- item: KIND OWNER DUE -->`, where OWNER is `named`, `vague`
 * or `none` and DUE is `due`, `nodue` or the ISO date the deadline resolves to; `above N` after them marks an
 * item that starts N lines further up, in a paragraph wrapped over lines. A line with no marker after it
 * starts no item. `<!-- today: YYYY-MM-DD -->` sets the date year-less meeting days are read near.
 */
const ITEM =
  /^<!--\s*item:\s*(decision|action|requirement)\s+(named|vague|none)\s+(due|nodue|\d{4}-\d{2}-\d{2})(?:\s+above\s+(\d+))?\s*-->$/;
const TODAY = /^<!--\s*today:\s*(\d{4}-\d{2}-\d{2})\s*-->$/;
const MEETING = /^<!--\s*meeting:\s*(\S+)(?:\s+chair:\s*(.+?))?\s*-->$/;

interface Expected {
  line: number;
  marker: string;
}

function read(file: string): {
  text: string;
  expected: Expected[];
  today: string | null;
  meeting: string[] | null;
} {
  const text = fs.readFileSync(file, 'utf8');
  const expected: Expected[] = [];
  let today: string | null = null;
  let meeting: string[] | null = null;
  let target = -1;
  text.split('\n').forEach((line, i) => {
    const t = TODAY.exec(line);
    const m = MEETING.exec(line);
    if (line.startsWith('<!-- item:')) {
      const e = ITEM.exec(line);
      assert.ok(e, `${path.basename(file)}:${i + 1}: bad marker ${line}`);
      expected.push({ line: target - Number(e[4] ?? 0), marker: `${e[1]} ${e[2]} ${e[3]}` });
    } else if (t) today = t[1];
    else if (m) meeting = [m[1], m[2] ?? ''];
    else if (line.trim().length > 0) target = i;
  });
  return { text, expected, today, meeting };
}

describe('reading minutes as they are written: one fixture per convention', () => {
  for (const file of listFiles(repoPath('test', 'fixtures', 'reading'))) {
    it(path.basename(file), () => {
      const { text, expected, today, meeting } = read(file);
      const service = createMinutesService({ locale: 'en', referenceDate: today });
      const doc = service.parse(text);
      const record = service.items(doc, path.basename(file));
      const actual = record.items.map((item) => {
        const owner =
          item.owners.length === 0 ? 'none' : item.owners.every((o) => o.vague) ? 'vague' : 'named';
        const due = item.deadline === null ? 'nodue' : (item.deadline.date ?? 'due');
        return `${item.range.start.line + 1}: ${item.kind} ${owner} ${due}`;
      });
      assert.deepStrictEqual(
        actual,
        expected.map((e) => `${e.line + 1}: ${e.marker}`),
        `items of ${path.basename(file)}: ${JSON.stringify(record.items.map((i) => i.text))}`,
      );
      if (meeting) {
        assert.strictEqual(doc.meeting.date, meeting[0] === 'none' ? null : meeting[0]);
        if (meeting[1]) assert.strictEqual(doc.meeting.chair, meeting[1]);
      }
    });
  }
});

describe('reading owners the markers cannot show', () => {
  it('gives a subjectless sentence to its speaker, named without the emphasis around the name', () => {
    const text = '# Sync\n\n**Ivan Herman:** the PR is open. Should we wait? Will merge it after the call.\n';
    const doc = createMinutesService().parse(text);
    assert.deepStrictEqual(
      doc.items.map((i) => i.owners.map((o) => o.name)),
      [['Ivan Herman']],
    );
  });
});
