import { describe, expect, it } from 'vitest';
import { fieldValues, fill, gaps, plainText, templateFor } from '../../../shared/areas/runbooks/comms';
import { TemplateSchema } from '../../../shared/areas/runbooks/schema';
import { emptyWorkbook } from '../../../shared/schema/workbook';

// Comms templates: filled from the workbook, every gap visible, an unknown field refused with
// its line, and a workbook's own template replacing the default for its audience.

const NOW = Date.parse('2026-11-24T10:30:00.000Z');
const wb = emptyWorkbook('wb', 'Test', '2026-11-24T09:00:00.000Z');
const incident = {
  id: 'inc',
  ref: '',
  title: 'Quote PDFs time out',
  severity: 'SEV1' as const,
  drill: false,
  openedAt: '2026-11-24T10:00:00.000Z',
  resolvedAt: null,
  waveId: '',
  deploymentIds: [],
  changeRefs: [],
  batch: '',
  roles: [{ role: 'commander' as const, person: 'Ines Moreau', at: '2026-11-24T10:00:00.000Z', by: 'Ines' }],
  timeline: [
    {
      id: 'e1',
      at: '2026-11-24T10:02:00.000Z',
      kind: 'milestone' as const,
      milestone: 'acknowledged' as const,
      text: '',
      author: 'Ines',
      approximate: false,
      originalAt: null,
      batch: '',
    },
  ],
};

describe('comms templates', () => {
  it('fills the executive summary from the workbook and marks what it cannot fill', () => {
    const values = fieldValues(
      wb,
      incident,
      { impact: '', conditions: 'Quotes over 40 lines fail', actions: 'Flag off', needs: '' },
      NOW,
    );
    expect(values).toMatchObject({
      severity: 'SEV1',
      status: 'acknowledged (10:02 UTC)',
      commander: 'Ines Moreau',
      next_update: '11:00 UTC', // SEV1: every 30 min
      wave: null,
    });
    const segments = fill(templateFor(wb, 'executive').body, values);
    expect(gaps(segments)).toEqual(['needs', 'wave', 'verdict', 'impact']);
    const text = plainText(segments);
    expect(text).toContain('Conditions: Quotes over 40 lines fail');
    expect(text).toContain('Needs: [needs: not filled]');
    expect(text).not.toMatch(/\{\{/);
  });

  it('refuses a template with an unknown field, naming it and its line', () => {
    const parsed = TemplateSchema.safeParse({
      id: 't',
      audience: 'internal',
      name: 'Mine',
      body: 'Hello\n{{incident}} and {{eta}}',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(
      /^Unknown field \{\{eta\}\} on line 2; fields are: incident, /,
    );
  });

  it("uses the workbook's own template for its audience", () => {
    const own = {
      ...wb,
      runbooks: {
        ...wb.runbooks,
        templates: [{ id: 't', audience: 'customer' as const, name: 'Ours', body: 'Hi {{incident}}' }],
      },
    };
    expect(templateFor(own, 'customer').name).toBe('Ours');
    expect(templateFor(own, 'internal').name).toBe('Internal update');
  });
});
