import * as assert from 'assert';
import { isOverdue } from '../../server/src/core/features/items';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocumentRecord, ItemRecord } from '../../server/src/core/api';
import { formatActionsCsv, formatActionsMarkdown } from '../../server/src/core/export';
import { displayWidth, formatCheckJson, formatCheckText, formatRules } from '../../server/src/cli/format';

function diagnostic(
  line: number,
  character: number,
  severity: DiagnosticSeverity,
  message: string,
  rule: string,
): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + 2 } },
    severity,
    message,
    source: 'minutes',
    code: rule,
    data: { rule },
  };
}

function item(overrides: Partial<ItemRecord>): ItemRecord {
  return {
    kind: 'action',
    section: null,
    text: 'Do it',
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } },
    owners: [],
    deadline: null,
    vagueDeadline: null,
    status: 'open',
    resolution: false,
    ...overrides,
  };
}

function document(
  items: ItemRecord[],
  title: string | null = 'Sync',
  language: DocumentRecord['language'] = 'en',
): DocumentRecord {
  return {
    file: 'notes/sync.minutes',
    language,
    title,
    meeting: { date: '2024-05-06', place: null, chair: null, attendees: [], recorder: null },
    items,
  };
}

describe('cli/format', function () {
  describe('formatCheckText', function () {
    it('aligns columns by display width, CJK characters counting two', function () {
      const text = formatCheckText(
        [
          {
            file: 'a.minutes',
            diagnostics: [
              diagnostic(11, 4, DiagnosticSeverity.Warning, '未写明责任单位', 'missing-owner'),
              diagnostic(2, 0, DiagnosticSeverity.Error, 'Bad date', 'invalid-date'),
            ],
          },
        ],
        { locale: 'en', color: false },
      );
      assert.strictEqual(
        text,
        [
          'a.minutes',
          '  3:1   error    Bad date        invalid-date',
          '  12:5  warning  未写明责任单位  missing-owner',
          '',
          '✖ 2 problems (1 error, 1 warning)',
          '',
        ].join('\n'),
      );
    });

    it('leaves out hints and clean files, counts information separately', function () {
      const files = [
        {
          file: 'clean.minutes',
          diagnostics: [diagnostic(0, 0, DiagnosticSeverity.Hint, 'A hint', 'placeholder')],
        },
        {
          file: 'b.minutes',
          diagnostics: [diagnostic(0, 0, DiagnosticSeverity.Information, 'Note', 'numbering')],
        },
      ];
      const text = formatCheckText(files, { locale: 'en', color: false });
      assert.strictEqual(
        text,
        'b.minutes\n  1:1  info  Note  numbering\n\n✖ 1 problem (0 errors, 0 warnings, 1 info)\n',
      );
      assert.strictEqual(formatCheckText([files[0]], { locale: 'en', color: false }), '');
      const json = JSON.parse(formatCheckJson(files)) as {
        files: { diagnostics: unknown[] }[];
        infoCount: number;
      };
      assert.deepStrictEqual(
        json.files.map((f) => f.diagnostics.length),
        [0, 1],
      );
      assert.strictEqual(json.infoCount, 1);
    });

    it('writes the summary in Chinese', function () {
      const text = formatCheckText(
        [
          {
            file: 'a.minutes',
            diagnostics: [diagnostic(0, 0, DiagnosticSeverity.Error, '日期无效', 'invalid-date')],
          },
        ],
        { locale: 'zh-CN', color: false },
      );
      assert.ok(text.endsWith('\n✖ 1 个问题（1 个错误，0 个警告）\n'), text);
    });
  });

  describe('formatActionsCsv', function () {
    it('quotes fields holding quotes, commas or line breaks, and ends rows with CRLF', function () {
      const csv = formatActionsCsv([
        document([
          item({
            text: 'Say "hi", then\nleave',
            owners: [
              { name: 'Finance', role: 'lead', vague: false, unit: null },
              { name: 'IT', role: null, vague: false, unit: null },
            ],
            deadline: { text: 'end of May', date: '2024-05-31' },
          }),
        ]),
      ]);
      assert.strictEqual(
        csv,
        '\ufefffile,title,meeting_date,section,kind,text,owners,deadline,deadline_date,status,line\r\n' +
          'notes/sync.minutes,Sync,2024-05-06,,action,"Say ""hi"", then\nleave",Finance (lead); IT,end of May,2024-05-31,open,5\r\n',
      );
    });
  });

  describe("exports in the minutes' language", function () {
    it('heads CSV columns in Chinese for Chinese minutes, the item without its bullet and check box', function () {
      const csv = formatActionsCsv([
        document([item({ text: '- [ ] 报送规划方案', owners: [], deadline: null })], '纪要', 'zh-CN'),
      ]);
      assert.strictEqual(
        csv,
        '\ufeff文件,标题,会议日期,部分,类型,事项,责任单位,完成时限,时限日期,状态,行号\r\n' +
          'notes/sync.minutes,纪要,2024-05-06,,action,报送规划方案,,,,open,5\r\n',
      );
    });

    it('keeps English headings when the documents mix languages', function () {
      const csv = formatActionsCsv([document([], 'Sync', 'en'), document([], '纪要', 'zh-CN')]);
      assert.ok(csv.startsWith('\ufefffile,title,'), csv);
    });

    it("heads each Markdown table in its document's language", function () {
      const md = formatActionsMarkdown([
        document([item({ text: '- [x] Book the hall', status: 'done' })], 'Board', 'en'),
        document([item({ text: '1、完善方案' })], '纪要', 'zh-CN'),
      ]);
      assert.match(md, /\| Item \| Owner \| Deadline \| Status \|\n[^\n]*\n\| Book the hall \|/);
      assert.match(md, /\| 事项 \| 责任单位 \| 完成时限 \| 状态 \|\n[^\n]*\n\| 1、完善方案 \|/);
    });
  });

  describe('formatActionsMarkdown', function () {
    it('escapes table syntax and shows resolved deadlines and roles', function () {
      const md = formatActionsMarkdown(
        [
          document(
            [
              item({
                text: 'Pick A | B <now>',
                owners: [{ name: '县财政局', role: 'support', vague: false, unit: null }],
                deadline: { text: '5月底前', date: '2024-05-31' },
              }),
            ],
            'Sync',
            'zh-CN',
          ),
          document([], null, 'zh-CN'),
        ],
        '2024-06-01',
      );
      assert.strictEqual(
        md,
        [
          '## Sync',
          '',
          '文件：notes/sync.minutes　会议日期：2024-05-06',
          '',
          '| 事项 | 责任单位 | 完成时限 | 状态 | 逾期 |',
          '| --- | --- | --- | --- | --- |',
          '| Pick A \\| B &lt;now> | 县财政局（配合） | 5月底前（2024-05-31） | 未完成 | 是 |',
          '',
          '## notes/sync.minutes',
          '',
          '文件：notes/sync.minutes　会议日期：2024-05-06',
          '',
          '_（无事项）_',
          '',
        ].join('\n'),
      );
    });
  });

  it('isOverdue: open items whose deadline date is before today', function () {
    const due = { text: 'x', date: '2024-05-10', vague: false };
    assert.strictEqual(isOverdue(item({ deadline: due }), '2024-05-11'), true);
    assert.strictEqual(isOverdue(item({ deadline: due }), '2024-05-10'), false);
    assert.strictEqual(isOverdue(item({ deadline: due, status: 'done' }), '2024-06-01'), false);
    assert.strictEqual(isOverdue(item({ deadline: { ...due, date: null } }), '2024-06-01'), false);
  });

  it('formatRules aligns a text table in the chosen language', function () {
    const rules = [
      {
        id: 'overdue',
        defaultSeverity: 'warning' as const,
        description: { en: 'Past due', 'zh-CN': '已逾期' },
      },
    ];
    assert.strictEqual(
      formatRules(rules, 'text', 'zh-CN'),
      '规则     默认级别  说明\noverdue  warning   已逾期\n',
    );
  });

  it('displayWidth counts wide characters as two columns', function () {
    assert.deepStrictEqual(['abc', '责任单位', '（一）', 'a，b', '😀'].map(displayWidth), [3, 8, 6, 4, 2]);
  });
});
