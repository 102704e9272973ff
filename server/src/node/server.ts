/** Entry point of the language server under Node: `--stdio`, `--node-ipc` or `--socket=PORT`. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './minutesServer';
import { nodeFileSystem } from './nodeFileSystem';

const connection = createConnection(ProposedFeatures.all);

// A failure anywhere is logged to the client's output channel; it never ends the server.
process.on('uncaughtException', (error) =>
  connection.console.error(`Uncaught: ${error.stack ?? error.message}`),
);
process.on('unhandledRejection', (reason) =>
  connection.console.error(
    `Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  ),
);

startServer(connection, { fileSystem: nodeFileSystem });
