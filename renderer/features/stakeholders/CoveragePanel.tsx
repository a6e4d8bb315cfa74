import { useId, useState } from 'react';
import { COVERAGE_LABEL, type CoverageGap, coverageGaps } from '../../../shared/areas/stakeholders/rules';
import type { CoverageRole } from '../../../shared/areas/stakeholders/schema';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';

// The coverage rule, as a to-do list: every major group missing a sponsor, a champion or a
// training/comms owner, by name, each gap with one field and one button to fill it. The names
// offered are the people of the map, the group's own first.

function AssignForm({ gap, role, listId }: { gap: CoverageGap; role: CoverageRole; listId: string }) {
  const [name, setName] = useState('');
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const { error, busy, run } = useCommand();
  const id = useId();
  const label = COVERAGE_LABEL[role];
  return (
    <form
      className="assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { type: 'stakeholders.assign', baseRevision: revision, groupId: gap.groupId, role, person: name },
          () => setName(''),
        );
      }}
    >
      <label htmlFor={id}>
        {label[0]!.toUpperCase() + label.slice(1)} for {gap.group}
      </label>
      <input
        id={id}
        list={listId}
        value={name}
        disabled={readOnly}
        data-testid={`assign-${role}-${gap.groupId}`}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="submit"
        className="btn"
        disabled={readOnly || busy || !name.trim()}
        data-testid={`assign-${role}-${gap.groupId}-go`}
      >
        Assign
      </button>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function CoveragePanel() {
  const groups = useAppStore((s) => s.session?.workbook?.stakeholders.groups ?? []);
  const people = useAppStore((s) => s.session?.workbook?.stakeholders.people ?? []);
  const listId = useId();
  const gaps = coverageGaps(groups);
  const major = groups.filter((g) => g.major).length;
  return (
    <section className="collection coverage" aria-labelledby={`${listId}-h`} data-testid="coverage">
      <h2 id={`${listId}-h`}>Coverage</h2>
      <p className="collection-intro">
        Every major group needs a sponsor, a champion and a training/comms owner.{' '}
        <strong data-testid="coverage-summary">
          {major === 0
            ? 'No major groups yet.'
            : gaps.length === 0
              ? `All ${major} major groups are covered.`
              : `${gaps.length} of ${major} major groups have gaps.`}
        </strong>
      </p>
      <datalist id={listId}>
        {people.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      {gaps.length > 0 ? (
        <ul className="gap-list" data-testid="coverage-gaps">
          {gaps.map((gap) => (
            <li key={gap.groupId} data-testid="coverage-gap" data-group={gap.groupId}>
              <p className="gap-name">
                <strong>{gap.group}</strong>: no {gap.missing.map((m) => COVERAGE_LABEL[m]).join(', no ')}
              </p>
              <div className="gap-forms">
                {gap.missing.map((role) => (
                  <AssignForm key={role} gap={gap} role={role} listId={listId} />
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
