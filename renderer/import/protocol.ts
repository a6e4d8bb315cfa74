import type { Command } from '../../shared/domain/commands';
import type { Packed } from '../../shared/domain/wire-pack';
import type { Delimiter } from '../../shared/import/csv';
import type { ImportKindId } from '../../shared/import/kinds';
import type { ImportRun } from '../../shared/import/run';
import type { CommandMeta, KindOption, Mapping } from '../../shared/import/types';

// Messages between the import dialog and its parsing worker. The file is read, decoded, parsed
// and checked in the worker; the page only ever holds what it shows (the header, a few rows, the
// preview, the bad rows) until the user confirms, when the worker hands over the one command.

export type ToWorker =
  | { type: 'open'; kind: ImportKindId; file: File; zone: string }
  | { type: 'context'; slice: unknown; now: number }
  | { type: 'delimiter'; delimiter: Delimiter }
  | { type: 'apply'; seq: number; mapping: Mapping }
  | { type: 'command'; seq: number; mapping: Mapping; meta: CommandMeta };

/** What the page is told about the file once it is read. */
export interface FileFacts {
  name: string;
  bytes: number;
  bom: boolean;
  delimiter: Delimiter;
  header: string[];
  /** Data rows (blank lines included), as the file has them. */
  rows: number;
  /** The first few rows, to show beside the column choices. */
  sample: string[][];
  guess: Mapping;
}

/** An ImportRun without its items (they stay in the worker until the import is confirmed). */
export type RunView = Omit<ImportRun, 'items'> & {
  options: KindOption[];
  /** What the matched field's values can be matched to. */
  targets: { id: string; name: string }[];
};

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'parsing'; done: number }
  | { type: 'opened'; facts: FileFacts }
  | { type: 'refused'; message: string }
  | { type: 'applied'; seq: number; run: RunView }
  /** The one command, packed in the worker (see shared/domain/wire-pack.ts). */
  | { type: 'command'; seq: number; command: Packed<Command> }
  | { type: 'failed'; message: string };
