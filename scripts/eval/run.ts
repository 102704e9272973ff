/**
 * Runs the real `minutes actions` over the labelled corpus (`docs/*.txt` with `labels/*.json`) and scores
 * every document. Used by `npm run eval` and the ratchet test.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentRecord } from '../../server/src/core/api';
import { decodeProblem, decodeText } from '../../server/src/core/decode';
import { LabelError, parseLabel, scoreDocument, type DocumentScore } from './score';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where the corpus lives beside a clone (CI puts it there). */
export const DEFAULT_CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
/** The totals the ratchet test holds; rewritten only by `npm run eval -- --update-baseline`. */
export const BASELINE = path.join(REPO_ROOT, 'test', 'eval', 'baseline.json');

/** A corpus that cannot be scored: missing, a label missing or malformed. Its message is one line. */
export class CorpusError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CorpusError(`${file}: ${(error as Error).message}`);
  }
}

function readText(file: string): string {
  const decoded = decodeText(fs.readFileSync(file));
  if ('error' in decoded) throw new CorpusError(`${file}: ${decodeProblem(decoded.error, 'en')}`);
  return decoded.text;
}

/** `node bin/minutes.js actions --format json <files>`, once, keyed by absolute path. */
function runActions(files: string[]): Map<string, DocumentRecord> {
  const cli = path.join(REPO_ROOT, 'bin', 'minutes.js');
  const result = spawnSync(process.execPath, [cli, 'actions', '--format', 'json', ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`minutes actions exited with ${result.status}: ${result.stderr.trim()}`);
  }
  const report = JSON.parse(result.stdout) as { documents: DocumentRecord[] };
  return new Map(report.documents.map((d) => [path.resolve(REPO_ROOT, d.file), d]));
}

/** Scores every document of the corpus in `dir`, in file name order. */
export function evaluateCorpus(dir: string): DocumentScore[] {
  const docsDir = path.join(dir, 'docs');
  if (!fs.existsSync(docsDir)) throw new CorpusError(`no corpus at ${dir} (expected ${docsDir})`);
  const docs = fs
    .readdirSync(docsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(docsDir, name));
  if (docs.length === 0) throw new CorpusError(`no documents in ${docsDir}`);
  const labels = docs.map((doc) => {
    const file = path.join(dir, 'labels', `${path.basename(doc, '.txt')}.json`);
    if (!fs.existsSync(file)) throw new CorpusError(`no label for ${doc} (expected ${file})`);
    try {
      return parseLabel(readJson(file), file);
    } catch (error) {
      if (error instanceof LabelError) throw new CorpusError(error.message);
      throw error;
    }
  });
  const reported = runActions(docs);
  return docs.map((doc, i) => {
    const record = reported.get(doc);
    if (!record) throw new Error(`minutes actions reported nothing for ${doc}`);
    return scoreDocument(readText(doc), labels[i], record);
  });
}
