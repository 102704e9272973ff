/** Finding and reading the files the `minutes` command works on. */
import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Locale } from '../core/api';
import { decodeProblem, decodeText } from '../core/decode';

/** A file to process: `display` is how it is named in output, `absolute` where it is. */
export interface InputFile {
  display: string;
  absolute: string;
}

/**
 * The most `*` a glob may hold in one path segment (`**` aside). Matching backtracks: each more `*` multiplies
 * the work by the length of a name, and `*a*a*a*a*a*a*a*a*b` takes hours on a long file name.
 */
export const MAX_STARS_PER_SEGMENT = 3;

function tooManyStars(pattern: string): boolean {
  return pattern
    .split(/[\\/]/)
    .some((segment) => segment !== '**' && segment.split('*').length - 1 > MAX_STARS_PER_SEGMENT);
}

/** What directory searches pick up: `*.minutes` and `*.minutes.md`. */
const MINUTES_FILE = /\.minutes(\.md)?$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * The path as shown in output and records: relative to `cwd` with forward slashes, or absolute when the file
 * lies outside `cwd`.
 */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown =
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/** Whether the real path `real` is `root` or lies under it. */
function isWithin(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

function errnoReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (error as Error).message;
  }
}

class Collector {
  readonly files: InputFile[] = [];
  readonly problems: string[] = [];
  private readonly seenFiles = new Set<string>();

  constructor(private readonly cwd: string) {}

  /** Adds a file once, however many paths or links lead to it. */
  addFile(absolute: string): void {
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch (error) {
      this.problems.push(`cannot read '${displayPath(absolute, this.cwd)}': ${errnoReason(error)}`);
      return;
    }
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push({ display: displayPath(absolute, this.cwd), absolute });
  }

  /**
   * Searches a directory for minutes files and returns how many it met. Each real directory is entered once
   * per search (`seen`), so symbolic link loops end; symbolic links that lead out of the directory first
   * searched (`root`, resolved) are not followed.
   */
  walk(directory: string, seen: Set<string>, root = directory): number {
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(directory);
      if (seen.size === 0) root = real;
      if (seen.has(real) || !isWithin(real, root)) return 0;
      seen.add(real);
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.problems.push(`cannot read '${displayPath(directory, this.cwd)}': ${errnoReason(error)}`);
      return 0;
    }
    let found = 0;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          // A link out of the directory searched is not followed: `root -> /` must not check the machine.
          if (!isWithin(fs.realpathSync(full), root)) continue;
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (MINUTES_FILE.test(entry.name))
            this.problems.push(`cannot read '${displayPath(full, this.cwd)}': ${errnoReason(error)}`);
          continue;
        }
      }
      if (isDirectory && !SKIPPED_DIRECTORIES.has(entry.name)) {
        found += this.walk(full, seen, root);
      } else if (isFile && MINUTES_FILE.test(entry.name)) {
        this.addFile(full);
        found++;
      }
    }
    return found;
  }
}

/**
 * Expands the command's operands: directories are searched recursively for minutes files (skipping
 * `node_modules` and `.git`), glob patterns are matched from `cwd`, and files named explicitly are taken
 * whatever their extension. With no operands, `cwd` is searched. Each file is listed once. `problems` holds one
 * message per operand that yields nothing.
 */
export function collectFiles(operands: string[], cwd: string): { files: InputFile[]; problems: string[] } {
  const collector = new Collector(cwd);
  for (const operand of operands.length > 0 ? operands : ['.']) {
    const absolute = path.resolve(cwd, operand);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (!isDynamicPattern(operand)) {
        collector.problems.push(`cannot read '${operand}': ${errnoReason(error)}`);
        continue;
      }
    }
    if (stat === undefined && tooManyStars(operand)) {
      collector.problems.push(
        `pattern '${operand}' has more than ${MAX_STARS_PER_SEGMENT} '*' in one path segment: it could take hours to match; use fewer`,
      );
    } else if (stat === undefined) {
      const matches = globSync(operand.split(path.sep).join('/'), {
        cwd,
        absolute: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      }).sort();
      if (matches.length === 0) collector.problems.push(`no files match '${operand}'`);
      for (const match of matches) collector.addFile(path.resolve(match));
    } else if (stat.isDirectory()) {
      if (collector.walk(absolute, new Set()) === 0)
        collector.problems.push(`no minutes files (*.minutes, *.minutes.md) in '${operand}'`);
    } else {
      collector.addFile(absolute);
    }
  }
  return { files: collector.files, problems: collector.problems };
}

/**
 * Reads a file as text (UTF-8, UTF-16 or GB18030: see the core's `decodeText`), or says why not, the decoding
 * problems in the user's language (`cannot read 'x': no such file`, `skipped 'x': binary file`).
 */
export function readTextFile(file: InputFile, locale: Locale): { text: string } | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absolute);
  } catch (error) {
    return { problem: `cannot read '${file.display}': ${errnoReason(error)}` };
  }
  const decoded = decodeText(bytes);
  if ('text' in decoded) return decoded;
  const reason = decodeProblem(decoded.error, locale);
  return {
    problem:
      locale === 'zh-CN' ? `已跳过 '${file.display}'：${reason}` : `skipped '${file.display}': ${reason}`,
  };
}

/**
 * Writes `bytes` to `absolute` (shown as `display`) through a temporary file beside it, so a failed write
 * leaves no half file. An existing file is replaced only with `force`. Returns why it could not, or null.
 */
export function writeNewFile(
  absolute: string,
  display: string,
  bytes: Uint8Array,
  force: boolean,
): string | null {
  if (!force && fs.existsSync(absolute)) return `'${display}' already exists; use --force to replace it`;
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.renameSync(temporary, absolute);
    return null;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return `cannot write '${display}': ${errnoReason(error)}`;
  }
}
