import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  DECISION_FILE_KIND,
  DECISION_FILE_SUFFIX,
  type DecisionFile,
  DecisionFileSchema,
  type DecisionPayload,
  decisionsToExport,
  ImportRefused,
  planImport,
} from '../../shared/areas/cab/decision-file';
import { HOST_ONLY_COMMANDS } from '../../shared/areas/cab/review-commands';
import type { Ack, DecisionFileCheck, DecisionImport } from '../../shared/contract';
import type { Command } from '../../shared/domain/commands';
import { DomainError } from '../../shared/domain/errors';
import type { Identity } from '../../shared/domain/identity';
import { summarizeIssues, toFieldIssues } from '../../shared/schema/issues';
import type { Workbook } from '../../shared/schema/workbook';
import { planHash } from './cab-hash';
import { HostError } from './errors';
import { slugify } from './paths';
import { keyFingerprint, type ReviewerKeyInfo, type ReviewerKeys, verifySignature } from './reviewer-key';
import type { Session } from './session';

// The CAB's host-side work: everything that needs the plan's SHA-256 or the reviewer's key.
// Decisions and submissions are hashed here, against the plan as the host holds it, in the same
// synchronous step that applies them, so nothing can land in between. Decision files are
// signed here with the reviewer's key, and checked here before anything of theirs is recorded.

export interface DecisionInput {
  decision: 'approve' | 'approve-with-conditions' | 'reject' | 'defer';
  conditions: string;
  comment: string;
  /** The plan's hash as the reviewer's window computed it. */
  reviewedHash: string;
  /** The revision the window held. */
  baseRevision: number;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A window may not send these itself: they carry a hash only the host can vouch for. */
export function refuseHostOnly(command: Command): Command {
  if (HOST_ONLY_COMMANDS.has(command.type)) {
    throw new DomainError(
      'not-allowed',
      `${command.type} is recorded through the review page, which has the host hash the plan; it cannot be sent as a plain change.`,
      'type',
    );
  }
  return command;
}

export class CabService {
  constructor(
    private readonly session: Session,
    private readonly keys: ReviewerKeys,
    private readonly user: () => Identity | null,
    private readonly now: () => Date,
  ) {}

  reviewerKey(): Promise<ReviewerKeyInfo> {
    return this.keys.info();
  }

  private current(): Workbook {
    const wb = this.session.workbook;
    if (!wb) throw new HostError('no-workbook', 'No workbook is open, so there is nothing to review.');
    return wb;
  }

  /** Refuses a decision on a plan that has changed since the window hashed it, saying who changed what. */
  private async refuseChanged(wb: Workbook, base: number): Promise<never> {
    const page = await this.session.history(undefined, undefined, 20).catch(() => ({ entries: [] }));
    const since = page.entries
      .filter((e) => e.rev > base)
      .slice(0, 3)
      .map((e) => `${e.by}: ${e.summary}`);
    throw new DomainError(
      'conflict',
      `The plan changed while you were reviewing it (now at revision ${wb.revision})` +
        (since.length > 0 ? `: ${since.join('; ')}.` : '.') +
        ' Nothing was recorded. Read the change, then decide again.',
      'reviewedHash',
    );
  }

  // Not async on purpose: the plan is hashed and the command applied in one synchronous step,
  // so no other change can land between the check and the record.
  recordDecision(input: DecisionInput): Promise<Ack> {
    const wb = this.current();
    const hash = planHash(wb);
    if (hash !== input.reviewedHash) return this.refuseChanged(wb, input.baseRevision);
    return this.session.dispatch({
      type: 'cab.decide',
      id: `dec-${randomUUID()}`,
      decision: input.decision,
      conditions: input.conditions,
      comment: input.comment,
      reviewed: { hash, revision: wb.revision },
    });
  }

  submit(note: string, reviewedHash: string, baseRevision: number): Promise<Ack> {
    const wb = this.current();
    const hash = planHash(wb);
    if (hash !== reviewedHash) return this.refuseChanged(wb, baseRevision);
    return this.session.dispatch({ type: 'cab.submit', note, reviewed: { hash, revision: wb.revision } });
  }

  /** This reviewer's decisions in the open workbook, as a signed file's text. */
  async exportDecisions(): Promise<{ fileName: string; text: string; count: number }> {
    const wb = this.current();
    const who = this.user();
    if (!who) {
      throw new HostError(
        'identity-required',
        'Say who you are first: a decision file is signed in your name.',
      );
    }
    const decisions = decisionsToExport(wb.cab, who.name);
    if (decisions.length === 0) {
      throw new DomainError(
        'not-found',
        `${who.name} has recorded no decisions in this workbook yet. Record one in review mode, then export it.`,
      );
    }
    const info = await this.keys.info();
    const payload: DecisionPayload = {
      kind: DECISION_FILE_KIND,
      version: 1,
      workbookId: wb.id,
      workbookName: wb.name,
      reviewer: { name: who.name, role: who.role },
      publicKey: info.publicKey,
      exportedAt: this.now().toISOString(),
      decisions,
    };
    const { signature } = await this.keys.sign(utf8(canonicalize(payload)!));
    const file: DecisionFile = { payload, signature };
    return {
      fileName: `${slugify(wb.name)}-${slugify(who.name)}${DECISION_FILE_SUFFIX}`,
      text: `${JSON.stringify(file, null, 2)}\n`,
      count: decisions.length,
    };
  }

  /** Parses and verifies a decision file; throws, saying what and where, when it is not one to trust. */
  private async verified(text: string): Promise<DecisionFile> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DomainError(
        'invalid-item',
        `This is not a decision file: it is not JSON (${(error as Error).message}).`,
        'file',
      );
    }
    const parsed = DecisionFileSchema.safeParse(value);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      throw new DomainError(
        'invalid-item',
        `This is not a decision file this app can read: ${summarizeIssues(issues)}. Nothing was imported.`,
        issues[0]?.path ?? 'file',
        issues,
      );
    }
    const file = parsed.data;
    const good = await verifySignature(
      file.signature,
      utf8(canonicalize(file.payload)!),
      file.payload.publicKey,
    );
    if (!good) {
      throw new DomainError(
        'not-allowed',
        `The signature does not match the decisions in this file: it was changed after ${file.payload.reviewer.name} ` +
          'signed it, or it was signed with another key. Nothing was imported; ask for the file again.',
        'signature',
      );
    }
    return file;
  }

  private plan(file: DecisionFile, wb: Workbook, hash: string) {
    try {
      return planImport(wb, file.payload, hash);
    } catch (error) {
      if (error instanceof ImportRefused) throw new DomainError('not-allowed', error.message, error.where);
      throw error;
    }
  }

  /** What importing this file would do, changing nothing: for the owner to confirm first. */
  async check(text: string): Promise<DecisionFileCheck> {
    const file = await this.verified(text);
    const wb = this.current();
    const plan = this.plan(file, wb, planHash(wb));
    const status = (id: string) =>
      plan.duplicates.includes(id) ? 'duplicate' : plan.stale.includes(id) ? 'stale' : ('new' as const);
    return {
      reviewer: file.payload.reviewer,
      fingerprint: keyFingerprint(file.payload.publicKey),
      workbookName: file.payload.workbookName,
      exportedAt: file.payload.exportedAt,
      decisions: file.payload.decisions.map((d) => ({
        id: d.id,
        decision: d.decision,
        conditions: d.conditions,
        comment: d.comment,
        at: d.at,
        status: status(d.id),
      })),
    };
  }

  /** Records each decision of a verified file as one audited change; duplicates are skipped. */
  async import(text: string): Promise<DecisionImport> {
    const file = await this.verified(text);
    // From here to the dispatch nothing awaits: the plan is hashed as it is applied.
    const wb = this.current();
    const hash = planHash(wb);
    const plan = this.plan(file, wb, hash);
    const fingerprint = keyFingerprint(file.payload.publicKey);
    const base = {
      reviewer: file.payload.reviewer.name,
      fingerprint,
      stale: plan.stale.length,
      duplicates: plan.duplicates.length,
    };
    if (plan.record.length === 0) return { ...base, revision: wb.revision, imported: 0 };
    const ack = await this.session.dispatch({
      type: 'cab.import-decisions',
      workbookId: file.payload.workbookId,
      workbookName: file.payload.workbookName,
      reviewer: file.payload.reviewer,
      signed: { keyFingerprint: fingerprint, publicKey: file.payload.publicKey },
      decisions: file.payload.decisions,
      currentHash: hash,
      currentRevision: wb.revision,
    });
    return { ...base, revision: ack.revision, imported: plan.record.length };
  }
}
