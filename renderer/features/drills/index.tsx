import { CollectionEditor } from '../../components/collection/CollectionEditor';
import type { Feature } from '../types';
import { correctiveActionsConfig } from './corrective-actions';
import { ExerciseMark } from './DrillClock';
import { DrillRuns } from './DrillRuns';
import { RunReviews } from './RunReviews';
import { ScenarioLibrary } from './ScenarioLibrary';
import './drills.css';

// Checklist step 6, "exercise the plan": the scenario library and the improvement plan. Running
// a drill (its clock in the host, fired injects on every window, the log, scoring and the
// after-action report) comes with the runbook timers and the incident timeline it builds on.

function Screen() {
  return (
    <div className="section-page" data-testid="section-drills">
      <header className="section-header">
        <p className="eyebrow">Step 6</p>
        <h1>Tabletop drills</h1>
        <p className="lead">
          Rehearse the bad day before it comes: scripted injects on a clock, what the room should do by when,
          and what has to change afterwards.
        </p>
      </header>
      <ExerciseMark />
      <DrillRuns />
      <ScenarioLibrary />
      <RunReviews />
      <CollectionEditor config={correctiveActionsConfig} />
    </div>
  );
}

export const feature: Feature = { area: 'drills', Screen };
