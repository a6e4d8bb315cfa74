import { useId, useMemo } from 'react';
import { formatBytes } from '../../shared/domain/format';
import { DELIMITER_LABEL, DELIMITERS, type Delimiter } from '../../shared/import/csv';
import { type FieldDef, type FieldSource, LAYOUTS, type Layout } from '../../shared/import/types';
import { knownZones } from '../../shared/import/zones';
import { MatchTable } from './MatchTable';
import { RunSummary } from './RunSummary';
import { type ImportApi, ready } from './use-import';

// The mapping step: how the file was read (encoding, delimiter), how it is laid out, which
// column holds what, the zone of times without an offset, and what each series becomes. Every
// change is run over every row at once (in the worker), and the counts below say what it gives.

const LAYOUT_TEXT: Record<Layout, { label: string; hint: string }> = {
  long: { label: 'Long', hint: 'one row per value: a series column, a time column and a value column' },
  wide: { label: 'Wide', hint: 'a time column, then one column per series' },
  table: { label: 'Table', hint: 'any columns: pick the one that holds each field' },
};

const FIXED = 'fixed';

export function MappingStep({ api }: { api: ImportApi }) {
  const id = useId();
  const { flow, kind, setMapping } = api;
  const zones = useMemo(() => knownZones(), []);
  const facts = flow.facts!;
  const mapping = flow.mapping!;
  const run = flow.run;
  const columns = facts.header.map((h, c) => ({ value: String(c), label: `${c + 1}: ${h || '(no name)'}` }));
  const pivot = mapping.layout === 'wide' && kind.wide ? [kind.wide.name, kind.wide.value] : [];
  const fields = kind.fields.filter((f) => !pivot.includes(f.key));
  const setField = (key: string, source: FieldSource | null) =>
    setMapping((m) => ({ ...m, fields: { ...m.fields, [key]: source } }));

  const sourceOf = (field: FieldDef) => {
    const s = mapping.fields[field.key];
    return !s ? '' : 'column' in s ? String(s.column) : FIXED;
  };

  return (
    <div className="import-map" data-testid="import-map">
      {flow.remembered ? (
        <p className="note" data-testid="import-remembered">
          This export was imported before; its mapping is filled in as it was then. Some rows need a choice
          before it can be imported again.
        </p>
      ) : null}
      <dl className="file-facts" data-testid="import-facts">
        <div>
          <dt>File</dt>
          <dd>
            {facts.name} ({formatBytes(facts.bytes)})
          </dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd data-testid="import-encoding">UTF-8{facts.bom ? ' with a byte-order mark' : ''}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{facts.rows.toLocaleString()} after the header</dd>
        </div>
        <div>
          <dt>
            <label htmlFor={`${id}-delimiter`}>Columns separated by</label>
          </dt>
          <dd>
            <select
              id={`${id}-delimiter`}
              data-testid="import-delimiter"
              value={facts.delimiter}
              onChange={(e) => api.setDelimiter(e.target.value as Delimiter)}
            >
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_LABEL[d]}
                </option>
              ))}
            </select>
          </dd>
        </div>
      </dl>

      <fieldset className="layout-choice">
        <legend>How the file is laid out</legend>
        {LAYOUTS.filter((l) => kind.layouts.includes(l)).map((layout) => (
          <label key={layout} className="radio">
            <input
              type="radio"
              name={`${id}-layout`}
              value={layout}
              data-testid={`import-layout-${layout}`}
              checked={mapping.layout === layout}
              onChange={() => setMapping((m) => ({ ...m, layout }))}
            />
            <span>
              <strong>{LAYOUT_TEXT[layout].label}</strong>: {LAYOUT_TEXT[layout].hint}
            </span>
          </label>
        ))}
      </fieldset>

      <div className="form-grid import-fields">
        {fields.map((field) => (
          <div className="field span-md" key={field.key}>
            <label htmlFor={`${id}-f-${field.key}`}>
              {field.label} {field.required ? <span className="muted small">(required)</span> : null}
            </label>
            <select
              id={`${id}-f-${field.key}`}
              data-testid={`import-field-${field.key}`}
              value={sourceOf(field)}
              onChange={(e) => {
                const v = e.target.value;
                setField(field.key, v === '' ? null : v === FIXED ? { fixed: '' } : { column: Number(v) });
              }}
            >
              <option value="">{field.required ? 'Choose a column…' : '(not in the file)'}</option>
              {columns.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
              {mapping.layout === 'table' && field.type !== 'time' ? (
                <option value={FIXED}>The same text on every row…</option>
              ) : null}
            </select>
            {sourceOf(field) === FIXED ? (
              <input
                aria-label={`${field.label} for every row`}
                data-testid={`import-fixed-${field.key}`}
                value={(mapping.fields[field.key] as { fixed: string }).fixed}
                onChange={(e) => setField(field.key, { fixed: e.target.value })}
              />
            ) : null}
          </div>
        ))}
        <div className="field span-md">
          <label htmlFor={`${id}-zone`}>Zone of times without an offset</label>
          <select
            id={`${id}-zone`}
            data-testid="import-zone"
            value={mapping.zone}
            onChange={(e) => setMapping((m) => ({ ...m, zone: e.target.value }))}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        {run?.options.map((option) => (
          <div className="field span-lg" key={option.key}>
            <label htmlFor={`${id}-o-${option.key}`}>{option.label}</label>
            <select
              id={`${id}-o-${option.key}`}
              data-testid={`import-option-${option.key}`}
              value={mapping.options[option.key] ?? ''}
              onChange={(e) =>
                setMapping((m) => ({ ...m, options: { ...m.options, [option.key]: e.target.value } }))
              }
            >
              {option.values.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
              {/* A remembered choice from another workbook: shown for what it is, to be changed. */}
              {mapping.options[option.key] &&
              !option.values.some((v) => v.value === mapping.options[option.key]) ? (
                <option value={mapping.options[option.key]}>(remembered, not in this workbook)</option>
              ) : null}
            </select>
          </div>
        ))}
        <div className="field span-md">
          <label htmlFor={`${id}-source`}>Remember this export as</label>
          <input
            id={`${id}-source`}
            data-testid="import-source"
            value={mapping.source}
            maxLength={200}
            placeholder="e.g. Grafana: sales-api errors"
            onChange={(e) => setMapping((m) => ({ ...m, source: e.target.value }))}
          />
        </div>
      </div>

      {mapping.layout === 'wide' ? (
        <fieldset className="wide-columns">
          <legend>Columns that each hold one {kind.match?.noun ?? 'series'}</legend>
          {facts.header.map((h, c) =>
            mapping.fields.time &&
            'column' in mapping.fields.time &&
            mapping.fields.time.column === c ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; two may share a name
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={mapping.wideColumns.includes(c)}
                  onChange={(e) =>
                    setMapping((m) => ({
                      ...m,
                      wideColumns: e.target.checked
                        ? [...m.wideColumns, c].sort((a, b) => a - b)
                        : m.wideColumns.filter((x) => x !== c),
                    }))
                  }
                />
                {h || `column ${c + 1}`}
              </label>
            ),
          )}
        </fieldset>
      ) : null}

      <label className="check repeats">
        <input
          type="checkbox"
          data-testid="import-repeats"
          checked={mapping.repeats === 'keep-first'}
          onChange={(e) => setMapping((m) => ({ ...m, repeats: e.target.checked ? 'keep-first' : 'refuse' }))}
        />
        When the file gives the same {kind.match?.noun ?? 'record'} at the same time twice, keep the first and
        leave the rest out (they are counted). Otherwise each repeat is a bad row.
      </label>

      {run && kind.match && run.matchValues.length > 0 ? <MatchTable api={api} run={run} /> : null}

      <div className="import-footer">
        {flow.message ? (
          <p className="form-error" role="alert">
            {flow.message}
          </p>
        ) : null}
        <RunSummary api={api} />
        <div className="form-actions">
          <button
            type="button"
            className="btn primary"
            data-testid="import-to-preview"
            disabled={!run || run.problems.length > 0 || flow.checking}
            onClick={api.toPreview}
          >
            {ready(run) ? 'Preview the import' : 'Preview and see the bad rows'}
          </button>
        </div>
      </div>
    </div>
  );
}
