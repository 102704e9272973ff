/**
 * The Structured Minutes extension: starts the bundled language server for `minutes` documents and adds
 * the decisions & actions view and its commands. All parsing and checking happens in the server.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { ItemsView } from './itemsView';
import { LedgerPanel } from './ledgerView';
import { Previews } from './preview';

let client: LanguageClient | undefined;

const t = vscode.l10n.t;

/** Restarts a few times on its own, then asks the user. */
function errorHandler(getClient: () => LanguageClient): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const defaults = () => (fallback ??= getClient().createDefaultErrorHandler(4));
  return {
    error: (error, message, count) => defaults().error(error, message, count),
    async closed() {
      const result = await defaults().closed();
      if (result.action === CloseAction.DoNotRestart) {
        void vscode.window
          .showErrorMessage(t('The language server stopped. Restart it?'), t('Restart'))
          .then((choice) => (choice ? getClient().start() : undefined));
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      return result;
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'minutes', scheme: 'file' },
      { language: 'minutes', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'minutes' },
    initializationOptions: (): InitializationOptions => ({
      locale: vscode.env.language,
      trusted: vscode.workspace.isTrusted,
    }),
    errorHandler: errorHandler(() => client as LanguageClient),
  };
  const languageClient = new LanguageClient('minutes', 'Structured Minutes', serverOptions, clientOptions);
  client = languageClient;

  const view = new ItemsView(languageClient);
  const previews = new Previews(languageClient);
  const ledger = new LedgerPanel(languageClient, context.extensionUri);
  context.subscriptions.push(
    view,
    previews,
    ledger,
    ...registerCommands(languageClient, view, previews, ledger, context.extension),
    // Trust widens what the server reads (registry, config file): start it again with the new options.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.restart()),
    languageClient.onDidChangeState((e) => (e.newState === State.Running ? void view.refresh() : undefined)),
  );
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
