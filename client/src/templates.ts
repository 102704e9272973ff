/**
 * The whole-document templates for "New minutes". They live in the extension's snippet files (so there is
 * one copy of each), as the `minutes` snippets marked `"isFileTemplate": true`; the Chinese one is the
 * template whose body holds Chinese text.
 */
// The ES module build: the UMD one (the package's `main`) loads its parts at run time, past the bundler.
import { parse } from 'jsonc-parser/lib/esm/main';
import * as vscode from 'vscode';

interface SnippetFile {
  language?: string;
  path?: string;
}

interface Snippet {
  body?: string | string[];
  isFileTemplate?: boolean;
}

export interface Templates {
  zh: string | undefined;
  en: string | undefined;
}

const chinese = /[\u4e00-\u9fff]/;

export async function fileTemplates(extension: vscode.Extension<unknown>): Promise<Templates> {
  const files: SnippetFile[] =
    (extension.packageJSON as { contributes?: { snippets?: SnippetFile[] } }).contributes?.snippets ?? [];
  const templates: Templates = { zh: undefined, en: undefined };
  for (const file of files) {
    if (file.language !== 'minutes' || !file.path) continue;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file.path));
    const snippets = (parse(new TextDecoder().decode(bytes)) ?? {}) as Record<string, Snippet>;
    for (const snippet of Object.values(snippets)) {
      if (!snippet.isFileTemplate || snippet.body === undefined) continue;
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      if (chinese.test(body)) templates.zh ??= body;
      else templates.en ??= body;
    }
  }
  return templates;
}
