/**
 * Adversarial texts of any size, one family per pattern the core's regular expressions meet, and the
 * process that times `parse` + `validate` on them (`linear.test.ts` runs it as a child process, so that a
 * runaway match can be stopped and the timings are not disturbed by the test runner).
 */
import * as fs from 'fs';
import { createMinutesService, parseUnitsRegistry } from '../../server/src/core';
import { repoPath } from '../util/paths';

/** `unit` repeated to about `bytes` bytes of UTF-8. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))));
}

const header = '# 会议纪要\n时间：2024年3月13日\n主持：县长\n出席：县财政局、县发改局\n\n';
const decision = `${header}会议决定，`;

/** Each family gives a text of about `bytes` bytes whose trouble grows with it. */
export const families: Record<string, (bytes: number) => string> = {
  'a run of digits': (n) => decision + fill('1', n),
  'a run of 年月日': (n) => decision + fill('年月日', n),
  'a run of @': (n) => decision + fill('@', n),
  'many @mentions': (n) => decision + fill('@县财政局 ', n),
  '由 and CJK without a verb': (n) => `${decision}由${fill('县', n)}`,
  'a run of 请': (n) => decision + fill('请县财政', n),
  'a run of 会同': (n) => decision + fill('会同', n),
  'a run of 牵头': (n) => decision + fill('甲乙牵头', n),
  'an unclosed 【': (n) => `${decision}【${fill('请', n)}`,
  'a run of {{': (n) => decision + fill('{{', n),
  'an unclosed <!--': (n) => `${header}<!--${fill('x', n)}`,
  'many <!-- lines': (n) => header + fill('<!--\n', n),
  'a long line without punctuation': (n) => decision + fill('县财政局做好工作', n),
  'a run of 一是': (n) => decision + fill('一是', n),
  'spaces inside a line': (n) => `${decision}a${fill(' ', n)}b`,
  'spaces after 。': (n) => `${decision}。${fill(' ', n)}会议决定`,
  'spaces inside a heading': (n) => `# a${fill(' ', n)}b`,
  'spaces after an English word': (n) => `x\nDecisions${fill(' ', n)}x`,
  'a run of X': (n) => `${decision + fill('X', n)}a`,
  'a run of ×': (n) => decision + fill('×', n),
  'capitalised English words without “to”': (n) => `# m\n\n## Action items\n- ${fill('Alpha Beta ', n)}`,
  'a long attendee list': (n) => `出席：${fill('甲乙、', n)}`,
  'a long date header': (n) => `时间：${fill('2024年', n)}`,
  'a deadline label with trailing commas': (n) => `${decision}由县财政局负责，时限：${fill('，', n)}x`,
  'suppression comments between problems': (n) => header + fill('<!-- minutes-disable-line -->\nXXX\n', n),
  'disable and enable comments': (n) =>
    header + fill('<!-- minutes-disable x -->\n<!-- minutes-enable x -->\n', n),
  'mentions against a long attendee list': (n) =>
    `出席：${fill('甲乙丙、', n / 2)}\n会议决定，${fill('@丁戊 ', n / 2)}`,
  'carriage returns only': (n) => fill('会议决定，由县财政局负责。\r', n),
  'many first-level headings': (n) => header + fill('# 第二次会议\n## 会议决定\n', n),
};

/** What the timing process is asked: one family, timed at each size `runs` times after a warm-up run. */
export interface TimingRequest {
  family: string;
  sizes: number[];
  runs: number;
}

/** What it answers after each size: the median time in milliseconds. */
export interface TimingResult {
  size: number;
  median: number;
}

/** The time `run` takes, starting from a collected heap (the process runs with --expose-gc). */
function time(run: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function timeFamily({ family, sizes, runs }: TimingRequest, answer: (result: TimingResult) => void): void {
  const units = parseUnitsRegistry(fs.readFileSync(repoPath('examples', 'minutes-units.yaml'), 'utf8'));
  const service = createMinutesService({
    units: units.registry,
    locale: 'zh-CN',
    config: { today: '2024-06-01' },
  });
  const check = (text: string): void => {
    service.validate(service.parse(text));
  };
  for (const size of sizes) {
    const text = families[family](size);
    check(text);
    const times = Array.from({ length: runs }, () => time(() => check(text))).sort((a, b) => a - b);
    answer({ size, median: times[runs >> 1] });
  }
}

if (require.main === module && process.send) {
  process.once('message', (request: TimingRequest) => {
    timeFamily(request, (result) => process.send!(result));
    process.disconnect();
  });
}
