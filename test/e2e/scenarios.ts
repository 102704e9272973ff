/**
 * What a user does with the extension in VS Code, scenario by scenario. Each runs in a session (a
 * code-server with a fresh profile, a copy of the examples as workspace, and a browser page); scenarios
 * with the same settings share one session and run in order, and each leaves the workbench as it found it
 * (edits reverted).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { repoPath } from '../util/paths';
import { outputPath } from './harness';
import * as wb from './workbench';
import { DRAFT_FILE, EXAMPLE_FILE, exampleUnits, lineOf, UNITS_FILE } from './workspace';

export interface Session {
  page: Page;
  workspace: string;
  /** The folder of the installed extension (its package.json says what it contributes). */
  extension: string;
}

export interface Scenario {
  name: string;
  /** Settings of the session the scenario runs in (over the base settings). */
  settings: Record<string, unknown>;
  /** Timings it measured, in ms, keyed by name. */
  run(session: Session, timings: Record<string, number>): Promise<void>;
}

/** An empty file the snippet scenario types into. */
export const NEW_FILE = 'new-meeting.minutes';

const CJK = /[\u4e00-\u9fff]/;

/** The rule ids the draft minutes must show in the Problems panel. */
const DRAFT_RULES = ['missing-owner', 'vague-owner', 'placeholder'];

/** A message without its quotations (“…”), which repeat the document's text whatever the locale. */
function ownWords(message: string): string {
  // The quoted text (an item's head) may itself hold quotes: drop from the first opening to the last closing one.
  return message.replace(/“[\s\S]*”/g, '').replace(/"[^"]*"/g, '');
}

/** The rule id shown with a Problems row (`minutes(missing-owner)` shows as `minutes`, `missing-owner`). */
function hasCode(row: wb.ProblemRow, rule: string): boolean {
  return row.text.split('\n').some((part) => part.trim() === rule || part.trim() === `minutes(${rule})`);
}

interface PackageJson {
  contributes?: {
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string }[]>;
    snippets?: { language: string; path: string }[];
  };
}

function manifest(extension: string): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8')) as PackageJson;
}

/** A manifest string as shown in English: `%key%` placeholders come from package.nls.json. */
function localized(extension: string, value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) return value;
  const nls = JSON.parse(fs.readFileSync(path.join(extension, 'package.nls.json'), 'utf8')) as Record<
    string,
    string
  >;
  return nls[key] ?? value;
}

/** Opens `file` (Control+P) unless its editor is already active. */
async function show(page: Page, file: string): Promise<void> {
  if ((await wb.activeTab(page, file).count()) === 0) await wb.quickOpen(page, file);
}

/** Opens the draft minutes and waits for their diagnostics. */
async function showDraft(page: Page): Promise<void> {
  await show(page, DRAFT_FILE);
  await page.locator(wb.SQUIGGLE).first().waitFor();
}

/** Puts the cursor at the end of the range of the draft's first `rule` problem; returns that problem. */
async function gotoProblem(page: Page, rule: string): Promise<wb.ProblemRow> {
  await wb.showProblems(page);
  const rows = (await wb.filterProblems(page, rule, DRAFT_FILE)).filter((r) => hasCode(r, rule));
  assert.ok(rows.length > 0, `no ${rule} problem listed for ${DRAFT_FILE}`);
  await wb.clickProblem(page, rows[0].message);
  await wb.waitForCursorAt(page, rows[0].line);
  await wb.focusEditor(page);
  // The click selects the problem's range; ArrowRight collapses the selection to its end.
  await page.keyboard.press('ArrowRight');
  return rows[0];
}

/** 1-based number of the first line of `file` that holds the start of a row's label (0 when none does). */
function lineHolding(file: string, rowText: string): number {
  const start = rowText
    .split('\n')[0]
    .replace(/[…\s]+$/, '')
    .trim()
    .slice(0, 6);
  return (
    fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .findIndex((l) => l.includes(start)) + 1
  );
}

/**
 * Runs `edit`, which should fix `problem`, on the active editor, then reverts the file (File: Revert File)
 * and waits for the problem to be listed again, also when `edit` failed.
 */
async function reverting(
  page: Page,
  problem: wb.ProblemRow,
  rule: string,
  edit: () => Promise<void>,
): Promise<void> {
  let failure: unknown = null;
  try {
    await edit();
  } catch (err) {
    failure = err;
  }
  try {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await wb.focusEditor(page);
    await wb.runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    await wb.waitForProblem(page, problem, rule, true);
  } catch (err) {
    if (failure === null) throw err;
    console.log(`    (could not revert the file: ${String(err).split('\n')[0]})`);
  }
  if (failure !== null) throw failure;
}

function problemsScenario(locale: 'en' | 'zh-CN'): Scenario {
  return {
    name: `problems of the example minutes (${locale})`,
    settings: locale === 'en' ? {} : { 'minutes.locale': locale },
    async run({ page }, timings) {
      const firstSquiggle = await wb.measureFromEnter(page, '.monaco-editor .squiggly-warning');
      await wb.quickOpen(page, DRAFT_FILE);
      const ms = await firstSquiggle();
      timings[`firstSquiggle.${locale}`] = ms;
      console.log(`    first squiggle ${ms} ms after Enter`);
      const mode = await wb.statusText(page, 'status.editor.mode');
      assert.ok(!/plain ?text/i.test(mode), `the file opened as “${mode}”, not as minutes`);

      await wb.showProblems(page);
      for (const rule of DRAFT_RULES) {
        const rows = (await wb.filterProblems(page, rule, DRAFT_FILE)).filter((r) => hasCode(r, rule));
        assert.ok(rows.length > 0, `no Problems row with rule ${rule}`);
        for (const row of rows) {
          assert.strictEqual(row.source, 'minutes', `source of “${row.message}”`);
          const words = ownWords(row.message);
          if (locale === 'en') {
            assert.ok(
              !CJK.test(words) && /[A-Za-z]{3,}/.test(words),
              `not an English message: “${row.message}”`,
            );
          } else {
            assert.ok(CJK.test(words), `not a Chinese message: “${row.message}”`);
          }
        }
        if (rule === 'missing-owner') {
          const expected = locale === 'en' ? /owner/i : /责任单位/;
          assert.match(rows[0].message, expected, 'the missing-owner message names what is missing');
        }
      }

      // With the extension and its server running: another file, opened with no editor showing squiggles.
      await wb.runCommand(page, 'View: Close All Editors');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached' });
      const warmSquiggle = await wb.measureFromEnter(page, '.monaco-editor .squiggly-warning');
      await wb.quickOpen(page, EXAMPLE_FILE);
      const warm = await warmSquiggle();
      timings[`firstSquiggleRunning.${locale}`] = warm;
      console.log(`    first squiggle ${warm} ms after Enter, the server already running`);
    },
  };
}

const outline: Scenario = {
  name: 'outline lists sections and decisions',
  settings: {},
  async run({ page, workspace }) {
    await show(page, EXAMPLE_FILE);
    await page.keyboard.press('Control+Home');
    // Give the Outline the side bar's height: fold the folder's pane, unfold the Outline's, collapse its tree.
    await wb.setPaneExpanded(page, '.pane-header[aria-label^="Explorer Section"]', false);
    await wb.setPaneExpanded(page, '.pane-header[aria-label^="Outline"]', true);
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows.first().waitFor();
    await page
      .locator('.pane-header[aria-label^="Outline"] a.action-label[aria-label="Collapse All"]')
      .click({ force: true });
    const section = rows.filter({ hasText: '会议决定' }).first();
    await section.waitFor();
    const shown = await wb.rowsOf(rows);
    for (const heading of ['会议认为', '会议决定']) {
      assert.ok(
        shown.some((r) => r.text.includes(heading)),
        `no section “${heading}” in the outline: ${JSON.stringify(shown.map((r) => r.text))}`,
      );
    }
    const level = Number(await section.getAttribute('aria-level'));
    if ((await section.getAttribute('aria-expanded')) !== 'true')
      await section.locator('.monaco-tl-twistie').click();
    const child = page.locator(`.outline-pane .monaco-list-row[aria-level="${level + 1}"]`).first();
    await child.waitFor().catch(() => assert.fail('the 会议决定 section shows no decisions under it'));
    const from = await wb.cursorLine(page);
    const label = (await wb.rowsOf(child))[0].text;
    await child.click();
    const line = await wb.waitForCursorLineChange(page, from);
    assert.strictEqual(
      line,
      lineHolding(path.join(workspace, EXAMPLE_FILE), label),
      `the cursor went to “${label}”`,
    );
  },
};

const completion: Scenario = {
  name: 'typing @ in a decision offers units and fixes the missing owner',
  settings: {},
  async run({ page }, timings) {
    const units = exampleUnits();
    await showDraft(page);
    const problem = await gotoProblem(page, 'missing-owner');
    await reverting(page, problem, 'missing-owner', async () => {
      await page.keyboard.type('@');
      const rows = wb.suggestRows(page);
      await rows.first().waitFor();
      // The picture of completion the README shows.
      await page.screenshot({ path: outputPath('completion.png') });
      const offered = await wb.rowsOf(rows);
      const unit = units.find((u) => offered.some((r) => r.text.includes(u)));
      assert.ok(unit, `no unit of ${UNITS_FILE} offered: ${JSON.stringify(offered.map((r) => r.text))}`);
      await rows.filter({ hasText: unit }).first().click();
      const accepted = Date.now();
      await wb.waitForProblem(page, problem, 'missing-owner', false);
      timings.unitAcceptedToProblemGone = Date.now() - accepted;
    });
  },
};

const quickFix: Scenario = {
  name: 'quick fix adds a missing deadline',
  settings: {},
  async run({ page }, timings) {
    await showDraft(page);
    const problem = await gotoProblem(page, 'missing-deadline');
    await reverting(page, problem, 'missing-deadline', async () => {
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+.');
      const fix = await wb.chooseCodeAction(page, /deadline|时限/i);
      const applied = Date.now();
      assert.ok(fix, 'no deadline action offered');
      await wb.waitForProblem(page, problem, 'missing-deadline', false);
      timings.quickFixToProblemGone = Date.now() - applied;
    });
  },
};

const ITEMS_VIEW = '[id="workbench.view.extension.minutes"]';

/** Closes every editor, shows the Decisions & Actions view and waits for its rows to settle. */
async function openItemsView(page: Page, extension: string): Promise<Locator> {
  const contributes = manifest(extension).contributes ?? {};
  const container = contributes.viewsContainers?.activitybar?.find((c) => c.id === 'minutes');
  assert.ok(container, 'package.json contributes no activity bar container `minutes`');
  assert.ok(
    contributes.views?.minutes?.some((v) => v.id === 'minutes.items'),
    'package.json contributes no view `minutes.items`',
  );
  await wb.runCommand(page, 'View: Close All Editors');
  // Force: the item's badge (the overdue count) covers the icon's centre.
  await page
    .locator(`.part.activitybar a.action-label[aria-label^="${localized(extension, container.title)}"]`)
    .click({ force: true });
  const rows = page.locator(`${ITEMS_VIEW} .monaco-list-row`);
  await rows.first().waitFor();
  // The view loads its items again once the language server has scanned the workspace; a click while
  // it re-renders goes to a row already replaced. Wait for it to settle.
  await wb.waitForQuiet(page, ITEMS_VIEW);
  return rows;
}

const itemsView: Scenario = {
  name: 'Decisions & Actions view groups items by unit and opens them',
  settings: {},
  async run({ page, workspace, extension }) {
    const rows = await openItemsView(page, extension);
    let shown = await wb.rowsOf(rows);
    if (!shown.some((r) => r.level === 2)) {
      await rows.first().click();
      await page.locator(`${ITEMS_VIEW} .monaco-list-row[aria-level="2"]`).first().waitFor();
      shown = await wb.rowsOf(rows);
    }
    const groups = shown.filter((r) => r.level === 1);
    assert.ok(
      groups.length > 0 && groups.every((g) => g.text.trim() !== ''),
      'the view shows no unit groups',
    );
    const item = shown.findIndex((r) => r.level === 2);
    assert.ok(item > 0, `no item under a unit: ${JSON.stringify(shown.map((r) => r.text))}`);
    await rows.nth(item).click();
    const tab = page.locator('.tabs-container .tab.active');
    await tab.waitFor();
    const file = (await tab.getAttribute('data-resource-name')) ?? '';
    assert.ok(file.endsWith('.minutes'), `clicking an item opened “${file}”`);
    const line = await wb.cursorLine(page);
    assert.strictEqual(
      line,
      lineHolding(path.join(workspace, file), shown[item].text),
      `the cursor is not on “${shown[item].text}”`,
    );
  },
};

/** The ledger tab's page: the webview's inner frame. */
function ledgerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

const ledger: Scenario = {
  name: 'Follow-up Ledger tab shows statuses across three meetings, filters and opens the line',
  settings: {},
  async run({ page, workspace }) {
    await wb.runCommand(page, 'View: Close All Editors');
    await wb.runCommand(page, 'Minutes: Show the Follow-up Ledger');
    const frame = ledgerFrame(page);
    const row = (id: string) => frame.locator(`#ledger tbody tr[data-id="${id}"]`);
    await row('2024-05-17-1').waitFor();
    // Statuses come from the later meetings' 上次会议议定事项落实情况; re-assigned tasks link both ways.
    const cells = async (id: string) => (await row(id).locator('td').allTextContents()).map((c) => c.trim());
    assert.strictEqual((await cells('2024-03-15-3'))[5], 'Done (done 2024-05-15)');
    assert.strictEqual((await cells('2024-03-15-2'))[5], 'Carried over (carried to 2024-04-12-1)');
    assert.match((await cells('2024-04-12-1'))[6], /continues 2024-03-15-2$/);
    assert.strictEqual((await cells('2024-04-12-3'))[5], 'Cancelled');
    // Overdue first: the first rows are overdue.
    const first = frame.locator('#ledger tbody tr').first();
    assert.match((await first.getAttribute('class')) ?? '', /\boverdue\b/);

    // Filter to the second meeting: its four items, per-unit counts of those.
    await frame.locator('select[name="meeting"]').selectOption('ledger-2024-04-12.minutes');
    // Four rows left: the fifth goes away.
    await frame.locator('#ledger tbody tr').nth(4).waitFor({ state: 'detached' });
    const ids = await frame
      .locator('#ledger tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
    assert.deepStrictEqual(ids.sort(), ['2024-04-12-1', '2024-04-12-2', '2024-04-12-3', '2024-04-12-4']);
    const transport = frame.locator('#summary tbody tr', { hasText: '县交通局' });
    assert.deepStrictEqual((await transport.locator('td').allTextContents()).slice(0, 3), [
      '县交通局',
      '2',
      '0',
    ]);
    await page.screenshot({ path: outputPath('ledger-view.png') });

    // A click opens the item's line beside the ledger.
    await row('2024-04-12-2').click();
    const tab = page.locator('.tabs-container .tab.active[data-resource-name="ledger-2024-04-12.minutes"]');
    await tab.waitFor();
    await wb.waitForCursorAt(
      page,
      lineOf(path.join(workspace, 'ledger-2024-04-12.minutes'), '启动智慧停车平台建设'),
    );

    // The first meeting, open: an overdue item no later meeting mentions is reported. The rule compares
    // meetings, so its problem follows the document's own once the server has read the workspace.
    await wb.quickOpen(page, 'ledger-2024-03-15.minutes');
    await page.locator(wb.SQUIGGLE).first().waitFor();
    await wb.showProblems(page);
    const filter = 'is past its deadline';
    await wb.filterProblems(page, filter);
    await wb.waitForFileProblems(page, 'ledger-2024-03-15.minutes');
    const problems = await wb.filterProblems(page, filter, 'ledger-2024-03-15.minutes');
    assert.ok(
      problems.some((p) => hasCode(p, 'not-followed-up') && p.message.includes('2024-03-15-4')),
      `no not-followed-up problem: ${JSON.stringify(problems.map((p) => p.message))}`,
    );
    await wb.runCommand(page, 'View: Close All Editors');
  },
};

/** A 纪要 saved in GBK (test/fixtures/encodings), as Chinese offices still write them. */
const GBK_FILE = 'library-gbk.minutes';

const gbkMinutes: Scenario = {
  name: 'a GBK 纪要 shows as its text in the Decisions & Actions view and the editor',
  settings: { 'files.encoding': 'gbk', 'minutes.itemsView.groupBy': 'document' },
  async run({ page, workspace, extension }) {
    // Added while the workbench runs: the language server reads it from disk (it is not open).
    fs.copyFileSync(repoPath('test', 'fixtures', 'encodings', 'gbk.minutes'), path.join(workspace, GBK_FILE));
    const rows = await openItemsView(page, extension);
    // Collapsed, every file's row is in sight (the list draws only the rows it shows).
    await page.locator('.part.sidebar a.action-label[aria-label^="Collapse All"]').first().click();
    const group = rows.filter({ hasText: GBK_FILE }).first();
    await group.waitFor();
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    const item = rows.filter({ hasText: '县住建局牵头完成施工图审查' }).first();
    await item.waitFor().catch(async () => {
      const shown = (await wb.rowsOf(rows)).map((r) => r.text);
      assert.fail(`the GBK file's item is not in the view: ${JSON.stringify(shown)}`);
    });
    // Opened with files.encoding = gbk, the editor shows the same text.
    await item.click();
    await wb.activeTab(page, GBK_FILE).waitFor();
    await page
      .locator('.monaco-editor .view-lines')
      .filter({ hasText: '县图书馆改造协调会会议纪要' })
      .waitFor();
  },
};

const snippet: Scenario = {
  name: 'snippet jiyao inserts the minutes skeleton',
  settings: {},
  async run({ page, workspace, extension }) {
    const body = snippetBody(extension, 'jiyao');
    await wb.quickOpen(page, NEW_FILE);
    await page.keyboard.type('jiyao');
    await page.keyboard.press('Control+Space');
    const rows = wb.suggestRows(page);
    await rows.filter({ hasText: 'jiyao' }).first().waitFor();
    await rows.filter({ hasText: 'jiyao' }).first().click();
    await page.keyboard.press('Escape');
    const file = path.join(workspace, NEW_FILE);
    const saved = wb.whenFileChanges(file);
    await page.keyboard.press('Control+S');
    const text = await saved;
    assert.match(text, snippetPattern(body), `the file does not hold the snippet:\n${text}`);
    assert.ok(text.includes('纪要'), 'the skeleton has no 纪要 title');
  },
};

/** The body of the minutes snippet with `prefix`, from the snippet files the extension contributes. */
function snippetBody(extension: string, prefix: string): string {
  type Snippet = { prefix: string | string[]; body: string | string[] };
  for (const contribution of manifest(extension).contributes?.snippets ?? []) {
    const file = path.join(extension, contribution.path);
    // Snippet files are JSON with comments and trailing commas.
    const snippets = parseJsonc(fs.readFileSync(file, 'utf8')) as Record<string, Snippet>;
    for (const s of Object.values(snippets)) {
      if ([s.prefix].flat().includes(prefix)) return [s.body].flat().join('\n');
    }
  }
  throw new Error(`no snippet with prefix ${prefix} in the snippets package.json contributes`);
}

/** A pattern matching what inserting a snippet body gives: its text, with any value at each placeholder. */
export function snippetPattern(body: string): RegExp {
  let pattern = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      pattern += escapeRegExp(body[++i]);
    } else if (c === '$') {
      // $1, $NAME, ${1:default}, ${1|a,b|}, ${NAME:default}: any text (defaults may nest placeholders).
      if (body[i + 1] === '{') {
        let depth = 0;
        for (i++; i < body.length; i++) {
          if (body[i] === '{') depth++;
          else if (body[i] === '}' && --depth === 0) break;
        }
      } else {
        while (/\w/.test(body[i + 1] ?? '')) i++;
      }
      pattern += '[\\s\\S]*?';
    } else if (c === '\t') {
      pattern += '(?:\\t| +)';
    } else {
      pattern += escapeRegExp(c);
    }
  }
  return new RegExp(`^${pattern}\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A long 纪要 of about 50 KB (UTF-8), for the preview to follow typing in. */
export const LONG_FILE = 'long-meeting.minutes';

function longMinutes(): string {
  const lines = [
    '# 青禾区年度重点工作推进会议纪要',
    '',
    '时间：2024年11月8日下午',
    '地点：区政府二楼第一会议室',
    '主持：副区长',
    '出席：@区民政局、@区财政局、@区卫健局、@区教育局、@区住建局',
    '请假：@区人社局',
    '记录：区政府办',
    '',
    '一、会议决定',
    '',
  ];
  for (let n = 1; Buffer.byteLength(lines.join('\n')) < 50_000; n++) {
    lines.push(
      `${n}. 推进第${n}项重点工作，统筹资源、细化分工、压实责任，确保按期保质完成各项任务，并定期向区政府报告工作进展情况。责任单位：@区民政局；时限：2025年6月30日前。`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Time between keystrokes when the preview scenario types (a fast typist, 600 characters a minute). */
const KEYSTROKE_INTERVAL = 100;

/** The preview's page, inside the webview's two frames. */
function previewPage(page: Page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#page');
}

const preview: Scenario = {
  name: 'preview beside the editor follows typing on a 50 KB document',
  settings: {},
  async run({ page, workspace }, timings) {
    const text = longMinutes();
    fs.writeFileSync(path.join(workspace, LONG_FILE), text);
    await wb.runCommand(page, 'View: Close All Editors');
    await wb.quickOpen(page, LONG_FILE);
    await wb.runCommand(page, 'Minutes: Open Preview to the Side');
    const shown = previewPage(page);
    await shown
      .locator('h1.title')
      .filter({ hasText: '青禾区年度重点工作推进会议纪要' })
      .waitFor({ timeout: 30_000 });
    assert.strictEqual(await shown.locator('.attendance .label').first().textContent(), '出席：');
    // The picture of the preview the README shows.
    await page.screenshot({ path: outputPath('preview.png') });

    // Type at the end; the preview scrolls there with the editor, and shows the text.
    await wb.focusEditor(page);
    await page.keyboard.press('Control+End');
    const marker = '预览跟随输入';
    const frame = await (await shown.elementHandle())?.ownerFrame();
    assert.ok(frame, 'no frame holds the preview');
    await frame.evaluate(
      `(() => {
        const state = (window.__minutesPreview = { seen: 0 });
        const page = document.getElementById('page');
        new MutationObserver(() => {
          if (state.seen === 0 && page.textContent.includes(${JSON.stringify(marker)})) state.seen = Date.now();
        }).observe(page, { subtree: true, childList: true, characterData: true });
      })()`,
    );
    let lastKey = 0;
    // At a fast typist's pace: ten characters a second.
    for (const [i, character] of [...`${marker}。`].entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_INTERVAL));
      await page.keyboard.type(character);
      lastKey = Date.now();
    }
    await shown.filter({ hasText: marker }).waitFor({ timeout: 10_000 });
    const seen = await frame.evaluate<number>('window.__minutesPreview.seen');
    const ms = Math.max(0, seen - lastKey);
    timings.previewFollowsTyping = ms;
    console.log(
      `    preview showed the typed text ${ms} ms after the last keystroke (${text.length} characters)`,
    );
    assert.ok(ms <= 300, `the preview followed ${ms} ms after the last keystroke (more than 300 ms)`);
    const scrolled = await frame.evaluate<number>('window.scrollY');
    assert.ok(scrolled > 0, 'the preview did not scroll with the editor to the end');

    await wb.runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    await wb.runCommand(page, 'View: Close All Editors');
  },
};

export const scenarios: Scenario[] = [
  problemsScenario('en'),
  outline,
  completion,
  quickFix,
  itemsView,
  ledger,
  snippet,
  preview,
  problemsScenario('zh-CN'),
  gbkMinutes,
];
