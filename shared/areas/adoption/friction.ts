import type { Friction } from './schema';

// Friction points ranked by what they cost: people affected × minutes each loses a week. A
// resolved one drops out of the ranking but stays in the list, so the record of it is kept.

export interface RankedFriction {
  friction: Friction;
  /** Hours lost across everyone affected, each week. */
  hoursPerWeek: number;
}

export function rankFrictions(frictions: readonly Friction[]): RankedFriction[] {
  return frictions
    .filter((f) => f.status !== 'resolved')
    .map((friction) => ({ friction, hoursPerWeek: (friction.usersAffected * friction.minutesLost) / 60 }))
    .sort(
      (a, b) =>
        b.hoursPerWeek - a.hoursPerWeek ||
        b.friction.usersAffected - a.friction.usersAffected ||
        a.friction.title.localeCompare(b.friction.title),
    );
}
