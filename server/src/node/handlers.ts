/** Shared plumbing of request handlers: error containment, parameter checks, cancellation. */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Position,
  type Range,
} from 'vscode-languageserver';

export type Log = (line: string) => void;

/**
 * Wraps a request handler so that a failure is logged and answered with `empty` instead of ending the
 * server. `ResponseError`s (bad parameters, cancellation) still reach the client as errors.
 */
export function guarded<P, R>(
  log: Log,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function checkPosition(value: unknown, what: string): Position {
  if (!isObject(value) || !isCount(value.line) || !isCount(value.character)) {
    throw invalid(`${what} must be a position { line, character }`);
  }
  return { line: value.line, character: value.character };
}

/** `params.textDocument.uri`, or an InvalidParams error. */
export function documentUri(params: unknown): string {
  const textDocument = isObject(params) ? params.textDocument : undefined;
  if (!isObject(textDocument) || typeof textDocument.uri !== 'string') {
    throw invalid('textDocument.uri must be a string');
  }
  return textDocument.uri;
}

/** `params.position`, or an InvalidParams error. */
export function position(params: unknown): Position {
  return checkPosition(isObject(params) ? params.position : undefined, 'position');
}

/** `params.range`, or an InvalidParams error. */
export function range(params: unknown): Range {
  const value = isObject(params) ? params.range : undefined;
  if (!isObject(value)) throw invalid('range must be a range { start, end }');
  return { start: checkPosition(value.start, 'range.start'), end: checkPosition(value.end, 'range.end') };
}

/** A string field of `params`, or an InvalidParams error. */
export function stringParam(params: unknown, name: string): string {
  const value = isObject(params) ? params[name] : undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  return value;
}

/** A non-negative integer field of `params`, or an InvalidParams error. */
export function countParam(params: unknown, name: string): number {
  const value = isObject(params) ? params[name] : undefined;
  if (!isCount(value)) throw invalid(`${name} must be a non-negative integer`);
  return value;
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}
