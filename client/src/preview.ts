/**
 * The preview beside the editor: the server lays the document out as the formal document and renders the
 * page (`minutes/preview`); this panel only shows it. It follows typing (debounced; stale answers dropped) and
 * the editor's scrolling (blocks carry their source line in `data-line`). Strict Content Security Policy: no
 * remote or local resources, and no script but the panel's own.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_CSS } from '../../server/src/core/layout/css';
import { pagePatch } from '../../server/src/core/layout/patch';
import { previewRequest } from '../../server/src/protocol';

const t = vscode.l10n.t;

/** How long typing must pause before the page is laid out again. */
const UPDATE_DELAY = 40;

export const previewViewType = 'minutes.preview';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * The panel's own script: `update` replaces the page, `patch` replaces blocks `from` … `from + remove - 1` (0-based
 * children of the page's article) with those of `html`; `scroll` scrolls to a source line.
 */
const SCRIPT = `
const page = document.getElementById('page');
let line = 0;
// The paper (210 mm at 96 dpi) is shrunk to fit a narrow panel.
function fit() {
  page.style.zoom = String(Math.min(1, (document.documentElement.clientWidth - 16) / 794));
}
window.addEventListener('resize', () => { fit(); reveal(); });
fit();
function reveal() {
  let target = null;
  for (const block of page.querySelectorAll('[data-line]')) {
    if (Number(block.dataset.line) > line) break;
    target = block;
  }
  const top = target ? target.getBoundingClientRect().top + window.scrollY - 8 : 0;
  window.scrollTo({ top, behavior: 'instant' });
}
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'update') {
    page.innerHTML = message.html;
  } else if (message.type === 'patch') {
    const article = page.firstElementChild;
    const template = document.createElement('template');
    template.innerHTML = message.html;
    for (let i = 0; i < message.remove; i++) article.children[message.from].remove();
    article.insertBefore(template.content, article.children[message.from] || null);
  } else if (message.type === 'scroll') {
    line = message.line;
  }
  reveal();
});
`;

function shell(title: string): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    // The page is text and tables only: no images, fonts, frames or connections.
  ].join('; ');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
<style nonce="${n}">${PREVIEW_CSS}</style>
</head>
<body>
<div id="page" data-version=""></div>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
}

class Preview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** One request at a time: changes meanwhile ask for one more once it is answered (the newest text wins). */
  private inFlight = false;
  private again = false;
  /** The page the panel shows, line by line. */
  private shown: string[] = [];

  constructor(
    private readonly client: LanguageClient,
    readonly document: vscode.TextDocument,
    onDispose: () => void,
  ) {
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    this.panel = vscode.window.createWebviewPanel(
      previewViewType,
      t('Preview {0}', name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
        enableCommandUris: false,
        retainContextWhenHidden: true,
      },
    );
    this.panel.webview.html = shell(name);
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule();
      }),
      // Rule severities and the registry change the problems marked in the margin.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('minutes')) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document === this.document) this.scrollTo(e.visibleRanges[0]?.start.line ?? 0);
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY);
  }

  private async update(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.again = false;
    const version = this.document.version;
    try {
      const result = await this.client.sendRequest(previewRequest, {
        textDocument: { uri: this.document.uri.toString() },
      });
      // An answer for an older text than the one asked about is stale: the newer one is coming.
      if (result && (result.version === null || result.version >= version)) {
        const lines = result.html.split('\n');
        const message = pagePatch(this.shown, lines);
        this.shown = lines;
        if (message.type === 'update' || message.remove > 0 || message.html !== '')
          void this.panel.webview.postMessage(message);
      }
    } catch {
      // The server restarted or the request was cancelled: the next change asks again.
    } finally {
      this.inFlight = false;
      if (this.again) void this.update();
    }
  }

  scrollTo(line: number): void {
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}

/** One preview per document; opening it again reveals it. */
export class Previews implements vscode.Disposable {
  private readonly open = new Map<string, Preview>();

  constructor(private readonly client: LanguageClient) {}

  show(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const preview = new Preview(this.client, document, () => this.open.delete(key));
    this.open.set(key, preview);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) preview.scrollTo(editor.visibleRanges[0]?.start.line ?? 0);
  }

  dispose(): void {
    for (const preview of this.open.values()) preview.panel.dispose();
    this.open.clear();
  }
}
