/**
 * The protocol's lifecycle, enforced on every incoming message before any handler sees it: a second
 * `initialize` is refused, and after `shutdown` every request but none of the notifications except `exit`
 * is answered (with InvalidRequest) or heeded.
 */
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type Message,
  type MessageStrategy,
} from 'vscode-languageserver';

/** Requests are renamed to these to be refused: their handlers answer InvalidRequest. */
const refusedAfterShutdown = 'minutes/$refusedAfterShutdown';
const refusedReinitialize = 'minutes/$refusedReinitialize';

export class Lifecycle implements MessageStrategy {
  private initialized = false;
  /** True once `shutdown` was received: the process then exits 0 when its input ends. */
  shutDown = false;

  handleMessage(message: Message, next: (message: Message) => void): void {
    const request = message as { id?: unknown; method?: unknown };
    if (typeof request.method !== 'string') {
      next(message);
      return;
    }
    const isRequest = request.id !== undefined;
    if (this.shutDown) {
      if (isRequest) next({ ...message, method: refusedAfterShutdown } as Message);
      else if (request.method === 'exit') next(message);
      return;
    }
    if (isRequest && request.method === 'initialize') {
      if (this.initialized) {
        next({ ...message, method: refusedReinitialize } as Message);
        return;
      }
      this.initialized = true;
    }
    if (isRequest && request.method === 'shutdown') this.shutDown = true;
    next(message);
  }

  /** Registers the handlers that refuse. */
  listen(connection: Connection): void {
    connection.onRequest(refusedAfterShutdown, () => {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: no more requests.');
    });
    connection.onRequest(refusedReinitialize, () => {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.');
    });
  }
}
