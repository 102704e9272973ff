import * as fs from 'fs';
import * as path from 'path';
import { createMinutesService } from '../../server/src/core';
import { listFiles } from '../util/fixtures';
import { repoPath } from '../util/paths';
import { matchSnapshot } from '../util/snapshot';

/**
 * Whole documents in the conventions of the genre (Chinese 纪要 and English minutes): their diagnostics and
 * extracted items are golden files, so any change in what the parser reads shows up in review.
 */
describe('documents: diagnostics and items (golden)', () => {
  const service = createMinutesService({ locale: 'en', config: {} });
  const files = [
    ...listFiles(repoPath('test', 'fixtures', 'documents')),
    ...listFiles(repoPath('examples'), /\.(minutes(\.md)?|txt)$/),
  ];
  for (const file of files) {
    it(path.relative(repoPath(), file), () => {
      const doc = service.parse(fs.readFileSync(file, 'utf8'));
      const diagnostics = service
        .validate(doc)
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
      const items = service.items(doc, path.basename(file)).items.map((i) => ({
        kind: i.kind,
        line: i.range.start.line + 1,
        owners: i.owners.map((o) => `${o.name}${o.role ? `/${o.role}` : ''}${o.vague ? ' (vague)' : ''}`),
        deadline: i.deadline
          ? `${i.deadline.text} → ${i.deadline.date}`
          : i.vagueDeadline
            ? `${i.vagueDeadline} (vague)`
            : null,
        status: i.status,
      }));
      matchSnapshot(
        `core/documents/${path.basename(file)}.txt`,
        `meeting: ${JSON.stringify(doc.meeting)}\n\n${diagnostics.join('\n')}\n\n${items.map((i) => JSON.stringify(i)).join('\n')}\n`,
      );
    });
  }
});
