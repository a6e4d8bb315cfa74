import { z } from 'zod';
import { choice, entityId, isoDay, optionalText, requiredText } from '../../schema/fields';

// Checklist step 3: a rollout is a change in how people work. The section holds who changes
// (groups and people), who backs it and who teaches it (sponsor, champions, training/comms
// owner), where each sits on the power/interest map, how ready each group is (ADKAR check-ins),
// what they object to, what is told to whom and when, and who decides what. Group ids are stable
// strings: the pilot and adoption areas refer to groups by id.

export const STAKEHOLDER_ROLES = ['recipient', 'sponsor', 'influencer'] as const;
export const PLACEABLE = ['group', 'person'] as const;
export const ADKAR = ['awareness', 'desire', 'knowledge', 'ability', 'reinforcement'] as const;
export const OBJECTION_STATUSES = ['open', 'answered', 'closed'] as const;
export const AUDIENCES = ['executives', 'managers', 'end-users'] as const;
/** The three jobs the coverage rule asks of every major group. */
export const COVERAGE_ROLES = ['sponsor', 'champion', 'commsOwner'] as const;

export type AdkarElement = (typeof ADKAR)[number];
export type CoverageRole = (typeof COVERAGE_ROLES)[number];

const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(10_000_000, `${label} is at most 10,000,000`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const email = z
  .string({ error: 'E-mail must be text' })
  .trim()
  .max(200, 'E-mail must be at most 200 characters')
  .refine((s) => s === '' || EMAIL.test(s), 'E-mail must look like name@example.org');

export const StakeholderGroupSchema = z.strictObject({
  id: entityId,
  name: requiredText('Group name', 120),
  /** How many people it holds (the people listed may be fewer: a directory export is partial). */
  size: count('Size'),
  role: choice('Role', STAKEHOLDER_ROLES),
  /** Major groups are the ones the coverage rule holds to a sponsor, a champion and an owner. */
  major: z.boolean({ error: 'Major must be yes or no' }),
  sponsor: optionalText('Sponsor', 120),
  champions: z
    .array(requiredText('Champion', 120), { error: 'Champions must be a list of names' })
    .max(20, 'At most 20 champions'),
  /** Who trains the group and tells it what is coming. */
  commsOwner: optionalText('Training/comms owner', 120),
  mondayChange: optionalText('What changes Monday morning', 1000),
});

export const PersonSchema = z.strictObject({
  id: entityId,
  name: requiredText('Name', 120),
  title: optionalText('Title', 120),
  groupIds: z.array(entityId, { error: 'Groups must be a list of group ids' }).max(20, 'At most 20 groups'),
  location: optionalText('Location', 120),
  /** The manager's name, as the directory gives it. */
  manager: optionalText('Manager', 120),
  email,
  notes: optionalText('Notes', 1000),
  /** The import that brought the person in (waves.imports id), or '' when typed in by hand. */
  batch: z.union([entityId, z.literal('')]),
});

const axis = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} is 0–100`)
    .max(100, `${label} is 0–100`);

/** Where a group or a person sits on the map: 0–100 on each axis, 50 and over is "high". */
export const PlacementSchema = z.strictObject({
  kind: choice('Kind', PLACEABLE),
  ref: entityId,
  power: axis('Power'),
  interest: axis('Interest'),
});

const placements = z.array(PlacementSchema).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((p, i) => {
    const key = `${p.kind}:${p.ref}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'ref'],
        message: `The ${p.kind} "${p.ref}" is placed twice on the map (also at placements[${first}])`,
      });
    } else seen.set(key, i);
  });
});

const score = (label: string) =>
  z
    .number({ error: `${label} must be a score from 1 to 5` })
    .int(`${label} must be a whole score from 1 to 5`)
    .min(1, `${label} is scored 1–5`)
    .max(5, `${label} is scored 1–5`);

export const CheckinSchema = z.strictObject({
  id: entityId,
  groupId: entityId,
  day: isoDay('Check-in date'),
  awareness: score('Awareness'),
  desire: score('Desire'),
  knowledge: score('Knowledge'),
  ability: score('Ability'),
  reinforcement: score('Reinforcement'),
  notes: optionalText('Notes', 1000),
});

export const ObjectionSchema = z.strictObject({
  id: entityId,
  /** The group it came from, or ''. */
  groupId: z.union([entityId, z.literal('')]),
  /** Who raised it, by name, or ''. */
  person: optionalText('Raised by', 120),
  what: requiredText('Objection', 500),
  raisedOn: isoDay('Raised on'),
  theme: requiredText('Theme', 80),
  response: optionalText('Response', 1000),
  status: choice('Status', OBJECTION_STATUSES),
});

export const CommsItemSchema = z.strictObject({
  id: entityId,
  audience: choice('Audience', AUDIENCES),
  message: requiredText('Message', 500),
  channel: optionalText('Channel', 120),
  owner: optionalText('Owner', 120),
  due: isoDay('Due date'),
  sent: z.boolean({ error: 'Sent must be yes or no' }),
});

export const DecisionRightSchema = z.strictObject({
  id: entityId,
  decision: requiredText('Decision', 200),
  decides: requiredText('Decides', 120),
  escalatesTo: optionalText('Escalates to', 120),
  communicates: optionalText('Communicates', 120),
  /** May this person or role call a no-go on this decision. */
  noGo: z.boolean({ error: 'Can call a no-go must be yes or no' }),
});

export const StakeholdersSchema = z.strictObject({
  groups: z.array(StakeholderGroupSchema),
  people: z.array(PersonSchema),
  placements,
  checkins: z.array(CheckinSchema),
  objections: z.array(ObjectionSchema),
  comms: z.array(CommsItemSchema),
  decisions: z.array(DecisionRightSchema),
});

export type StakeholderGroup = z.infer<typeof StakeholderGroupSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Placement = z.infer<typeof PlacementSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type Objection = z.infer<typeof ObjectionSchema>;
export type CommsItem = z.infer<typeof CommsItemSchema>;
export type DecisionRight = z.infer<typeof DecisionRightSchema>;
export type Stakeholders = z.infer<typeof StakeholdersSchema>;

export const emptyStakeholders = (): Stakeholders => ({
  groups: [],
  people: [],
  placements: [],
  checkins: [],
  objections: [],
  comms: [],
  decisions: [],
});
