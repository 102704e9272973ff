import * as assert from 'assert';
import * as fs from 'fs';
import { createMinutesService } from '../../server/src/core';
import {
  buildLayout,
  renderHtml,
  renderHtmlDocument,
  type Layout,
  type LayoutBlock,
} from '../../server/src/core/layout';
import { renderDocx } from '../../server/src/core/layout/docx';
import { pagePatch } from '../../server/src/core/layout/patch';
import { repoPath } from '../util/paths';

const service = createMinutesService();
const layoutOf = (text: string): Layout => buildLayout(service.parse(text));
const example = (name: string): Layout => layoutOf(fs.readFileSync(repoPath('examples', name), 'utf8'));

function blocks<K extends LayoutBlock['kind']>(layout: Layout, kind: K): Extract<LayoutBlock, { kind: K }>[] {
  return layout.blocks.filter((b): b is Extract<LayoutBlock, { kind: K }> => b.kind === kind);
}

function paragraphText(block: Extract<LayoutBlock, { kind: 'paragraph' }>): string {
  return block.runs.map((r) => r.text).join('');
}

describe('layout: the 纪要 of GB/T 9704-2012', () => {
  const layout = example('industrial-park.minutes');

  it('lays out Chinese minutes in the gb style, title first', () => {
    assert.strictEqual(layout.style, 'gb');
    assert.deepStrictEqual(layout.blocks[0], {
      kind: 'title',
      text: '弥渡县工业园区建设专题会议纪要',
      lines: { from: 0, to: 0 },
    });
  });

  it('puts 出席 and 列席 at the end with their names, in the standard order, without @', () => {
    const last = layout.blocks[layout.blocks.length - 1];
    assert.strictEqual(last.kind, 'attendance');
    assert.deepStrictEqual(last.kind === 'attendance' ? last.fields.map((f) => [f.label, f.value]) : [], [
      [
        '出席',
        '县政府办、县发改局、县工信局、县财政局、县自然资源局、县住建局、县交通局、县水务局、县商务局、园区管委会',
      ],
      ['列席', '苴力镇、密祉乡'],
    ]);
    const top = blocks(layout, 'fields')[0];
    assert.deepStrictEqual(
      top.fields.map((f) => f.label),
      ['时间', '地点', '主持', '记录'],
    );
  });

  it('keeps the numbering as written: 一、 headings at level 1, （一） labels set as second-level runs', () => {
    assert.deepStrictEqual(
      blocks(layout, 'heading').map((h) => [h.level, h.text]),
      [
        [1, '三、会议决定'],
        [1, '四、会议要求'],
      ],
    );
    const paragraphs = blocks(layout, 'paragraph');
    assert.deepStrictEqual(paragraphs[0].runs[0], { text: '一、会议认为', style: 'heading1' });
    assert.deepStrictEqual(paragraphs[2].runs[0], { text: '（一）加强组织领导。', style: 'heading2' });
    assert.deepStrictEqual(paragraphs[3].runs[0], { text: '（二）', style: 'heading2' });
    assert.ok(paragraphText(paragraphs[2]).endsWith('牵头单位：县政府办；时限：2012年3月31日前。'));
  });

  it('marks done list items and drops list markers and status boxes', () => {
    const done = blocks(layout, 'paragraph').find((p) => paragraphText(p).startsWith('印发本次会议纪要'));
    assert.ok(done);
    assert.strictEqual(paragraphText(done), '印发本次会议纪要 县政府办 时限：2012年3月20日前（已完成）');
  });

  it('keeps 一是 … 五是 of the plain-text seed as written, in its paragraph', () => {
    const text = example('industrial-park-minutes.txt');
    assert.strictEqual(text.style, 'gb');
    const decided = blocks(text, 'paragraph').find((p) => paragraphText(p).startsWith('四、会议决定'));
    assert.ok(decided);
    assert.match(paragraphText(decided), /一是加强组织领导。.*二是健全管理机构。.*五是支持/);
  });

  it('gives every block the source lines it comes from, in order', () => {
    let previous = -1;
    for (const block of layout.blocks.filter((b) => b.kind !== 'attendance' && b.kind !== 'fields')) {
      assert.ok(block.lines.from > previous, `${block.kind} at ${block.lines.from}`);
      assert.ok(block.lines.to >= block.lines.from);
      previous = block.lines.to;
    }
  });
});

describe('layout: English minutes in the business style', () => {
  const layout = example('board-meeting.minutes.md');

  it('numbers the sections and keeps the header as a table', () => {
    assert.strictEqual(layout.style, 'business');
    assert.deepStrictEqual(
      blocks(layout, 'heading').map((h) => h.text),
      ['1. Discussion', '2. Decisions', '3. Action items'],
    );
    assert.deepStrictEqual(
      blocks(layout, 'fields')[0].fields.map((f) => f.label),
      ['Date', 'Place', 'Chair', 'Present', 'Apologies', 'Minutes by'],
    );
  });

  it('tables the action items with owner, due date and status', () => {
    const [actions] = blocks(layout, 'actions');
    assert.deepStrictEqual(
      actions.rows.map((r) => [r.owners.join(', '), r.due, r.done]),
      [
        ['David Okafor', '2024-03-15', false],
        ['Priya Nair', '2024-03-19', false],
        ['Tom Walsh', '2024-03-08', true],
        ['Margaret Chen', '2024-03-29', false],
      ],
    );
    assert.strictEqual(
      actions.rows[0].text,
      'David Okafor to obtain a second roof repair quote by 15 March 2024.',
    );
  });

  it('keeps bullets of decisions as bullet paragraphs', () => {
    const bullets = blocks(layout, 'paragraph').filter((p) => p.bullet);
    assert.strictEqual(bullets.length, 3);
    assert.strictEqual(paragraphText(bullets[0]), 'Decision: Approved the 2024–25 budget as presented.');
  });
});

describe('layout: HTML', () => {
  const hostile = [
    '# <script>alert("title")</script> 会议纪要',
    '',
    '出席：@<img src=x onerror=alert(1)>、@办公室',
    '',
    '一、会议决定',
    '',
    '（一）加强<b>管理</b>。责任单位：@办公室；时限：2024年1月31日前。',
    '',
  ].join('\n');

  const hostileLayout = buildLayout(service.parse(hostile), 'gb');

  it('escapes all document text: no markup from the document reaches the page', () => {
    const html = renderHtml(hostileLayout);
    assert.ok(!/<script|<img|<b>/i.test(html), html);
    assert.ok(html.includes('&#60;script&#62;alert(&#34;title&#34;)&#60;/script&#62;'));
    assert.ok(html.includes('加强&#60;b&#62;管理&#60;/b&#62;。'));
  });

  it('carries the source line of each block, for scrolling in step', () => {
    const html = renderHtml(example('industrial-park.minutes'));
    assert.match(html, /<h2 data-line="13" data-line-end="13" class="heading1">三、会议决定<\/h2>/);
    assert.match(
      html,
      /<p data-line="15" data-line-end="15"><span class="heading2">（一）加强组织领导。<\/span>/,
    );
  });

  it('marks the problems of a block in its margin, worst severity first, messages escaped', () => {
    const html = renderHtml(hostileLayout, [
      { line: 6, severity: 'hint', message: 'a hint' },
      { line: 6, severity: 'warning', message: 'no "owner" <here>' },
    ]);
    assert.match(
      html,
      /<p data-line="6" data-line-end="6"><span class="problem problem-warning" title="no &#34;owner&#34; &#60;here&#62;&#10;a hint"[^>]*>2<\/span><span class="heading2">（一）/,
    );
  });

  it('makes a standalone page with a strict policy and no remote resources or scripts', () => {
    const page = renderHtmlDocument(example('board-meeting.minutes.md'));
    assert.match(
      page,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/,
    );
    assert.ok(!/<script|\bsrc=|\bhref=|url\(|@import/i.test(page));
    assert.match(page, /<table class="actions">/);
  });
});

describe('layout: Word', () => {
  it('writes a .docx package (a zip) for both styles', async () => {
    for (const name of ['industrial-park.minutes', 'board-meeting.minutes.md']) {
      const bytes = await renderDocx(example(name));
      assert.ok(bytes instanceof Uint8Array);
      assert.deepStrictEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04], `${name} is a zip`);
      assert.ok(bytes.length > 5000, `${name}: ${bytes.length} bytes`);
    }
  });
});

describe('layout: patching the shown page', () => {
  const page = (...blocks: string[]) => [
    '<article class="page page-gb" lang="zh-CN">',
    ...blocks,
    '</article>',
  ];
  const apply = (before: string[], patch: ReturnType<typeof pagePatch>): string[] => {
    if (patch.type === 'update') return patch.html.split('\n');
    const blocks = before.slice(1, -1);
    blocks.splice(patch.from, patch.remove, ...(patch.html === '' ? [] : patch.html.split('\n')));
    return [before[0], ...blocks, before[before.length - 1]];
  };

  it('sends only the blocks that changed, and gives back the new page when applied', () => {
    const cases: [string[], string[]][] = [
      [page('a', 'b', 'c'), page('a', 'B', 'c')],
      [page('a', 'b', 'c'), page('a', 'b', 'x', 'c')],
      [page('a', 'b', 'c'), page('a', 'c')],
      [page('a', 'b', 'b'), page('a', 'b', 'b', 'b')],
      [page('a'), page('a')],
      [page(), page('a', 'b')],
    ];
    for (const [before, after] of cases) {
      const patch = pagePatch(before, after);
      assert.strictEqual(patch.type, 'patch');
      assert.deepStrictEqual(apply(before, patch), after);
    }
    assert.deepStrictEqual(pagePatch(page('a', 'b', 'c'), page('a', 'B', 'c')), {
      type: 'patch',
      from: 1,
      remove: 1,
      html: 'B',
    });
  });

  it('replaces the whole page when there is none yet or its style changed', () => {
    const business = ['<article class="page page-business" lang="en">', 'a', '</article>'];
    assert.deepStrictEqual(pagePatch([], page('a')), { type: 'update', html: page('a').join('\n') });
    assert.strictEqual(pagePatch(page('a'), business).type, 'update');
  });

  it('keeps each block on one line, even a problem message with line breaks', () => {
    const layout = example('industrial-park.minutes');
    const html = renderHtml(layout, [{ line: 15, severity: 'error', message: 'two\nlines' }]);
    const lines = html.split('\n');
    assert.strictEqual(lines.length, layout.blocks.length + 2);
    assert.ok(html.includes('title="two&#10;lines"'));
  });
});
