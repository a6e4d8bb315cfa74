import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Wave } from '../../shared/areas/waves/schema';
import type { Command } from '../../shared/domain/commands';
import { decodeCsv, type ParsedCsv, parseCsv, sniffDelimiter } from '../../shared/import/csv';
import { readingsKind } from '../../shared/import/kinds/readings';
import { guessMapping } from '../../shared/import/layout';
import { runImport } from '../../shared/import/run';
import type { CommandMeta, ImportKind, Mapping } from '../../shared/import/types';
import { chapter, DAY, END, HOUR, jun, MIN } from './cast';
import START from './start.json';

// The Sales API's latency, read off Grafana: Jun exported the panel for wave 2's three hours
// (grafana-sales-api-latency.csv, comma-separated, quoted, wall-clock times in Europe/London)
// and imported it through the same flow a user has, into the latency metric the plan has watched
// since before the CAB (a metric is part of the plan the board approved; readings are not). The file
// goes through the app's own parser and checks here; the command it gives is replayed through
// the real reducer like every other step, which checks it again. The mapping itself is
// remembered in the app's settings, never in the workbook, so the sample needs none.

const FILE = 'grafana-sales-api-latency.csv';

/** Added to the plan two weeks out, with the other metrics wave 2 watches. */
const LATENCY = {
  id: 'm-api-p95',
  name: 'Sales API p95 latency',
  unit: 'ms',
  kind: 'service' as const,
  source: 'Grafana: sales-api latency',
  staleAfterMinutes: 60,
  guardrailId: '',
};
const IMPORTED_AT = -2 * MIN;

/**
 * A file through the app's own import flow, as a user would bring it in: it must import cleanly
 * (no missing choice, no bad row), and gives the one command the dialog would send.
 */
export function cleanImport<S, C, I>(
  kind: ImportKind<S, C, I>,
  csv: ParsedCsv,
  mapping: Mapping,
  ctx: C,
  meta: CommandMeta,
): Command {
  const run = runImport(kind as unknown as ImportKind<unknown, C, I>, csv, mapping, ctx);
  if (run.problems.length > 0 || run.bad.length > 0) {
    throw new Error(
      `${meta.fileName} does not import cleanly: ${[...run.problems, ...run.bad.map((b) => `row ${b.row}: ${b.reason}`)].join('; ')}`,
    );
  }
  return kind.command(run.items, mapping, meta) as Command;
}

function latencyImport(): Command {
  const decoded = decodeCsv(readFileSync(join(import.meta.dirname, FILE)), FILE);
  if (!decoded.ok) throw new Error(decoded.message);
  const delimiter = sniffDelimiter(decoded.text);
  const csv = parseCsv(decoded.text, delimiter);
  // Wave 2 as the story has it by then: live for the last three hours.
  const wave2 = START.waves.waves.find((w) => w.id === 'wave-2') as Wave;
  const live: Wave = { ...wave2, state: 'live', startedAt: new Date(END - 3 * HOUR).toISOString() };
  const ctx = readingsKind.context(
    { waves: [live], metrics: [...START.waves.metrics, LATENCY] as never, readings: [] },
    END + IMPORTED_AT,
  );
  const mapping: Mapping = {
    ...guessMapping(readingsKind, csv.header, csv.rows, delimiter, 'Europe/London'),
    source: 'Grafana: sales-api latency',
    matches: [
      {
        value: 'Sales API p95 latency',
        choice: { to: 'existing', id: LATENCY.id, name: LATENCY.name },
      },
    ],
  };
  return cleanImport(readingsKind, csv, mapping, ctx, {
    id: 'imp-grafana-latency',
    fileName: FILE,
  });
}

export const IMPORTS_CHAPTER = chapter((at) => {
  at(-14 * DAY, jun, { type: 'item.add', collection: 'waves.metrics', item: LATENCY });
  at(IMPORTED_AT, jun, latencyImport());
});
