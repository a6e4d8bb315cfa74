import type { SbomResult } from '../../../../shared/areas/architecture/sbom/types';

// What the screen and the SBOM worker say to each other.

export interface ToWorker {
  file: File;
}

export type Phase = 'reading' | 'parsing' | 'components';

export type FromWorker =
  | { kind: 'progress'; phase: Phase; done: number; total: number }
  | { kind: 'done'; result: SbomResult }
  /** The worker itself failed (not the file): a bug, reported as one. */
  | { kind: 'failed'; message: string };
