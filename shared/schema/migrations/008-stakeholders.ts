import type { Migration, RawDoc } from './types';

// Version 9: the stakeholders capability. A version-8 group held a single champion by name and
// nothing about size, weight or what changes for it; it now holds a list of champions, a size
// (0: not known yet), `major` and "what changes Monday morning". Every old group is taken as
// major: the coverage rule then asks about each of them, rather than silently passing over a
// group nobody has judged yet. The section gains its people, map, check-ins, objections, comms
// plan and decision rights, all empty. Self-contained: a migration must not change with the code.

export const migration008: Migration = {
  from: 8,
  name: '008-stakeholders',
  up(doc, fail) {
    const section = doc.stakeholders;
    if (typeof section !== 'object' || section === null || Array.isArray(section)) {
      fail('stakeholders', 'a version 8 workbook has a stakeholders section (an object with groups)');
    }
    const groups = (section as RawDoc).groups;
    if (!Array.isArray(groups))
      fail('stakeholders.groups', 'a version 8 stakeholders section lists its groups');
    const upgraded = (groups as unknown[]).map((g, i) => {
      if (typeof g !== 'object' || g === null || Array.isArray(g)) {
        return fail(`stakeholders.groups[${i}]`, 'a group is an object');
      }
      const { champion, ...rest } = g as RawDoc;
      if (champion !== undefined && typeof champion !== 'string') {
        fail(`stakeholders.groups[${i}].champion`, 'a version 8 champion is a name');
      }
      const name = typeof champion === 'string' ? champion.trim() : '';
      return { ...rest, size: 0, major: true, champions: name ? [name] : [], mondayChange: '' };
    });
    return {
      ...doc,
      stakeholders: {
        ...(section as RawDoc),
        groups: upgraded,
        people: [],
        placements: [],
        checkins: [],
        objections: [],
        comms: [],
        decisions: [],
      },
    };
  },
};
