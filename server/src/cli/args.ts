/** Command-line parsing and validation for the `minutes` command. */
import { parseArgs } from 'util';
import type { Locale } from '../core/api';

/** A mistake in the command line: reported as `minutes: <message>`, exit status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ParsedCommandLine {
  /** The value of a string option, if given (the last one when repeated). */
  string(name: string): string | undefined;
  /** Whether a boolean option is given. */
  flag(name: string): boolean;
  positionals: string[];
}

/**
 * Parses `argv` against `options`, rejecting unknown options, string options without a value and boolean
 * options given one. `command` names the help to point to in messages.
 */
export function parseCommandLine(
  argv: string[],
  options: Record<string, OptionSpec>,
  command: string,
): ParsedCommandLine {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const help = `see '${command} --help'`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option '${token.rawName}'; ${help}`);
    if (
      spec.type === 'string' &&
      (token.value === undefined || (!token.inlineValue && /^-(?!\d)/.test(token.value)))
    ) {
      throw new UsageError(`option '${token.rawName}' needs a value; ${help}`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`option '${token.rawName}' takes no value; ${help}`);
    }
  }
  return {
    string: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
    flag: (name) => values[name] === true,
    positionals,
  };
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${choices.join(', ')} (got '${value}')`);
}

/** A calendar date written `YYYY-MM-DD`; `undefined` when the option is not given. */
export function parseDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return value;
  }
  throw new UsageError(`${option} must be a date written YYYY-MM-DD (got '${value}')`);
}

/** A whole number, 0 or more; `undefined` when the option is not given. */
export function parseCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`${option} must be a whole number, 0 or more (got '${value}')`);
}

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** `--locale` if given, else the first of LC_ALL, LC_MESSAGES and LANG that is set: `zh…` means zh-CN. */
export function resolveLocale(flag: string | undefined, env: Record<string, string | undefined>): Locale {
  if (flag !== undefined) return parseChoice('--locale', flag, LOCALES);
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^zh/i.test(setting) ? 'zh-CN' : 'en';
}
