import type { MethodInput, MethodResults } from '../../../shared/contract';
import { getBridge } from '../../bridge';
import { requestIdentity, useAppStore } from '../../store/app-store';

// The CAB's calls to the host. Decisions, submissions, imports and decision files are signed
// with a person's name, so the first one asks who is at the keyboard, like any change does.

type CabMethod =
  | 'cab:reviewer-key'
  | 'cab:record-decision'
  | 'cab:submit-for-review'
  | 'cab:export-decisions'
  | 'cab:check-decision-file'
  | 'cab:import-decisions'
  | 'workbook:compare'
  | 'export:print-pdf';

const SIGNED: ReadonlySet<CabMethod> = new Set([
  'cab:record-decision',
  'cab:submit-for-review',
  'cab:export-decisions',
  'cab:import-decisions',
]);

/** Calls the host; throws its refusal (a BridgeError with `where`) for the form to show. */
export async function cabCall<M extends CabMethod>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodResults[M]> {
  if (SIGNED.has(method) && !useAppStore.getState().session?.user) {
    if (!(await requestIdentity('first-edit'))) {
      throw new Error('Nothing was recorded: say who you are first, so it is signed in your name.');
    }
  }
  return getBridge().invoke(method, input);
}
