import type { Command } from '../../shared/domain/commands';
import type { Identity } from '../../shared/domain/identity';

// What every chapter of the sample's story shares: its clock and its people. A chapter is a file
// exporting the steps it adds (see story-dora.ts); story.ts lists the chapters.

/** Times in the story are relative to END; the host moves the whole story to "now" on first copy. */
export const END = Date.parse('2026-11-20T14:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export interface Step {
  at: number;
  who: Identity;
  command: Command;
}

export const amara = { name: 'Amara Okafor', role: 'Rollout owner' };
export const dmitri = { name: 'Dmitri Halloran', role: 'Incident commander' };
export const jun = { name: 'Jun Park', role: 'Platform SRE' };
export const priya = { name: 'Priya Raman', role: 'VP Sales Ops' };
export const tomas = { name: 'Tomás Ekwueme', role: 'Sales enablement' };

/** A chapter's steps, written as `at(offset from END, who, command)` calls. */
export function chapter(
  write: (at: (offset: number, who: Identity, command: Command) => void) => void,
): Step[] {
  const steps: Step[] = [];
  write((offset, who, command) => steps.push({ at: END + offset, who, command }));
  return steps;
}
