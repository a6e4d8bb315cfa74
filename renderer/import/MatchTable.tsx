import { useId } from 'react';
import type { MatchChoice } from '../../shared/import/types';
import { newId } from '../components/collection/draft';
import type { RunView } from './protocol';
import type { ImportApi } from './use-import';

// Each series in the file becomes a metric: one that exists (picked, or matched by its name),
// a new one, or none (left out, and counted). A series nobody decided about is a bad row.

const NEW = '__new';
const SKIP = '__skip';

export function MatchTable({ api, run }: { api: ImportApi; run: RunView }) {
  const id = useId();
  const { kind, setMapping } = api;
  const spec = kind.match!;
  const mapping = api.flow.mapping!;
  const unhandled = run.matchValues.filter(
    (v) => v.choice === null && !mapping.matches.some((m) => m.value === v.value),
  );

  const choose = (value: string, choice: MatchChoice | null) =>
    setMapping((m) => ({
      ...m,
      matches: [...m.matches.filter((x) => x.value !== value), ...(choice ? [{ value, choice }] : [])],
    }));
  /** A new target's name; two series given the same new name share one target. */
  const created = (value: string, name: string, unit: string): MatchChoice => {
    const twin = mapping.matches.find(
      (x) =>
        x.value !== value &&
        x.choice.to === 'new' &&
        x.choice.name.trim().toLowerCase() === name.trim().toLowerCase(),
    );
    const mine = mapping.matches.find((x) => x.value === value)?.choice;
    const keep = mine?.to === 'new' ? mine.id : newId('m');
    return { to: 'new', id: twin?.choice.to === 'new' ? twin.choice.id : keep, name, unit };
  };
  const every = (make: (value: string) => MatchChoice) =>
    setMapping((m) => ({
      ...m,
      matches: [...m.matches, ...unhandled.map((v) => ({ value: v.value, choice: make(v.value) }))],
    }));

  return (
    <section className="match-table" aria-labelledby={`${id}-title`} data-testid="import-matches">
      <h3 id={`${id}-title`}>
        What each {spec.noun} becomes ({run.matchValues.length})
      </h3>
      {unhandled.length > 0 ? (
        <div className="toolbar">
          <p className="needs-choice">
            <span aria-hidden="true">▲ </span>
            {unhandled.length} {spec.noun} match{unhandled.length === 1 ? 'es' : ''} no {spec.target} by name.
          </p>
          {spec.canCreate ? (
            <button
              type="button"
              className="btn small"
              data-testid="import-create-all"
              onClick={() => every((v) => ({ to: 'new', id: newId('m'), name: v.slice(0, 120), unit: '' }))}
            >
              Create a {spec.target} for each
            </button>
          ) : null}
          <button
            type="button"
            className="btn small"
            data-testid="import-skip-all"
            onClick={() => every(() => ({ to: 'skip' }))}
          >
            Leave them all out
          </button>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="items">
          <thead>
            <tr>
              <th scope="col">{spec.noun[0]!.toUpperCase() + spec.noun.slice(1)} in the file</th>
              <th scope="col" className="num">
                Values
              </th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {run.matchValues.map((v, k) => {
              // The user's own choice shows at once; the worker's resolution follows it.
              const choice = mapping.matches.find((m) => m.value === v.value)?.choice ?? v.choice;
              const selected = !choice
                ? ''
                : choice.to === 'existing'
                  ? choice.id
                  : choice.to === 'new'
                    ? NEW
                    : SKIP;
              const field = `${id}-m-${k}`;
              return (
                <tr key={v.value} data-testid="import-match" data-series={v.value}>
                  <td className="wide">
                    <code>{v.value || '(empty)'}</code>
                  </td>
                  <td className="num">{v.count.toLocaleString()}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={field}>
                      What {v.value} becomes
                    </label>
                    <select
                      id={field}
                      data-testid="import-match-choice"
                      value={selected}
                      aria-invalid={choice ? undefined : true}
                      onChange={(e) => {
                        const to = e.target.value;
                        if (to === '') choose(v.value, null);
                        else if (to === SKIP) choose(v.value, { to: 'skip' });
                        else if (to === NEW) choose(v.value, created(v.value, v.value.slice(0, 120), ''));
                        else
                          choose(v.value, {
                            to: 'existing',
                            id: to,
                            name: run.targets.find((t) => t.id === to)?.name ?? '',
                          });
                      }}
                    >
                      <option value="">Choose…</option>
                      {run.targets.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                          {v.auto && choice?.to === 'existing' && choice.id === t.id ? ' (same name)' : ''}
                        </option>
                      ))}
                      {spec.canCreate ? <option value={NEW}>A new {spec.target}…</option> : null}
                      <option value={SKIP}>Leave it out</option>
                    </select>
                    {choice?.to === 'new' ? (
                      <span className="new-target">
                        <input
                          aria-label={`Name of the new ${spec.target} for ${v.value}`}
                          data-testid="import-new-name"
                          value={choice.name}
                          maxLength={120}
                          onChange={(e) => choose(v.value, created(v.value, e.target.value, choice.unit))}
                        />
                        {spec.unit === false ? null : (
                          <input
                            aria-label={`Unit of the new ${spec.target} for ${v.value}`}
                            className="unit"
                            placeholder="unit"
                            value={choice.unit}
                            maxLength={24}
                            onChange={(e) => choose(v.value, { ...choice, unit: e.target.value })}
                          />
                        )}
                      </span>
                    ) : null}
                    {!choice ? <span className="needs-choice small"> needs a choice</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
