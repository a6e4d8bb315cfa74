import type { Cell, Section } from '../../export/document';
import type { Workbook } from '../../schema/workbook';
import { displayName, licenseFlags, versionDrift } from '../architecture/inventory';
import { readiness } from '../architecture/readiness';
import { describeChanges, type SectionDiff } from './diff';
import { QUESTIONS } from './questionnaire';
import type { ReviewSummary } from './summary';

// The detail sections of the CAB packet (packet.ts puts them together): the risk behind its
// level, the calendar, the rollback plan, dependency changes, and any diff, as export blocks.

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A section diff as a table a reader can check line by line. */
export function diffBlocks(sections: SectionDiff[]): Section[] {
  return sections.map((s) => {
    const rows: Cell[][] = [];
    for (const item of s.items) {
      const fields = item.fields.length > 0 ? item.fields : [{ field: '', before: '', after: '' }];
      for (const f of fields)
        rows.push([item.kind, `${item.noun}: ${item.label}`, f.field, f.before, f.after]);
    }
    for (const f of s.fields) rows.push(['changed', s.title, f.field, f.before, f.after]);
    return {
      heading: `${s.title}: ${describeChanges(s)}`,
      blocks: [{ kind: 'table', columns: ['Change', 'Item', 'Field', 'Before', 'After'], rows }],
    };
  });
}

export function riskSection(wb: Workbook, summary: ReviewSummary): Section {
  const { risk } = summary;
  const answers = wb.cab.change.answers;
  return {
    heading: 'Risk and its reasons',
    blocks: [
      { kind: 'list', items: risk.reasons },
      {
        kind: 'table',
        caption: 'The questionnaire (an unanswered question counts at its riskiest)',
        columns: ['Question', 'Answer', 'Weight', 'Points'],
        rows: QUESTIONS.map((q) => {
          const a = answers[q.id];
          return [
            q.text,
            a === null ? 'not answered' : q.options[a]!,
            String(q.weight),
            String(q.weight * (a ?? 3)),
          ];
        }),
      },
    ],
  };
}

export function calendarSection(wb: Workbook, summary: ReviewSummary): Section {
  const { windows, planned } = wb.cab;
  return {
    heading: 'Implementation window and calendar',
    blocks: [
      {
        kind: 'table',
        caption: 'Conflicts, and the rule that found each',
        columns: ['Rule', 'What clashes'],
        rows: summary.conflicts.map((c) => [c.ruleLabel, c.message]),
      },
      {
        kind: 'table',
        caption: 'Maintenance windows and blackouts',
        columns: ['Kind', 'Label', 'From', 'To', 'Services'],
        rows: windows.map((w) => [
          w.kind,
          w.label,
          when(w.start),
          when(w.end),
          w.services.join(', ') || 'all',
        ]),
      },
      {
        kind: 'table',
        caption: 'Other planned changes',
        columns: ['Change', 'Service', 'Components', 'People', 'From', 'To'],
        rows: planned.map((p) => [
          p.ref ? `${p.title} (${p.ref})` : p.title,
          p.service,
          p.components.join(', '),
          p.people.join(', '),
          when(p.start),
          when(p.end),
        ]),
      },
    ],
  };
}

export function rollbackSection(wb: Workbook): Section {
  const steps = wb.architecture.rollback;
  const path = readiness(wb).paths.find((p) => p.key === 'rollback')!;
  const gaps = [...path.undocumented, ...path.unrehearsed];
  return {
    heading: 'Rollback plan',
    blocks:
      steps.length === 0
        ? [
            {
              kind: 'slot',
              label: 'Rollback plan',
              text: 'Not recorded yet: step 2 (Architecture) records how each part rolls back and when it was rehearsed.',
            },
          ]
        : [
            {
              kind: 'table',
              columns: ['What rolls back', 'Artifact', 'Data', 'Script', 'Rehearsed'],
              rows: steps.map((s) => [
                s.component,
                s.artifact,
                s.migration,
                s.script,
                s.rehearsedOn ? `${s.rehearsedOn}: ${s.rehearsal || 'no result'}` : 'never',
              ]),
            },
            gaps.length > 0
              ? { kind: 'list', items: gaps }
              : { kind: 'paragraph', text: 'Documented and rehearsed.', tone: 'ok' },
          ],
  };
}

export function dependencySection(wb: Workbook): Section {
  const inventories = wb.architecture.inventories;
  if (inventories.length === 0) {
    return {
      heading: 'Dependency changes',
      blocks: [
        {
          kind: 'slot',
          label: 'Dependencies',
          text: 'No SBOM imported yet: step 2 (Architecture) reads one per environment and compares them.',
        },
      ],
    };
  }
  const drift = versionDrift(wb);
  const licences = inventories.flatMap((inv) =>
    licenseFlags(inv.components).map((f) => [displayName(f.component), f.problem] as Cell[]),
  );
  return {
    heading: 'Dependency changes',
    blocks: [
      {
        kind: 'paragraph',
        text: `${inventories.length} inventor${inventories.length === 1 ? 'y' : 'ies'}: ${inventories.map((i) => `${i.fileName || i.format} (${i.components.length} components)`).join(', ')}.`,
      },
      {
        kind: 'table',
        caption: 'Components whose version differs between environments',
        columns: ['Component', 'Versions by environment'],
        rows: drift.map((d) => [
          d.name,
          d.envs.map((e) => `${e.environment}: ${e.versions.join(', ')}`).join('; '),
        ]),
      },
      {
        kind: 'table',
        caption: 'Licence expressions that could not be read',
        columns: ['Component', 'Problem'],
        rows: licences,
      },
    ],
  };
}
