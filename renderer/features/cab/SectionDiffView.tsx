import { useState } from 'react';
import { describeChanges, type ItemChange, type SectionDiff } from '../../../shared/areas/cab/diff';

// A section-by-section diff a reviewer can read: each section with its counts, and under it each
// item added, removed or changed with the fields and their old and new values. Long sections
// show their first items and say how many more there are, with a way to see them all.

const KIND: Record<ItemChange['kind'], { word: string; icon: string }> = {
  added: { word: 'Added', icon: '+' },
  removed: { word: 'Removed', icon: '−' },
  changed: { word: 'Changed', icon: '~' },
};

const SHOWN = 8;

function ItemView({ item }: { item: ItemChange }) {
  const kind = KIND[item.kind];
  return (
    <li className={`diff-item diff-${item.kind}`} data-testid="diff-item" data-kind={item.kind}>
      <span className="diff-kind">
        <span aria-hidden="true">{kind.icon} </span>
        {kind.word}
      </span>{' '}
      {item.noun} <strong>{item.label}</strong>
      {item.fields.length > 0 ? (
        <ul className="diff-fields">
          {item.fields.map((f) => (
            <li key={f.field}>
              <span className="diff-field">{f.field}</span>:{' '}
              {item.kind === 'added' ? (
                <ins>{f.after}</ins>
              ) : item.kind === 'removed' ? (
                <del>{f.before}</del>
              ) : (
                <>
                  <del>{f.before}</del> → <ins>{f.after}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

type Heading = 'h3' | 'h4' | 'p';

function SectionView({ section, heading: H }: { section: SectionDiff; heading: Heading }) {
  const [all, setAll] = useState(false);
  const items = all ? section.items : section.items.slice(0, SHOWN);
  const more = section.items.length - items.length;
  return (
    <section className="diff-section" data-testid="diff-section" data-section={section.section}>
      <H className="diff-title">
        {section.title} <span className="muted">— {describeChanges(section)}</span>
      </H>
      <ul className="diff-items">
        {items.map((item) => (
          <ItemView key={`${item.kind}-${item.noun}-${item.id}`} item={item} />
        ))}
        {section.fields.map((f) => (
          <li
            key={`field-${f.field}`}
            className="diff-item diff-changed"
            data-testid="diff-item"
            data-kind="changed"
          >
            <span className="diff-kind">
              <span aria-hidden="true">~ </span>Changed
            </span>{' '}
            <span className="diff-field">{f.field}</span>: <del>{f.before}</del> → <ins>{f.after}</ins>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <button type="button" className="btn small" onClick={() => setAll(true)}>
          Show {more} more
        </button>
      ) : null}
    </section>
  );
}

interface Props {
  sections: SectionDiff[];
  testid: string;
  /** The level of each section's title where the view sits; 'p' where headings would not fit (a banner). */
  heading?: Heading;
}

export function SectionDiffView({ sections, testid, heading = 'h4' }: Props) {
  if (sections.length === 0) {
    return (
      <p className="muted" data-testid={testid}>
        No differences.
      </p>
    );
  }
  return (
    <div className="diff" data-testid={testid}>
      {sections.map((s) => (
        <SectionView key={s.section} section={s} heading={heading} />
      ))}
    </div>
  );
}
