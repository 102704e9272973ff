/**
 * Preloaded into the language server by `readOnly.test.ts` (NODE_OPTIONS=--require): every attempt to open
 * a network connection, send a datagram or resolve a host name is written to the file named by
 * MINUTES_NETWORK_LOG, and fails.
 */
import dgram from 'dgram';
import dns from 'dns';
import * as fs from 'fs';
import net from 'net';

const log = process.env.MINUTES_NETWORK_LOG;

function refuse(what: string): never {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network use refused: ${what}`);
}

if (log) {
  net.Socket.prototype.connect = function connect(...args: unknown[]): never {
    return refuse(`net connect ${JSON.stringify(args[0])}`);
  };
  // The modules' own export objects, patched in place (not copies of them).
  Object.defineProperty(dgram, 'createSocket', {
    value: (type: unknown) => refuse(`dgram socket ${JSON.stringify(type)}`),
  });
  Object.defineProperty(dns, 'lookup', { value: (host: string) => refuse(`dns lookup ${host}`) });
  Object.defineProperty(dns.promises, 'lookup', { value: (host: string) => refuse(`dns lookup ${host}`) });
}
