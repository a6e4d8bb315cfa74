import { EmptyArea } from '../../components/EmptyArea';
import type { Feature } from '../types';

function Screen() {
  return (
    <EmptyArea
      area="drills"
      plan="Rehearse the rollback before you need it: tabletop scenarios with timed injects."
      bullets={['A scenario library to copy and adapt', 'Corrective actions tracked until done']}
    />
  );
}

export const feature: Feature = { area: 'drills', Screen };
