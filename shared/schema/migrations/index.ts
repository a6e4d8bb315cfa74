import { SCHEMA_VERSION } from '../workbook';
import { migration001 } from './001-stop-window-minutes';
import { migration002 } from './002-compact-audit';
import { migration003 } from './003-waves-and-scorecard';
import { migration004 } from './004-signals-and-incidents';
import { migration005 } from './005-architecture';
import { migration006 } from './006-cab';
import { migration007 } from './007-runbooks';
import { migration008 } from './008-stakeholders';
import { migration009 } from './009-pilot-and-adoption';
import { migration010 } from './010-drills';
import { migration011 } from './011-drill-runs';
import type { Migration, RawDoc } from './types';

/** Ordered so that MIGRATIONS[i].from === i + 1. A test checks the chain reaches SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MigrationResult {
  doc: RawDoc;
  applied: string[];
}

/** Runs every migration from the document's version up to SCHEMA_VERSION. */
export function migrate(doc: RawDoc, fromVersion: number): MigrationResult {
  const applied: string[] = [];
  let current = doc;
  for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new MigrationError('(none)', 'schemaVersion', `no migration from version ${version}`);
    current = step.up(current, (where, message) => {
      throw new MigrationError(step.name, where, message);
    });
    current = { ...current, schemaVersion: version + 1 };
    applied.push(step.name);
  }
  return { doc: current, applied };
}
