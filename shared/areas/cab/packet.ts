import type { Identity } from '../../domain/identity';
import type { Block, Cell, ExportDocument, Fact, Section } from '../../export/document';
import type { Workbook } from '../../schema/workbook';
import {
  calendarSection,
  dependencySection,
  diffBlocks,
  riskSection,
  rollbackSection,
} from './packet-sections';
import { describeQuorum, QUORUM_LABEL, quorumStatus } from './quorum';
import { DECISION_LABEL } from './review-commands';
import { changedSinceApproval, names } from './review-status';
import { reviewSummary, type SummaryLine } from './summary';

// The CAB packet: everything a board member without the app needs to decide, as one export
// document (HTML, PDF and Markdown come from the export module). Built from the same summary
// the review page shows, plus the detail behind each line, and the decisions with their hashes.

export interface PacketContext {
  now: number;
  /** The plan's SHA-256 now. */
  currentHash: string;
  by: Identity | null;
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function summaryBlocks(lines: SummaryLine[]): Block[] {
  return lines.map(
    (l): Block =>
      l.value === null
        ? { kind: 'slot', label: l.label, text: l.pending ?? 'Not recorded yet.' }
        : {
            kind: 'facts',
            facts: [
              {
                label: l.label,
                value: l.value,
                detail: l.details,
                ...(l.tone ? { tone: l.tone } : {}),
              },
            ],
          },
  );
}

function decisionsSection(wb: Workbook, ctx: PacketContext): Section {
  const quorum = quorumStatus(wb.cab, ctx.currentHash);
  const rows: Cell[][] = wb.cab.decisions.map((d) => [
    `${d.reviewer}${d.role ? ` (${d.role})` : ''}`,
    DECISION_LABEL[d.decision],
    d.conditions,
    d.comment,
    when(d.at),
    { text: d.reviewedHash, mono: true },
    d.reviewedHash === ctx.currentHash
      ? { text: 'current plan', tone: 'ok' }
      : { text: 'earlier version: re-review', tone: 'warn' },
    d.signed ? { text: `signed, key ${d.signed.keyFingerprint}`, mono: true } : 'recorded here',
  ]);
  return {
    heading: 'Decisions',
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: 'Quorum rule', value: describeQuorum(wb.cab.quorum) },
          {
            label: 'Outcome',
            value: `${QUORUM_LABEL[quorum.state]}. ${quorum.reasons.join(' ')}`,
            tone: quorum.state === 'rejected' ? 'bad' : quorum.state === 'pending' ? 'warn' : 'ok',
          },
        ],
      },
      {
        kind: 'table',
        columns: [
          'Reviewer',
          'Decision',
          'Conditions',
          'Comment',
          'When',
          'Plan hash (SHA-256)',
          'Plan',
          'Source',
        ],
        rows,
      },
    ],
  };
}

export function cabPacket(wb: Workbook, ctx: PacketContext): ExportDocument {
  const summary = reviewSummary(wb, ctx.now);
  const quorum = quorumStatus(wb.cab, ctx.currentHash);
  const changed = changedSinceApproval(wb, ctx.currentHash);
  const provenance: Fact[] = [
    { label: 'Workbook', value: `${wb.name} (revision ${wb.revision})` },
    { label: 'Plan hash', value: ctx.currentHash, mono: true },
    {
      label: 'Made',
      value: `${when(new Date(ctx.now).toISOString())}${ctx.by ? ` by ${ctx.by.name} (${ctx.by.role})` : ''}, with Rollout War Room`,
    },
  ];
  const watermark =
    changed.length > 0
      ? 'CHANGED SINCE APPROVAL'
      : quorum.state === 'rejected'
        ? 'REJECTED'
        : quorum.state === 'pending'
          ? 'DRAFT'
          : undefined;
  const changedSections: Section[] = changed.map((c) => ({
    heading: `Changed since approval by ${names(c.approvals)}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `They approved the plan with hash ${c.hash}. Until they review it again, their approval does not count.`,
        tone: 'warn',
      },
    ],
    sections:
      c.sections === null
        ? [
            {
              heading: 'What changed',
              blocks: [
                {
                  kind: 'paragraph',
                  text: 'That version of the plan is no longer kept, so the changes cannot be listed; compare with the copy that was sent instead.',
                },
              ],
            },
          ]
        : diffBlocks(c.sections),
  }));
  return {
    title: `CAB packet: ${summary.title}`,
    subtitle: `A ${wb.cab.change.type} change, ${summary.risk.level} risk. ${QUORUM_LABEL[quorum.state]}.`,
    ...(watermark ? { watermark } : {}),
    provenance,
    sections: [
      { heading: 'Summary', blocks: summaryBlocks(summary.lines) },
      ...changedSections,
      riskSection(wb, summary),
      calendarSection(wb, summary),
      {
        heading: 'Stop conditions',
        blocks: [
          summary.lines.find((l) => l.key === 'stops')!.details.length > 0
            ? { kind: 'list', items: summary.lines.find((l) => l.key === 'stops')!.details }
            : {
                kind: 'slot',
                label: 'Stop conditions',
                text: 'None yet: step 1 says when to pause, roll back or escalate.',
              },
        ],
      },
      rollbackSection(wb),
      dependencySection(wb),
      {
        heading: 'Go / no-go scorecard',
        blocks: summary.verdict
          ? [
              {
                kind: 'paragraph',
                text: `${summary.verdict.call} for ${summary.wave?.name}. ${summary.verdict.reasons.join(' ')}`,
                tone: summary.verdict.call === 'GO' ? 'ok' : summary.verdict.call === 'HOLD' ? 'warn' : 'bad',
              },
              {
                kind: 'table',
                columns: ['Check', 'Status', 'Why'],
                rows: summary.verdict.items.map((i) => [i.item.label, i.status, i.summary]),
              },
            ]
          : [
              {
                kind: 'slot',
                label: 'Scorecard',
                text: 'No waves yet: the scorecard speaks for a wave (step 5).',
              },
            ],
      },
      decisionsSection(wb, ctx),
      {
        heading: 'About the plan hash',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Each decision keeps the SHA-256 of the plan its reviewer saw: the workbook as RFC 8785 canonical JSON, without its audit log, save details (revision, times), the CAB decisions, quorum and kept versions, and what the rollout records as it runs (readings, imports, deployments, wave states and moves, scorecard assessments and polls, incidents). Any change to the plan changes the hash.',
          },
        ],
      },
    ],
  };
}
