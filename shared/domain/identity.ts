import { z } from 'zod';
import { requiredText } from '../schema/fields';

// Who makes a change. Every change, decision and scorecard move is signed with a display name
// and a role the user sets once; the audit log, conflicts and the header all show it.

export const IdentitySchema = z.strictObject({
  name: requiredText('Your name', 80),
  role: requiredText('Your role', 80),
});

export type Identity = z.infer<typeof IdentitySchema>;

/** "Dana Reyes (Incident commander)". */
export const signature = (who: Identity) => `${who.name} (${who.role})`;
