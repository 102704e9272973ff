/**
 * In-process benchmarks of the core: parse + validate throughput against markdownlint on the same text
 * (benchmark 1), and how the time grows from 100 KB to 1 MB for ordinary and adversarial shapes
 * (benchmark 5).
 */
import { pathToFileURL } from 'url';
import { createMinutesService, type MinutesService } from '../server/src/core';
import {
  adversarial,
  ADVERSARIAL_SHAPES,
  type AdversarialShape,
  byteLength,
  minutesOfSize,
  SHAPE_DESCRIPTIONS,
  TODAY,
  type Language,
  type Registry,
} from './generate';
import type { Row } from './report';
import { interleaved, median } from './stats';

export const KB = 1024;
export const MB = 1024 * 1024;

type Lint = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

/**
 * markdownlint's synchronous `lint`. markdownlint is an ES module; TypeScript compiles `import()` to
 * `require()` under CommonJS, so the import is made at run time instead.
 */
async function loadMarkdownlint(): Promise<Lint> {
  const importModule = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<{ lint: Lint }>;
  const { lint } = await importModule(pathToFileURL(require.resolve('markdownlint/sync')).href);
  return lint;
}

export function coreService(registry: Registry, language: Language): MinutesService {
  const units = registry.units.map((u) => ({
    name: u.name,
    aliases: u.alias ? [u.alias] : [],
    parent: u.parent,
  }));
  return createMinutesService({
    units: { units },
    locale: language === 'zh' ? 'zh-CN' : 'en',
    config: { today: TODAY },
  });
}

export function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

export interface CoreOptions {
  smoke: boolean;
  registry: Registry;
  log: (line: string) => void;
}

const throughputGroup = '1. Core throughput vs markdownlint (parse + validate)';
const scalingGroup = '5. Scaling: time(large) / time(small), parse + validate';

/** The medians of benchmark 1, by language and size, for benchmark 5. */
export type CoreTimes = Map<string, number>;

export async function throughput(options: CoreOptions): Promise<{ rows: Row[]; times: CoreTimes }> {
  const lint = await loadMarkdownlint();
  const sizes = options.smoke ? [4 * KB, 16 * KB] : [100 * KB, MB, 10 * MB];
  const targetSize = options.smoke ? 16 * KB : MB;
  const rows: Row[] = [];
  const times: CoreTimes = new Map();
  for (const language of ['zh', 'en'] as const) {
    const service = coreService(options.registry, language);
    for (const size of sizes) {
      const text = minutesOfSize(size + (language === 'zh' ? 1 : 2), language, size, options.registry);
      const bytes = byteLength(text);
      const doc = service.parse(text);
      const diagnostics = service.validate(doc).length;
      const mdIssues = lint({ strings: { doc: text } }).doc.length;
      options.log(`throughput ${language} ${sizeLabel(size)}: ${bytes} bytes, ${doc.items.length} items`);
      const [core, markdownlint, parseOnly] = interleaved(
        [
          () => service.validate(service.parse(text)),
          () => lint({ strings: { doc: text } }),
          () => service.parse(text),
        ],
        options.smoke,
      ).map(median);
      times.set(`${language} ${size}`, core);
      const mbps = (ms: number) => bytes / MB / (ms / 1000);
      const label = `${language} ${sizeLabel(size)}`;
      const atTarget = size === targetSize;
      rows.push(
        {
          group: throughputGroup,
          name: `${label}: core`,
          value: mbps(core),
          unit: 'MB/s',
          note: `${core.toFixed(1)} ms (parse ${parseOnly.toFixed(1)} ms); ${doc.items.length} items, ${diagnostics} diagnostics`,
        },
        {
          group: throughputGroup,
          name: `${label}: markdownlint`,
          value: mbps(markdownlint),
          unit: 'MB/s',
          note: `${markdownlint.toFixed(1)} ms; ${mdIssues} issues`,
        },
        {
          group: throughputGroup,
          name: `${label}: core / markdownlint`,
          value: markdownlint / core,
          unit: '×',
          ...(atTarget ? { target: { op: '>=', value: 20 } as const } : {}),
        },
      );
    }
  }
  return { rows, times };
}

/** The shapes whose time at 1 MB has a target of its own: the item cues repeated a hundred thousand times. */
const TIMED_SHAPES: readonly AdversarialShape[] = ['yishi', 'checkboxes'];

export function scaling(options: CoreOptions, times: CoreTimes): Row[] {
  const [small, large] = options.smoke ? [4 * KB, 16 * KB] : [100 * KB, MB];
  const pair = `${sizeLabel(large)} / ${sizeLabel(small)}`;
  const target = { op: '<=', value: 12 } as const;
  const rows: Row[] = [];
  for (const language of ['zh', 'en'] as const) {
    const at = (size: number) => times.get(`${language} ${size}`) as number;
    rows.push({
      group: scalingGroup,
      name: `minutes ${language}: ${pair}`,
      value: at(large) / at(small),
      unit: '×',
      target,
      note: `${at(small).toFixed(1)} → ${at(large).toFixed(1)} ms`,
    });
    if (!options.smoke) {
      rows.push({
        group: scalingGroup,
        name: `minutes ${language}: 10 MB / 1 MB`,
        value: at(10 * MB) / at(MB),
        unit: '×',
        target,
        note: `${at(MB).toFixed(1)} → ${at(10 * MB).toFixed(1)} ms`,
      });
    }
  }
  const service = coreService(options.registry, 'zh');
  for (const shape of ADVERSARIAL_SHAPES) {
    const [smallText, largeText] = [small, large].map((size) =>
      adversarial(shape, size, size, options.registry),
    );
    options.log(`scaling ${shape}: ${byteLength(smallText)} and ${byteLength(largeText)} bytes`);
    const [t1, t2] = interleaved(
      [smallText, largeText].map((text) => () => service.validate(service.parse(text))),
      options.smoke,
    ).map(median);
    rows.push(
      {
        group: scalingGroup,
        name: `${shape}: ${pair}`,
        value: t2 / t1,
        unit: '×',
        target,
        note: `${t1.toFixed(1)} → ${t2.toFixed(1)} ms; ${SHAPE_DESCRIPTIONS[shape]}`,
      },
      {
        group: scalingGroup,
        name: `${shape}: ${sizeLabel(large)}`,
        value: t2,
        unit: 'ms',
        ...(TIMED_SHAPES.includes(shape) && !options.smoke
          ? { target: { op: '<=', value: 100 } as const }
          : {}),
      },
    );
  }
  return rows;
}
