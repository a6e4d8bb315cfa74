import type { SectionId } from '../store/app-store';

// The sidebar follows the checklist's order, so the app reads like the process it supports.

export interface SectionInfo {
  id: Exclude<SectionId, 'workbook'>;
  label: string;
  /** Checklist step, when the section is one of the seven steps. */
  step?: number;
  title: string;
  /** What this section will hold, for its empty state until it is built. */
  plan: string;
  bullets: string[];
}

export const SECTIONS: SectionInfo[] = [
  {
    id: 'success',
    label: 'Success',
    step: 1,
    title: 'Success & stop conditions',
    plan: 'What a good rollout looks like, which risks are off the table, and who may call a halt.',
    bullets: [],
  },
  {
    id: 'architecture',
    label: 'Architecture',
    step: 2,
    title: 'Rollout architecture',
    plan: 'How exposure grows safely, and how you get back if it does not.',
    bullets: [
      'Environments and a parity checklist between staging and production',
      'Delivery strategy: feature flags, canary segments or rings',
      'Waves with audience share, segment, hold time, health signals and promotion rule',
      'Rollback plan: versioned artifacts, reversible migrations, date of the last rehearsal',
      'Blast radius and a dependency inventory imported from SBOM files',
    ],
  },
  {
    id: 'stakeholders',
    label: 'Stakeholders',
    step: 3,
    title: 'Stakeholders & change network',
    plan: 'Who has to work differently, who backs the change, and who helps people through it.',
    bullets: [
      'Coverage check: every major group needs a sponsor, a champion and a comms owner',
      'Power / interest map of recipients, sponsors and influencers',
      'ADKAR scores per group, with scores of 3 or less flagged as barriers',
      'A resistance log and a communication plan tailored to each role',
    ],
  },
  {
    id: 'pilot',
    label: 'Pilot',
    step: 4,
    title: 'Pilot',
    plan: 'A controlled slice of reality before wider exposure.',
    bullets: [
      'Pilot groups mixing novices and experts, regions and awkward edge-case workflows',
      'A warning when a pilot is made only of friendly users',
      'Feedback sorted into usability friction, training gaps, integration issues and policy conflicts',
      'Pilot KPIs — task time, error rate, support requests, sentiment — against their targets',
    ],
  },
  {
    id: 'signals',
    label: 'Waves & Signals',
    step: 5,
    title: 'Waves & signals',
    plan: 'Promotion decided by evidence rather than optimism.',
    bullets: [
      'Readings per metric for each wave, typed in or imported from CSV',
      'The four DORA keys worked out from deployment and incident records',
      'User signals: sign-in success, key-task success, latency, abandonment',
      'A promote / hold / roll back verdict per wave, with the reason spelled out: observed value, threshold, window, source and who judged',
    ],
  },
  {
    id: 'runbooks',
    label: 'Runbooks & Drills',
    step: 6,
    title: 'Runbooks, incidents & drills',
    plan: 'Rehearsed responses, so nobody improvises the core steps on the day.',
    bullets: [
      'Runbooks for detection, triage, escalation, rollback, comms and recovery checks, with owners and timeboxes',
      'Timers kept by the host, and an incident timeline in time order',
      'Tabletop scenarios with timed injects, including your own',
      'Comms templates filled from this workbook, and an after-action report with an improvement plan',
    ],
  },
  {
    id: 'adoption',
    label: 'Adoption',
    step: 7,
    title: 'Adoption & optimization',
    plan: 'Whether people actually moved over, and what is holding the rest back.',
    bullets: [
      'Adoption cohorts by function, location and manager line over time',
      'Groups that fall behind, flagged for targeted training',
      'Friction points ranked by how much they cost',
      '“What changed because of your feedback” updates',
    ],
  },
  {
    id: 'scorecard',
    label: 'Scorecard',
    title: 'Go / no-go scorecard',
    plan: 'The seven readiness checks before each wave, and the verdict they add up to.',
    bullets: [
      'Each check green, amber or red, with evidence, an owner, and who changed it and why',
      'Two or more checks not green means NO-GO',
      'Any breached stop condition means NO-GO',
      'A projector view the back of the room can read',
    ],
  },
  {
    id: 'cab',
    label: 'CAB',
    title: 'Change advisory board',
    plan: 'The governance record for this change.',
    bullets: [
      'Change type: standard, normal or emergency',
      'A risk questionnaire that sets the risk level',
      'Blackout windows and any clashes with the plan',
      'Each reviewer’s decision and comment, tied to the exact revision they approved',
    ],
  },
];

export function sectionInfo(id: SectionId): SectionInfo | undefined {
  return SECTIONS.find((s) => s.id === id);
}
