import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWorkbook } from '../../electron/host/decode-workbook';
import { serializeWorkbook } from '../../electron/host/workbook-adapter';
import type { Command } from '../../shared/domain/commands';
import { execute, openDoc } from '../../shared/domain/history';
import { type WorkbookFile, WorkbookFileSchema } from '../../shared/schema/workbook';
import { STORY, type Step } from './story';

// Builds resources/sample/crm-migration.rollout.json: the hand-written start (start.json: step 1,
// the plan, the metrics) plus the story (story.ts) replayed through the real reducer.
// `npm run sample` rewrites the file; tests/unit/shared/sample.test.ts checks it matches.

const HERE = import.meta.dirname;
export const START = join(HERE, 'start.json');
export const OUT = join(HERE, '../../resources/sample/crm-migration.rollout.json');

export function buildSample(start: WorkbookFile, story: readonly Step[]): WorkbookFile {
  const { audit, ...content } = start;
  let doc = openDoc(content);
  const log = [...audit];
  for (const step of story) {
    // Each decision is made against the workbook as it stood: the revision before it.
    const command = (
      'baseRevision' in step.command ? { ...step.command, baseRevision: doc.wb.revision } : step.command
    ) as Command;
    const done = execute(doc, command, { who: step.who, at: new Date(step.at).toISOString() }, log);
    if (!done) throw new Error(`story step changed nothing: ${JSON.stringify(step.command)}`);
    doc = done.doc;
    log.push(done.entry);
  }
  return WorkbookFileSchema.parse({ ...doc.wb, audit: log });
}

export function readStart(): WorkbookFile {
  const decoded = decodeWorkbook(readFileSync(START));
  if (!decoded.ok) throw new Error(`start.json is not a workbook: ${decoded.detail}`);
  return decoded.file;
}

if (process.argv[1]?.endsWith('build-sample.mjs')) {
  writeFileSync(OUT, serializeWorkbook(buildSample(readStart(), STORY)));
  console.log(`sample: wrote ${OUT}`);
}
