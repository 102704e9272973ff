/**
 * What a user does in the VS Code workbench, expressed with playwright: open a file, read the status bar,
 * the Problems panel, the outline. Selectors are those of VS Code 1.100's web workbench.
 */
import * as fs from 'fs';
import type { Locator, Page } from 'playwright-core';

export const SQUIGGLE =
  '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const PROBLEM_ROWS = '.markers-panel .monaco-list-row';

/** The few browser globals used by functions evaluated in the page (the project compiles without the DOM lib). */
interface PageElement {
  getAttribute(name: string): string | null;
  readonly innerText: string;
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};

/** Loads the workbench and waits until it shows the explorer of the folder. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.sidebar .explorer-folders-view', { timeout: 60_000 });
}

/** Runs a command by its title through the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // A command row's aria-label is its title, then its keybinding and notes after commas.
  const rows = page.locator(QUICK_INPUT_ROWS);
  await page.locator(`${QUICK_INPUT_ROWS}[aria-label^="${title}"]`).first().waitFor({ state: 'visible' });
  const index = (await rowsOf(rows)).findIndex((r) => r.label.split(', ')[0] === title);
  if (index < 0) throw new Error(`the command palette offers no command “${title}”`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Waits until the element matching `selector` has not changed for `quietMs`. */
export async function waitForQuiet(page: Page, selector: string, quietMs = 750): Promise<void> {
  await page.evaluate(
    `new Promise((resolve, reject) => {
      const target = document.querySelector(${JSON.stringify(selector)});
      if (!target) return reject(new Error('no element ' + ${JSON.stringify(selector)}));
      let timer = setTimeout(done, ${quietMs});
      const giveUp = setTimeout(done, 15000);
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(done, ${quietMs});
      });
      observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
      function done() {
        observer.disconnect();
        clearTimeout(timer);
        clearTimeout(giveUp);
        resolve();
      }
    })`,
  );
}

/** Opens a workspace file the way a user does: Control+P, its name, Enter; resolves once its tab is active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  const row = page.locator(`${QUICK_INPUT_ROWS}[aria-label^="${fileName}"]`).first();
  // A file created a moment ago may be missing from the first search: ask again, up to three times.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(fileName);
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  // A file row's aria-label is its name, with `, file results` on the first row.
  const isFile = (label: string): boolean => label.split(', ')[0] === fileName;
  const rows = page.locator(QUICK_INPUT_ROWS);
  // Other files may match the typed name too: go down to the file's own row.
  const index = (await rowsOf(rows)).findIndex((r) => isFile(r.label));
  if (index < 0) throw new Error(`quick open offers no file ${fileName}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await activeTab(page, fileName).waitFor({ state: 'visible' });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible' });
}

/**
 * Starts measuring, inside the page, the time from the next Enter key press to the first appearance of
 * `selector`; the returned function waits for it and gives the milliseconds.
 */
export async function measureFromEnter(page: Page, selector: string): Promise<() => Promise<number>> {
  const key = `__minutesTimer${Date.now()}`;
  await page.evaluate(
    `(() => {
      const timer = (window[${JSON.stringify(key)}] = { enter: null, seen: null });
      document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && timer.enter === null) timer.enter = performance.now(); }, true);
      const observer = new MutationObserver(() => {
        if (timer.enter !== null && document.querySelector(${JSON.stringify(selector)})) {
          timer.seen = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    })()`,
  );
  return async () => {
    await page.waitForFunction(`window[${JSON.stringify(key)}].seen !== null`, undefined, {
      timeout: 30_000,
    });
    return Math.round(
      await page.evaluate<number>(
        `window[${JSON.stringify(key)}].seen - window[${JSON.stringify(key)}].enter`,
      ),
    );
  };
}

export function activeTab(page: Page, fileName: string): Locator {
  return page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`);
}

/** The text of a status bar entry, e.g. `#status\\.editor\\.selection` → `Ln 3, Col 7`. */
export async function statusText(page: Page, id: string): Promise<string> {
  const entry = page.locator(`#${id.replace(/\./g, '\\.')}`);
  await entry.waitFor({ state: 'visible' });
  return ((await entry.textContent()) ?? '').trim();
}

/** The cursor position shown in the status bar. */
export async function cursorLine(page: Page): Promise<number> {
  const text = await statusText(page, 'status.editor.selection');
  const match = /Ln (\d+)/.exec(text);
  if (!match) throw new Error(`no line in the status bar's selection entry: "${text}"`);
  return Number(match[1]);
}

/** Waits until the status bar shows the cursor on `line`. */
export async function waitForCursorAt(page: Page, line: number): Promise<void> {
  await page
    .locator('#status\\.editor\\.selection')
    .filter({ hasText: new RegExp(`Ln ${line},`) })
    .waitFor();
}

/** Waits until the status bar shows the cursor on a line other than `line`; returns the new line. */
export async function waitForCursorLineChange(page: Page, line: number): Promise<number> {
  const entry = page.locator('#status\\.editor\\.selection');
  await entry.filter({ hasNotText: new RegExp(`Ln ${line},`) }).waitFor({ state: 'visible' });
  return cursorLine(page);
}

/**
 * Waits until the Problems panel lists (`listed` true) or no longer lists a `rule` problem at the position
 * of `problem` (the panel must show that file's problems, as `filterProblems` leaves it).
 */
export async function waitForProblem(
  page: Page,
  problem: ProblemRow,
  rule: string,
  listed: boolean,
): Promise<void> {
  await page.waitForFunction(
    ([selector, position, code, wanted]) =>
      [...document.querySelectorAll(selector)].some(
        (r) =>
          (r.getAttribute('aria-label') ?? '').includes(position) && r.innerText.split('\n').includes(code),
      ) === wanted,
    [PROBLEM_ROWS, ` at line ${problem.line} and character ${problem.column}.`, rule, listed] as const,
    { timeout: 15_000 },
  );
}

export interface ProblemRow {
  /** The file's base name. */
  file: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  source: string;
  /** The row as shown: message, source, code, `[Ln, Col]` on lines of their own. */
  text: string;
}

/** Opens the Problems panel (Control+Shift+M, which hides it when it has the focus) and waits for its list. */
export async function showProblems(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible' });
}

/** Unfolds (or folds) the side bar pane whose header matches `header`. */
export async function setPaneExpanded(page: Page, header: string, expanded: boolean): Promise<void> {
  const pane = page.locator(header).first();
  await pane.waitFor();
  if (((await pane.getAttribute('aria-expanded')) === 'true') !== expanded) await pane.click();
  await page.locator(`${header}[aria-expanded="${expanded}"]`).first().waitFor();
}

/** Resolves with the text of `file` once it changes on disk (after a save). */
export function whenFileChanges(file: string, timeoutMs = 15_000): Promise<string> {
  const before = fs.readFileSync(file, 'utf8');
  return new Promise((resolve, reject) => {
    const done = (result: () => void): void => {
      clearTimeout(timer);
      watcher.close();
      result();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`${file} was not saved`))), timeoutMs);
    const watcher = fs.watch(file, () => {
      const now = fs.readFileSync(file, 'utf8');
      if (now !== before) done(() => resolve(now));
    });
  });
}

/** Waits until the Problems panel (as filtered) lists problems of `file`, for as long as the server may take. */
export async function waitForFileProblems(page: Page, file: string): Promise<void> {
  await page
    .locator(`${PROBLEM_ROWS}[aria-level="1"][aria-label*=" in file ${file} of "]`)
    .first()
    .waitFor({ timeout: 30_000 });
}

/**
 * Sets the Problems panel's filter (it matches message, source, code and file name) and returns the
 * problems shown once the list has settled. With `file`, every other file's group is collapsed.
 */
export async function filterProblems(page: Page, filter: string, file?: string): Promise<ProblemRow[]> {
  const input = page.locator('.panel .viewpane-filter .monaco-inputbox input').first();
  await input.waitFor({ state: 'visible' });
  // The panel applies the filter after a short delay: wait until only matching rows (or none) are shown.
  // Right after the panel first opens, the box can drop what is typed into it: type again if it did.
  for (let attempt = 1; ; attempt++) {
    if ((await input.inputValue()) !== filter) await input.fill(filter);
    try {
      await page.waitForFunction(
        ([selector, text]) => {
          const rows = [...document.querySelectorAll(selector)].filter(
            (r) => r.getAttribute('aria-level') === '2',
          );
          if (rows.length === 0)
            return /No results/.test(document.querySelector('.markers-panel')?.innerText ?? '');
          return rows.every((r) => (r.innerText + (r.getAttribute('aria-label') ?? '')).includes(text));
        },
        [PROBLEM_ROWS, filter] as const,
        { timeout: 5_000 },
      );
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  if (file) {
    await page.locator('.panel .title-actions a.action-label[aria-label="Collapse All"]').click();
    const group = page.locator(`${PROBLEM_ROWS}[aria-level="1"][aria-label*=" in file ${file} of "]`);
    if ((await group.count()) === 0) return [];
    await group.click();
    await page.locator(`${PROBLEM_ROWS}[aria-level="1"][aria-expanded="true"]`).waitFor();
  }
  return (await problemRows(page)).filter((r) => !file || r.file === file);
}

/** The problems (not the file rows) currently rendered in the Problems panel, top to bottom. */
export async function problemRows(page: Page): Promise<ProblemRow[]> {
  const rows = await rowsOf(page.locator(PROBLEM_ROWS));
  const problems: ProblemRow[] = [];
  let file = '';
  for (const row of rows) {
    if (row.level === 1) {
      file = / in file (.+) of folder /.exec(row.label)?.[1] ?? '';
      continue;
    }
    const match =
      /^(\w+): ([\s\S]*) at line (\d+) and character (\d+)\.[\s\S]*?(?: generated by (.*))?$/.exec(row.label);
    if (!match) continue;
    problems.push({
      file,
      severity: match[1],
      message: match[2],
      line: Number(match[3]),
      column: Number(match[4]),
      source: match[5] ?? '',
      text: row.text,
    });
  }
  return problems;
}

/**
 * Clicks the first rendered Problems row that mentions `text`: the editor then selects the problem's range.
 * The focus stays in the panel; `focusEditor` moves it back.
 */
export async function clickProblem(page: Page, text: string): Promise<void> {
  await page.locator(PROBLEM_ROWS).filter({ hasText: text }).first().click();
}

/** Moves the keyboard focus to the active editor (View: Focus First Editor Group, Control+1). */
export async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

export interface ListRow {
  /** `aria-level`: 1 for top-level rows of a tree. */
  level: number;
  label: string;
  text: string;
}

/** The rendered rows of a list or tree, top to bottom. */
export async function rowsOf(rows: Locator): Promise<ListRow[]> {
  return rows.evaluateAll((els) =>
    els.map((el) => ({
      level: Number(el.getAttribute('aria-level') ?? '1'),
      label: el.getAttribute('aria-label') ?? '',
      text: (el as unknown as PageElement).innerText,
    })),
  );
}

/** The rows of the suggest widget, while it is shown. */
export function suggestRows(page: Page): Locator {
  return page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
}

/**
 * In the code action menu (opened by Control+.), moves to the first action whose title matches `title`
 * and applies it with Enter (the menu blocks the mouse until it moves). Returns the title, or null (and
 * closes the menu) when no action matches.
 */
export async function chooseCodeAction(page: Page, title: RegExp): Promise<string | null> {
  const actions = page.locator('.action-widget .monaco-list-row.action');
  await actions.first().waitFor();
  const titles = (await rowsOf(actions)).map((r) => r.label);
  const wanted = titles.find((t) => title.test(t));
  if (wanted === undefined) {
    console.log(`    code actions offered: ${JSON.stringify(titles)}`);
    await page.keyboard.press('Escape');
    return null;
  }
  for (let i = 0; i < titles.length; i++) {
    const focused = await page
      .locator('.action-widget .monaco-list-row.action.focused')
      .getAttribute('aria-label');
    if (focused === wanted) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.locator(`.action-widget .monaco-list-row.action.focused[aria-label="${wanted}"]`).waitFor();
  await page.keyboard.press('Enter');
  await actions.first().waitFor({ state: 'detached' });
  return wanted;
}
