// Must stay first: Zod must not try `new Function` under the CSP, in here as in the page.
import '../zod-jitless';
import type { Command } from '../../shared/domain/commands';
import { formatBytes } from '../../shared/domain/format';
import { packed } from '../../shared/domain/wire-pack';
import { decodeCsv, MAX_CSV_BYTES, type ParsedCsv, parseCsv, sniffDelimiter } from '../../shared/import/csv';
import { type ImportKindId, importKind } from '../../shared/import/kinds';
import { guessMapping } from '../../shared/import/layout';
import { runImport } from '../../shared/import/run';
import type { ImportKind, Mapping } from '../../shared/import/types';
import type { FromWorker, ToWorker } from './protocol';

// The import's parsing worker (a Vite module worker, allowed by the CSP's worker-src 'self'):
// reads the picked file, refuses what is not UTF-8 CSV, parses it with progress, and runs the
// mapping over every row each time the user changes it. Cancel terminates it: nothing it held
// ever reached the host.

declare const self: {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
};

let kind: ImportKind | null = null;
let text = '';
let name = '';
let bytes = 0;
let bom = false;
let csv: ParsedCsv | null = null;
let ctx: unknown = null;
/** The items of the last mapping run, kept for the confirm, which names the last mapping run. */
let last: { seq: number; items: unknown[] } | null = null;

const post = (message: FromWorker) => self.postMessage(message);

/** Reads the file in chunks so the page can show how far it got. */
async function readAll(file: File): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    if (at - told > 1024 * 1024) {
      told = at;
      post({ type: 'progress', phase: 'reading', done: at / Math.max(1, file.size) });
    }
  }
  return out.subarray(0, at);
}

function parse(delimiter: Parameters<typeof parseCsv>[1], zone: string): void {
  let told = 0;
  csv = parseCsv(text, delimiter, (done) => {
    if (done - told >= 0.02) {
      told = done;
      post({ type: 'progress', phase: 'parsing', done });
    }
  });
  if (csv.header.length < 2 && csv.rows.length === 0) {
    post({ type: 'refused', message: `${name} has no rows to import, only one line.` });
    return;
  }
  post({
    type: 'opened',
    facts: {
      name,
      bytes,
      bom,
      delimiter,
      header: csv.header,
      rows: csv.rows.length,
      sample: csv.rows.slice(0, 5),
      guess: guessMapping(kind!, csv.header, csv.rows, delimiter, zone),
    },
  });
}

let zone = 'UTC';

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'open': {
      kind = importKind(msg.kind as ImportKindId);
      name = msg.file.name;
      zone = msg.zone;
      if (msg.file.size > MAX_CSV_BYTES) {
        post({
          type: 'refused',
          message: `${name} is ${formatBytes(msg.file.size)}; an import reads at most ${formatBytes(MAX_CSV_BYTES)}. Export a shorter time range, or split the file.`,
        });
        return;
      }
      const raw = await readAll(msg.file);
      bytes = raw.length;
      const decoded = decodeCsv(raw, name);
      if (!decoded.ok) return post({ type: 'refused', message: decoded.message });
      text = decoded.text;
      bom = decoded.bom;
      return parse(sniffDelimiter(text), zone);
    }
    case 'delimiter':
      last = null;
      return parse(msg.delimiter, zone);
    case 'context':
      ctx = kind ? kind.context(msg.slice, msg.now) : null;
      last = null;
      return;
    case 'apply': {
      if (!kind || !csv || ctx === null) return;
      const { items, ...run } = runImport(kind, csv, msg.mapping, ctx);
      last = { seq: msg.seq, items };
      post({
        type: 'applied',
        seq: msg.seq,
        run: {
          ...run,
          options: [...(kind.options?.(ctx) ?? [])],
          targets: kind.match ? kind.match.options(ctx).map((o) => ({ id: o.id, name: o.name })) : [],
        },
      });
      return;
    }
    case 'command': {
      if (!kind || !csv || ctx === null) return;
      // The page confirms the mapping it last saw run; anything else is run again first.
      let items = last?.seq === msg.seq ? last.items : null;
      if (!items) {
        const run = runImport(kind, csv, msg.mapping as Mapping, ctx);
        if (run.problems.length > 0 || run.bad.length > 0) {
          post({
            type: 'failed',
            message: 'The file no longer imports cleanly with this mapping; check the preview.',
          });
          return;
        }
        items = run.items;
      }
      const command = kind.command(items, msg.mapping, msg.meta) as Command;
      post({ type: 'command', seq: msg.seq, command: packed(command) });
      return;
    }
  }
}

self.onmessage = (event) => {
  handle(event.data).catch((error: unknown) =>
    post({
      type: 'failed',
      message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
};
