/** Entry point of the `minutes` command (bundled to dist/cli.js, started by bin/minutes.js). */
import { EXIT_USAGE, run } from './cli';

// A reader that stops early (`minutes actions | head`) closes the pipe: stop quietly. Any other failure to
// write (a full disk, `> /dev/full`) is one line on stderr and status 2, never "problems found" (1).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`minutes: cannot write the output: ${error.message}\n`);
  process.exit(EXIT_USAGE);
});

run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
}).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    // A failure inside the checker must not pass for "problems found" (status 1).
    process.stderr.write(
      `minutes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_USAGE;
  },
);
