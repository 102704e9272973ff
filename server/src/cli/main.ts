/** Entry point of the `minutes` command (bundled to dist/cli.js, started by bin/minutes.js). */
import { EXIT_USAGE, run } from './cli';

// A reader that stops early (`minutes actions | head`) closes the pipe: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

function internalError(error: unknown): void {
  // A failure inside the checker must not pass for "problems found" (status 1).
  process.stderr.write(
    `minutes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = EXIT_USAGE;
}

try {
  const status = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
  });
  if (typeof status === 'number') process.exitCode = status;
  else status.then((s) => (process.exitCode = s), internalError);
} catch (error) {
  internalError(error);
}
