/** The workspace config file (`.minutesrc.json` / `.minutesrc.yaml`): rule severities and today. */
import { LineCounter, parseDocument } from 'yaml';
import type { MinutesConfig, RuleSeverity } from './api';
import { ruleIds } from './rules';
import type { ParseProblem } from './units';

export const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Reads a config file's text (YAML or JSON). Unknown keys and bad values are problems, not exceptions. */
export function parseConfigFile(text: string): { config: MinutesConfig; errors: ParseProblem[] } {
  const errors: ParseProblem[] = [];
  let value: unknown;
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter: lc });
    if (doc.errors.length > 0)
      return {
        config: {},
        errors: doc.errors.map((e) => ({
          message: e.message.split('\n')[0],
          line: lc.linePos(e.pos[0]).line - 1,
        })),
      };
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { config: {}, errors: [{ message: (e as Error).message, line: 0 }] };
  }
  return { config: normalizeConfig(value, errors), errors };
}

/** Validates a config object (from a file or from editor settings). */
export function normalizeConfig(value: unknown, errors: ParseProblem[] = []): MinutesConfig {
  const config: MinutesConfig = {};
  if (value === null || value === undefined) return config;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ message: 'expected a map with `rules`', line: 0 });
    return config;
  }
  const obj = value as Record<string, unknown>;
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      errors.push({ message: '`rules` must map rule ids to severities', line: 0 });
    } else {
      config.rules = {};
      for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!ruleIds.includes(id)) errors.push({ message: `unknown rule \`${id}\``, line: 0 });
        else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as RuleSeverity)) {
          errors.push({
            message: `rule \`${id}\`: severity must be one of ${SEVERITIES.join(', ')}`,
            line: 0,
          });
        } else config.rules[id] = sev as RuleSeverity;
      }
    }
  }
  if (obj.today !== undefined && obj.today !== null) {
    if (typeof obj.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(obj.today)) config.today = obj.today;
    else errors.push({ message: '`today` must be a date YYYY-MM-DD', line: 0 });
  }
  return config;
}
