import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { messageOf } from '../../shared/domain/format';
import { type Identity, IdentitySchema } from '../../shared/domain/identity';
import {
  DEFAULT_PROJECTOR,
  type ProjectorSettings,
  ProjectorSettingsSchema,
} from '../../shared/domain/projector';
import {
  type RememberedMapping,
  RememberedMappingSchema,
  sameHeader,
} from '../../shared/import/mapping-schema';
import type { Mapping } from '../../shared/import/types';
import { summarizeIssues, toFieldIssues } from '../../shared/schema/issues';
import { type DurableFs, durableWrite, isCode, removeStaleTemps } from './durable-write';
import { fileStamp } from './format';

// Per-user settings (recent files, who is making changes) in <dataDir>/settings.json. Validated
// on load; a file that fails is set aside, never silently overwritten, and the user is told where.

export const RECENT_KEPT = 10;
/** CSV mappings remembered, newest first: one per dashboard export a person imports from. */
export const MAPPINGS_KEPT = 100;

const RecentSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  name: z.string().max(200),
  openedAt: z.string(),
});

export interface StoredRecent {
  path: string;
  name: string;
  openedAt: string;
}

const SettingsSchema = z.strictObject({
  version: z.literal(2),
  recent: z.array(RecentSchema).max(100),
  user: IdentitySchema.nullable(),
  // Added after version 2 shipped; optional so those files stay valid as they are.
  projector: ProjectorSettingsSchema.optional(),
  /** Whether the desktop app's projector window was open when it quit, to bring it back. */
  projectorOpen: z.boolean().optional(),
  /** How each dashboard export was mapped the last time, so the next one imports in one step. */
  importMappings: z.array(RememberedMappingSchema).max(MAPPINGS_KEPT).optional(),
});
type Settings = z.infer<typeof SettingsSchema>;

/** Version 1 had no identity: it reads as "not asked yet". */
const upgrade = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1
    ? { ...value, version: 2, user: null }
    : value;

export class SettingsStore {
  private settings: Settings = { version: 2, recent: [], user: null };
  /** Loaded once, on first use, whichever method comes first. */
  private loading: Promise<void> | null = null;
  private pendingNotice: string | null = null;
  /** False when settings.json exists but could be neither read nor set aside: never overwrite it. */
  private canSave = true;
  readonly path: string;

  constructor(
    private readonly dataDir: string,
    private readonly fs: DurableFs,
    private readonly now: () => Date,
  ) {
    this.path = join(dataDir, 'settings.json');
  }

  /** A message for the user about loading settings (once), or null. */
  async takeNotice(): Promise<string | null> {
    await this.loaded();
    const notice = this.pendingNotice;
    this.pendingNotice = null;
    return notice;
  }

  async recent(): Promise<StoredRecent[]> {
    await this.loaded();
    return this.settings.recent.slice(0, RECENT_KEPT);
  }

  /** Who signs changes; null until the user has said. Call after load() (host start). */
  user(): Identity | null {
    return this.settings.user;
  }

  projector(): ProjectorSettings {
    return this.settings.projector ?? DEFAULT_PROJECTOR;
  }

  async setProjector(projector: ProjectorSettings): Promise<void> {
    await this.loaded();
    await this.save({ ...this.settings, projector });
  }

  projectorOpen(): boolean {
    return this.settings.projectorOpen ?? false;
  }

  async setProjectorOpen(projectorOpen: boolean): Promise<void> {
    await this.loaded();
    if ((this.settings.projectorOpen ?? false) !== projectorOpen)
      await this.save({ ...this.settings, projectorOpen });
  }

  /** The mapping last used for an export of `kind` with this header, or null. */
  async findMapping(kind: string, header: readonly string[]): Promise<RememberedMapping | null> {
    await this.loaded();
    return this.settings.importMappings?.find((m) => m.kind === kind && sameHeader(m.header, header)) ?? null;
  }

  async rememberMapping(kind: string, header: string[], mapping: Mapping): Promise<RememberedMapping> {
    await this.loaded();
    const entry: RememberedMapping = { kind, header, mapping, savedAt: this.now().toISOString() };
    const rest = (this.settings.importMappings ?? []).filter(
      (m) => !(m.kind === kind && sameHeader(m.header, header)),
    );
    await this.save({ ...this.settings, importMappings: [entry, ...rest].slice(0, MAPPINGS_KEPT) });
    return entry;
  }

  async setUser(user: Identity): Promise<void> {
    await this.loaded();
    await this.save({ ...this.settings, user });
  }

  /** Moves `path` to the top of the recent list and saves settings. */
  async addRecent(path: string, name: string): Promise<void> {
    await this.loaded();
    const entry: StoredRecent = { path, name, openedAt: this.now().toISOString() };
    const rest = this.settings.recent.filter((r) => r.path !== path);
    await this.save({ ...this.settings, recent: [entry, ...rest].slice(0, RECENT_KEPT) });
  }

  /** Loads settings.json once; later calls return at once. */
  ready(): Promise<void> {
    return this.loaded();
  }

  private async save(next: Settings): Promise<void> {
    this.settings = next;
    if (!this.canSave) return;
    await mkdir(this.dataDir, { recursive: true });
    const bytes = Buffer.from(`${JSON.stringify(this.settings, null, 2)}\n`);
    await durableWrite(this.path, bytes, this.fs);
  }

  private loaded(): Promise<void> {
    this.loading ??= this.load().then((notice) => {
      this.pendingNotice = notice;
    });
    return this.loading;
  }

  /** Reads settings.json. Returns a notice for the user when it had to be set aside. */
  private async load(): Promise<string | null> {
    // A crash mid-save leaves a temp file beside settings.json; nothing else would ever remove it.
    await removeStaleTemps(this.path);
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      this.canSave = false;
      return `Your settings could not be read (${messageOf(error)}); recent files and your name start empty and will not be saved.`;
    }
    const why = this.parse(text);
    if (why === null) return null;
    const aside = `${this.path}.corrupt-${fileStamp(this.now())}`;
    try {
      await rename(this.path, aside);
    } catch (error) {
      this.canSave = false;
      return `Your settings file is damaged (${why}) and could not be set aside (${messageOf(error)}); recent files and your name start empty and will not be saved.`;
    }
    return (
      `Your settings file was damaged (${why}), so recent files and your name start empty. ` +
      `The old file was kept as ${basename(aside)} in ${this.dataDir}.`
    );
  }

  /** Parses and adopts `text`; returns why it was refused, or null on success. */
  private parse(text: string): string | null {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return `not valid JSON: ${messageOf(error)}`;
    }
    const parsed = SettingsSchema.safeParse(upgrade(value));
    if (!parsed.success) return summarizeIssues(toFieldIssues(parsed.error));
    this.settings = parsed.data;
    return null;
  }
}
