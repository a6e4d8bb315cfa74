import type { Block, Cell, ExportDocument, Fact, Section } from '../../shared/export/document';

// The export document as static markup. Rendered with renderToStaticMarkup only (never mounted
// in the app), so every workbook string is a React text child: escaped by construction, never
// markup. Class names only; the style sheet is export-styles.ts.

function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
        <div key={i}>
          <dt>{f.label}</dt>
          <dd>
            <span
              className={
                [f.mono ? 'mono' : '', f.tone ? `tone-${f.tone}` : ''].filter(Boolean).join(' ') || undefined
              }
            >
              {f.value}
            </span>
            {f.detail && f.detail.length > 0 ? (
              <ul>
                {f.detail.map((d, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
                  <li key={j}>{d}</li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function CellView({ cell }: { cell: Cell }) {
  if (typeof cell === 'string') return <td>{cell}</td>;
  const cls = [cell.mono ? 'mono' : '', cell.tone ? `tone-${cell.tone}` : ''].filter(Boolean).join(' ');
  return <td className={cls || undefined}>{cell.text}</td>;
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className={block.tone ? `tone-${block.tone}` : undefined}>{block.text}</p>;
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
        <li key={i}>{item}</li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'facts':
      return <FactList facts={block.facts} />;
    case 'table':
      if (block.rows.length === 0) return <p className="tone-muted">(none)</p>;
      return (
        <table>
          {block.caption ? <caption>{block.caption}</caption> : null}
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
              <tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
                  <CellView key={c} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'slot':
      return (
        <div className="slot">
          <strong>{block.label}:</strong> {block.text}
        </div>
      );
  }
}

function SectionView({ section, depth }: { section: Section; depth: number }) {
  const Heading = (['h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(depth, 4)]!;
  return (
    <section>
      <Heading>{section.heading}</Heading>
      {section.blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
        <BlockView key={i} block={b} />
      ))}
      {(section.sections ?? []).map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
        <SectionView key={i} section={s} depth={depth + 1} />
      ))}
    </section>
  );
}

export function ExportBody({ doc }: { doc: ExportDocument }) {
  return (
    <>
      {doc.watermark ? (
        <div className="watermark" aria-hidden="true">
          {doc.watermark}
        </div>
      ) : null}
      <header>
        <h1>{doc.title}</h1>
        {doc.watermark ? <p className="status">{doc.watermark}</p> : null}
        {doc.subtitle ? <p className="subtitle">{doc.subtitle}</p> : null}
        <FactList facts={doc.provenance} />
      </header>
      <main>
        {doc.sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a static rendering, never reordered
          <SectionView key={i} section={s} depth={0} />
        ))}
      </main>
    </>
  );
}
