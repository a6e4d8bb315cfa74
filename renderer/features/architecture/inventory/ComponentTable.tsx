import { type ReactNode, useId, useState } from 'react';
import { displayName } from '../../../../shared/areas/architecture/inventory';
import { licenseProblem } from '../../../../shared/areas/architecture/sbom/identity';
import type { Component } from '../../../../shared/areas/architecture/schema';

// Every component of an inventory (or of a file about to be imported), with a filter: a large
// SBOM has a thousand rows, so only the first ROWS that match are drawn at once.

const ROWS = 200;

export function ComponentTable({ components, testid }: { components: readonly Component[]; testid: string }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? components
        .map((c, i) => ({ c, i }))
        .filter(({ c }) =>
          [displayName(c), c.version, c.license, c.licenseName, c.purl].some((v) =>
            v?.toLowerCase().includes(needle),
          ),
        )
    : components.map((c, i) => ({ c, i }));
  const shown = matching.slice(0, ROWS);
  return (
    <div className="component-table" data-testid={testid}>
      <div className="field filter">
        <label htmlFor={`${id}-filter`}>Filter by name, version, license or package URL</label>
        <input
          id={`${id}-filter`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          autoComplete="off"
          data-testid={`${testid}-filter`}
        />
      </div>
      <p className="muted small" aria-live="polite">
        {matching.length === components.length
          ? `${components.length.toLocaleString('en')} components`
          : `${matching.length.toLocaleString('en')} of ${components.length.toLocaleString('en')} components match`}
        {matching.length > ROWS ? `; the first ${ROWS} are shown` : ''}.
      </p>
      <div className="table-wrap">
        <table className="items components">
          <caption className="visually-hidden">Components</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Version</th>
              <th scope="col">License</th>
              <th scope="col">Type</th>
              <th scope="col">Inside</th>
              <th scope="col">Package URL</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ c, i }) => {
              const problem = c.license ? licenseProblem(c.license) : null;
              const parent = c.parent === undefined ? undefined : components[c.parent];
              return (
                <tr key={i} data-testid={`${testid}-row`}>
                  <th scope="row" className="strong">
                    {displayName(c)}
                  </th>
                  <td className="nowrap">{c.version ?? <span className="muted">none</span>}</td>
                  <td>
                    {c.license ?? null}
                    {c.license && c.licenseName ? '; ' : null}
                    {c.licenseName ? <span className="muted">{c.licenseName} (not SPDX)</span> : null}
                    {!c.license && !c.licenseName ? <span className="muted">none declared</span> : null}
                    {problem ? (
                      <span className="tag tag-warn" title={problem}>
                        cannot be parsed
                      </span>
                    ) : null}
                  </td>
                  <td>{[c.type, c.scope].filter(Boolean).join(', ') || <span className="muted">—</span>}</td>
                  <td>{parent ? displayName(parent) : <span className="muted">—</span>}</td>
                  <td className="purl">{c.purl ?? <span className="muted">none</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A closed <details> whose content is drawn only once opened: a closed list of a thousand
 * components should cost nothing on every change to the workbook.
 */
export function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}
