/** The few user-facing messages the server itself shows (diagnostics come from the core). */
import type { Locale } from '../core/api';

const messages = {
  tooLarge: {
    en: '{0} is larger than {1}, so it is not checked as you type.',
    'zh-CN': '{0} 超过 {1}，编辑时不做检查。',
  },
  binary: {
    en: '{0} contains NUL bytes (it may not be a text file), so it is not checked as you type.',
    'zh-CN': '{0} 含有 NUL 字节（可能不是文本文件），编辑时不做检查。',
  },
  unwritableName: {
    en: 'Cannot rename to “{0}”: {1} would not read it back as that one unit name (it holds a separator such as a space, 、 or @).',
    'zh-CN': '不能重命名为“{0}”：{1} 中不会把它读作这一个单位名称（其中含有空格、顿号或 @ 等分隔符）。',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageId = keyof typeof messages;

export function message(id: MessageId, locale: Locale, ...args: (string | number)[]): string {
  return messages[id][locale].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** A byte count as shown to people: `4 MB`, `512 KB`, `200 bytes`. */
export function formatSize(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
