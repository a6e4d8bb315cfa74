import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CommandSchema } from '../../../shared/domain/commands';
import { execute, openDoc, undo } from '../../../shared/domain/history';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// drills.add-scenarios: a file's scenarios come in as one change (one undo), a repeated id gets a
// suffix, and a command carrying a bad scenario is refused by the host's parse, naming the field.

const meta = { who: { name: 'Test', role: 'Facilitator' }, at: '2026-12-01T09:00:00.000Z' };
const library = JSON.parse(
  readFileSync('resources/scenarios/permissions-outage.scenario.json', 'utf8'),
).scenario;

function parse(cmd: unknown) {
  return CommandSchema.safeParse(cmd);
}

describe('drills.add-scenarios', () => {
  it('adds every scenario in one step, suffixing a repeated id; one undo removes them all', () => {
    let doc = openDoc(emptyWorkbook('wb', 'Drills', meta.at));
    const cmd = parse({ type: 'drills.add-scenarios', from: 'library', scenarios: [library] });
    if (!cmd.success) throw cmd.error;
    doc = execute(doc, cmd.data, meta, [])!.doc;
    const twice = parse({ type: 'drills.add-scenarios', from: 'a file', scenarios: [library, library] });
    if (!twice.success) throw twice.error;
    const done = execute(doc, twice.data, meta, [])!;
    expect(done.doc.wb.drills.scenarios.map((s) => s.id)).toEqual([
      'lib-permissions-outage',
      'lib-permissions-outage-2',
      'lib-permissions-outage-3',
    ]);
    expect(done.entry.summary).toBe(
      "Added 2 scenarios from a file: 'Permissions outage after wave 2', 'Permissions outage after wave 2'",
    );
    expect(undo(done.doc, meta).doc.wb.drills.scenarios).toHaveLength(1);
  });

  it('refuses a scenario with an inject past its end, naming where; nothing is added', () => {
    const bad = structuredClone(library);
    bad.injects[1].offsetSec = 7200;
    const cmd = parse({ type: 'drills.add-scenarios', from: 'x', scenarios: [library, bad] });
    expect(cmd.success).toBe(false);
    const issue = cmd.error!.issues[0]!;
    expect(issue.path).toEqual(['scenarios', 1, 'injects', 1, 'offsetSec']);
    expect(issue.message).toMatch(
      /^Inject 2 \("Access-denied rate crosses the stop condition"\) is at T\+7200s, after the scenario ends/,
    );
  });
});
