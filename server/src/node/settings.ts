/** The `minutes.*` settings the server reads, and how they become the core's options. */
import type { Locale, MinutesConfig, RuleSeverity, ServiceOptions, UnitsRegistry } from '../core/api';
import { localDay } from '../core/dates';

export interface MinutesSettings {
  /** Per rule id, over the workspace config file's `rules`. */
  rules: Record<string, RuleSeverity>;
  locale: 'auto' | Locale;
  /** ISO date that counts as today; null for the real date. */
  today: string | null;
  /** Milliseconds between the last edit and validation; 0 validates at once. */
  debounce: number;
  /** Documents larger than this many bytes are not validated as they are edited. */
  maxFileSize: number;
  /** Units registry files, relative to each workspace folder (or absolute). */
  unitsPaths: string[];
}

export const defaultSettings: MinutesSettings = {
  rules: {},
  locale: 'auto',
  today: null,
  debounce: 150,
  maxFileSize: 4 * 1024 * 1024,
  unitsPaths: ['minutes-units.yaml'],
};

const severities: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Reads the `minutes` configuration section as the client sends it; anything malformed keeps its default. */
export function readSettings(raw: unknown): MinutesSettings {
  const section = isRecord(raw) ? raw : {};
  const rules: Record<string, RuleSeverity> = {};
  if (isRecord(section.rules)) {
    for (const [id, severity] of Object.entries(section.rules)) {
      if (typeof severity === 'string' && severities.includes(severity)) rules[id] = severity as RuleSeverity;
    }
  }
  const validation = isRecord(section.validation) ? section.validation : {};
  const units = isRecord(section.units) ? section.units : {};
  const paths = Array.isArray(units.paths)
    ? units.paths.filter((p): p is string => typeof p === 'string' && p !== '')
    : null;
  return {
    rules,
    locale: section.locale === 'en' || section.locale === 'zh-CN' ? section.locale : 'auto',
    today:
      typeof section.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(section.today) ? section.today : null,
    debounce: nonNegative(validation.debounce, defaultSettings.debounce),
    maxFileSize: nonNegative(validation.maxFileSize, defaultSettings.maxFileSize),
    unitsPaths: paths ?? defaultSettings.unitsPaths,
  };
}

/** `zh…` display languages get Chinese messages, every other one English. */
export function localeOf(setting: MinutesSettings['locale'], clientLocale: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The local date as `YYYY-MM-DD`. */
/** The date the `overdue` rule compares with: the setting, else the config file's, else the real date. */
export function todayOf(settings: MinutesSettings, fileConfig: MinutesConfig): string {
  return settings.today ?? fileConfig.today ?? localDay(new Date());
}

export function serviceOptions(
  settings: MinutesSettings,
  fileConfig: MinutesConfig,
  units: UnitsRegistry | null,
  clientLocale: string | undefined,
): ServiceOptions {
  return {
    units,
    locale: localeOf(settings.locale, clientLocale),
    config: { rules: { ...fileConfig.rules, ...settings.rules }, today: todayOf(settings, fileConfig) },
  };
}
