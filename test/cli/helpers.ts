/** Running the bundled `minutes` command in temporary directories. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoPath } from '../util/paths';

export const CLI = repoPath('dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Environment variables that change the command's output; removed unless a test sets them. */
const AMBIENT = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR'];

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of AMBIENT) delete base[name];
  return { ...base, ...env };
}

/** Runs `node dist/cli.js …args` in `cwd` with no locale or colour settings unless `env` gives some. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cliEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command under a pseudo-terminal (util-linux `script`), so standard output is a TTY. */
export function runCliInTerminal(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: cliEnv({ TERM: 'xterm', ...env }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr };
}

export type FileTree = Record<string, string | Uint8Array>;

/**
 * Temporary directories for one `describe` block: `make(files)` creates one holding `files` (relative paths,
 * text or bytes); all are removed after the block.
 */
export function useTempDirs(): { make(files?: FileTree): string } {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    make(files: FileTree = {}): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-cli-'));
      made.push(dir);
      for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
      return dir;
    },
  };
}

/** A fixture under test/fixtures/cli/. */
export function fixture(name: string): string {
  return fs.readFileSync(repoPath('test', 'fixtures', 'cli', name), 'utf8');
}
