import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

// Not built yet: the empty state says what this area will hold.

function Screen() {
  return (
    <EmptyArea
      area="runbooks"
      plan="Rehearsed responses, so nobody improvises the core steps on the day."
      bullets={[
        'Runbooks for detection, triage, escalation, rollback, comms and recovery checks, with owners and timeboxes',
        'Timers kept by the host, and an incident timeline in time order',
        'Tabletop scenarios with timed injects, including your own',
        'Comms templates filled from this workbook, and an after-action report with an improvement plan',
      ]}
    />
  );
}

export const feature: Feature = { area: 'runbooks', Screen };
