/** The `minutes` command: `check`, `actions` and `rules`. All I/O goes through `CliIO` and the file system. */
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../../package.json';
import {
  buildLedger,
  createMinutesService,
  formatLedgerCsv,
  formatLedgerIcs,
  formatLedgerJson,
  formatLedgerMarkdown,
  parseConfigFile,
  parseUnitsRegistry,
  rules,
} from '../core';
import { localDay } from '../core/dates';
import type { DocumentRecord, Locale, MinutesConfig, UnitsRegistry } from '../core/api';
import { buildLayout, renderHtmlDocument } from '../core/layout';
import { parseChoice, parseCommandLine, parseCount, parseDate, resolveLocale, UsageError } from './args';
import type { OptionSpec, ParsedCommandLine } from './args';
import { collectFiles, readTextFile, writeNewFile } from './files';
import type { InputFile } from './files';
import { formatActionsCsv, formatActionsMarkdown } from '../core/export';
import {
  countProblems,
  formatActionsJson,
  formatCheckClean,
  formatCheckJson,
  formatCheckText,
  formatRules,
  printable,
} from './format';
import type { FileDiagnostics } from './format';
import { actionsHelp, checkHelp, exportHelp, ledgerHelp, mainHelp, rulesHelp } from './help';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard output is a terminal: colours and the "no problems" line are shown only there. */
  stdoutIsTTY: boolean;
}

/** Exit statuses. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const UNITS_FILE = 'minutes-units.yaml';
const CONFIG_FILES = ['.minutesrc.json', '.minutesrc.yaml'];

const OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string' },
  units: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  'no-color': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The options a command takes, picked from `OPTIONS`. */
function options(...names: string[]): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, OPTIONS[name]]));
}

/** Parses a command's options (picked from `OPTIONS`, with `--help`); null when it printed its help instead. */
function commandLine(
  argv: string[],
  io: CliIO,
  command: string,
  help: string,
  ...names: string[]
): ParsedCommandLine | null {
  const args = parseCommandLine(argv, options(...names, 'help'), command);
  if (!args.flag('help')) return args;
  io.stdout(help);
  return null;
}

/** One run of a command: collects file problems (each printed at once) and decides the exit status. */
class Run {
  fileProblems = 0;

  constructor(
    readonly io: CliIO,
    readonly locale: Locale,
  ) {}

  problem(message: string): void {
    this.fileProblems++;
    this.io.stderr(`minutes: ${printable(message)}\n`);
  }

  /** Reads a settings file; `undefined` (after reporting) when it cannot be read. */
  readSettingsFile(display: string): string | undefined {
    const read = readTextFile({ display, absolute: path.resolve(this.io.cwd, display) }, this.locale);
    if ('problem' in read) {
      this.problem(read.problem);
      return undefined;
    }
    return read.text;
  }

  /** Reports a settings file's parse errors (0-based lines) as `file:line: message`. */
  reportParseErrors(file: string, errors: { message: string; line: number }[]): void {
    for (const error of errors) this.problem(`${file}:${error.line + 1}: ${error.message}`);
  }

  /** `--units FILE`, else `minutes-units.yaml` in the current directory when present, else none. */
  loadUnits(flag: string | undefined): UnitsRegistry | null {
    const file = flag ?? (fs.existsSync(path.join(this.io.cwd, UNITS_FILE)) ? UNITS_FILE : undefined);
    if (file === undefined) return null;
    const text = this.readSettingsFile(file);
    if (text === undefined) return null;
    const { registry, errors } = parseUnitsRegistry(text);
    this.reportParseErrors(file, errors);
    return registry;
  }

  /** `--config FILE`, else the first of `.minutesrc.json` and `.minutesrc.yaml` in the current directory. */
  loadConfig(flag: string | undefined): MinutesConfig {
    const file = flag ?? CONFIG_FILES.find((name) => fs.existsSync(path.join(this.io.cwd, name)));
    if (file === undefined) return {};
    const text = this.readSettingsFile(file);
    if (text === undefined) return {};
    const { config, errors } = parseConfigFile(text);
    this.reportParseErrors(file, errors);
    return config;
  }

  /**
   * Reads the operands' files one at a time and maps each to `process(file, text)`; files that cannot be
   * read are reported and left out.
   */
  mapInputs<T>(operands: string[], process: (file: InputFile, text: string) => T): T[] {
    const { files, problems } = collectFiles(operands, this.io.cwd);
    problems.forEach((message) => this.problem(message));
    const results: T[] = [];
    for (const file of files) {
      const read = readTextFile(file, this.locale);
      if ('problem' in read) {
        this.problem(read.problem);
        continue;
      }
      // A fault on one file must not cost the user the report on the others.
      try {
        results.push(process(file, read.text));
      } catch (error) {
        this.problem(
          `internal error on '${file.display}': ${(error as Error).message}; the other files are still checked`,
        );
      }
    }
    return results;
  }
}

function check(argv: string[], io: CliIO): number {
  const args = commandLine(
    argv,
    io,
    'minutes check',
    checkHelp,
    'format',
    'units',
    'config',
    'today',
    'locale',
    'max-warnings',
    'no-color',
  );
  if (!args) return EXIT_OK;
  const format = parseChoice('--format', args.string('format') ?? 'text', ['text', 'json']);
  const today = parseDate('--today', args.string('today'));
  const maxWarnings = parseCount('--max-warnings', args.string('max-warnings'));
  const locale = resolveLocale(args.string('locale'), io.env);
  const color = io.stdoutIsTTY && !args.flag('no-color') && !io.env.NO_COLOR;

  const run = new Run(io, locale);
  const units = run.loadUnits(args.string('units'));
  const config = run.loadConfig(args.string('config'));
  const service = createMinutesService({
    units,
    config: today === undefined ? config : { ...config, today },
    locale,
    referenceDate: today ?? localDay(new Date()),
  });
  // The files are checked together: the rules comparing meetings see every file's ledger entries.
  const parsed = run.mapInputs(args.positionals, (file, text) => {
    const doc = service.parse(text);
    return { file: file.display, doc, ledger: service.ledgerDocument(doc, file.display) };
  });
  const documents = parsed.map((p) => p.ledger);
  const results: FileDiagnostics[] = parsed.map((p) => ({
    file: p.file,
    diagnostics: service.validate(p.doc, { file: p.file, documents }),
  }));

  if (format === 'json') {
    io.stdout(formatCheckJson(results));
  } else {
    const report = formatCheckText(results, { locale, color });
    if (report !== '') io.stdout(report);
    else if (io.stdoutIsTTY && results.length > 0) io.stdout(formatCheckClean(results.length, locale, color));
  }

  const counts = countProblems(results);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`minutes: too many warnings (${counts.warnings}, maximum ${maxWarnings})\n`);
  if (run.fileProblems > 0) return EXIT_USAGE;
  return counts.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

function actions(argv: string[], io: CliIO): number {
  const args = commandLine(argv, io, 'minutes actions', actionsHelp, 'format', 'today', 'units', 'locale');
  if (!args) return EXIT_OK;
  const format = parseChoice('--format', args.string('format') ?? 'json', ['json', 'csv', 'markdown']);
  const today = parseDate('--today', args.string('today'));
  const locale: Locale = resolveLocale(args.string('locale'), io.env);

  const run = new Run(io, locale);
  const service = createMinutesService({
    units: run.loadUnits(args.string('units')),
    locale,
    referenceDate: today ?? localDay(new Date()),
  });
  const documents: DocumentRecord[] = run.mapInputs(args.positionals, (file, text) =>
    service.items(service.parse(text), file.display),
  );

  if (format === 'json') io.stdout(formatActionsJson(documents));
  else if (format === 'csv') io.stdout(formatActionsCsv(documents, today));
  else io.stdout(formatActionsMarkdown(documents, today));
  return run.fileProblems > 0 ? EXIT_USAGE : EXIT_OK;
}

async function ledger(argv: string[], io: CliIO): Promise<number> {
  const args = commandLine(
    argv,
    io,
    'minutes ledger',
    ledgerHelp,
    'format',
    'output',
    'force',
    'today',
    'units',
    'config',
  );
  if (!args) return EXIT_OK;
  const format = parseChoice('--format', args.string('format') ?? 'markdown', [
    'xlsx',
    'csv',
    'json',
    'markdown',
    'ics',
  ]);
  const output = args.string('output');
  if (output === undefined && (format === 'xlsx' || format === 'ics')) {
    throw new UsageError(`--format ${format} needs --output FILE; see 'minutes ledger --help'`);
  }
  const run = new Run(io, resolveLocale(undefined, io.env));
  const config = run.loadConfig(args.string('config'));
  const today = parseDate('--today', args.string('today')) ?? config.today ?? localDay(new Date());
  const service = createMinutesService({ units: run.loadUnits(args.string('units')), config });
  const documents = run.mapInputs(args.positionals, (file, text) =>
    service.ledgerDocument(service.parse(text), file.display),
  );
  const result = buildLedger(documents, today);
  const content: string | Uint8Array =
    format === 'xlsx'
      ? // The workbook writer is loaded only when a workbook is asked for: it is most of the bundle.
        await (await import('./xlsx')).ledgerWorkbook(result)
      : format === 'ics'
        ? formatLedgerIcs(result, today)
        : format === 'json'
          ? formatLedgerJson(result, today)
          : format === 'csv'
            ? formatLedgerCsv(result)
            : formatLedgerMarkdown(result, today);
  if (output === undefined) io.stdout(content as string);
  else {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const problem = writeNewFile(path.resolve(io.cwd, output), output, bytes, args.flag('force'));
    if (problem) run.problem(problem);
  }
  return run.fileProblems > 0 ? EXIT_USAGE : EXIT_OK;
}

function listRules(argv: string[], io: CliIO): number {
  const args = commandLine(argv, io, 'minutes rules', rulesHelp, 'format', 'locale');
  if (!args) return EXIT_OK;
  if (args.positionals.length > 0) {
    throw new UsageError(`unexpected argument '${args.positionals[0]}'; see 'minutes rules --help'`);
  }
  const format = parseChoice('--format', args.string('format') ?? 'text', ['text', 'json']);
  io.stdout(formatRules(rules, format, resolveLocale(args.string('locale'), io.env)));
  return EXIT_OK;
}

/** `minutes export`: one minutes file as a formal document (.docx, or HTML). */
async function exportDocument(argv: string[], io: CliIO): Promise<number> {
  const args = commandLine(argv, io, 'minutes export', exportHelp, 'format', 'output', 'force', 'units');
  if (!args) return EXIT_OK;
  const format = parseChoice('--format', args.string('format') ?? 'docx', ['docx', 'html']);
  const output = args.string('output');
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `${args.positionals.length === 0 ? 'no file given' : 'one file at a time'}; see 'minutes export --help'`,
    );
  }
  if (format === 'docx' && output === undefined) {
    throw new UsageError("--format docx needs --output FILE.docx; see 'minutes export --help'");
  }

  const run = new Run(io, resolveLocale(undefined, io.env));
  const service = createMinutesService({ units: run.loadUnits(args.string('units')) });
  const layouts = run.mapInputs(args.positionals, (_file, text) => buildLayout(service.parse(text)));
  if (layouts.length > 1) {
    throw new UsageError(
      `'${args.positionals[0]}' holds ${layouts.length} minutes files; export one file at a time`,
    );
  }
  const [layout] = layouts;
  if (layout === undefined) return EXIT_USAGE;
  const bytes =
    format === 'docx'
      ? await (await import('../core/layout/docx')).renderDocx(layout)
      : new TextEncoder().encode(renderHtmlDocument(layout));
  if (output === undefined) {
    io.stdout(new TextDecoder().decode(bytes));
  } else {
    const problem = writeNewFile(path.resolve(io.cwd, output), output, bytes, args.flag('force'));
    if (problem) {
      run.problem(problem);
      return EXIT_USAGE;
    }
  }
  return run.fileProblems > 0 ? EXIT_USAGE : EXIT_OK;
}

const commands: Record<
  string,
  { run: (argv: string[], io: CliIO) => number | Promise<number>; help: string }
> = {
  check: { run: check, help: checkHelp },
  actions: { run: actions, help: actionsHelp },
  ledger: { run: ledger, help: ledgerHelp },
  rules: { run: listRules, help: rulesHelp },
  export: { run: exportDocument, help: exportHelp },
};

function command(name: string): (typeof commands)[string] {
  if (Object.prototype.hasOwnProperty.call(commands, name)) return commands[name];
  const kind = name.startsWith('-') ? 'option' : 'command';
  throw new UsageError(`unknown ${kind} '${name}'; see 'minutes --help'`);
}

/** Runs the `minutes` command with `argv` (the arguments after the program name); returns the exit status. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr(mainHelp);
      return EXIT_USAGE;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${version}\n`);
      return EXIT_OK;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(first === 'help' && rest[0] !== undefined ? command(rest[0]).help : mainHelp);
      return EXIT_OK;
    }
    return await command(first).run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`minutes: ${error.message}\n`);
    return EXIT_USAGE;
  }
}
