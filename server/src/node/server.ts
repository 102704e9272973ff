/** Entry point of the language server under Node: `--stdio`, `--node-ipc` or `--socket=PORT`. */
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { Lifecycle } from './lifecycle';
import { startServer } from './minutesServer';
import { nodeFileSystem } from './nodeFileSystem';

const lifecycle = new Lifecycle();

/**
 * Over standard input, a header without a valid `Content-Length` leaves the stream out of step for good:
 * the server says so on stderr and exits (status 1), so that the client can start a new one instead of
 * talking to a server that no longer hears it. It also exits when its input ends (0 after `shutdown`).
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    process.stderr.write(`Structured Minutes: unreadable message, stopping: ${error.message}\n`);
    process.exit(1);
  });
  const ended = () => process.exit(lifecycle.shutDown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), {
    messageStrategy: lifecycle,
  });
}

const connection = process.argv.includes('--stdio')
  ? stdioConnection()
  : createConnection(ProposedFeatures.all, { messageStrategy: lifecycle });
lifecycle.listen(connection);

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
