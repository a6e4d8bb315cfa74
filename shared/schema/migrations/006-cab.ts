import type { Migration, RawDoc } from './types';

// Version 7 gives the cab area its record: the change (type, window, the people doing it, the
// risk questionnaire unanswered), an empty change calendar, a quorum of one approval where a
// rejection blocks, and no decisions or reviewed versions yet. At version 6 the section is `{}`,
// so nothing existing is reinterpreted. Self-contained: a migration must not change with the code.

type Obj = Record<string, unknown>;

const QUESTIONS = ['reach', 'undo', 'familiarity', 'systems', 'downtime', 'data', 'testing'];

export const migration006: Migration = {
  from: 6,
  name: '006-cab',
  up(doc, fail) {
    const cab = doc.cab;
    if (typeof cab !== 'object' || cab === null || Array.isArray(cab)) {
      fail('cab', 'a version 6 workbook has a cab section (an empty object)');
    }
    const keys = Object.keys(cab as Obj);
    if (keys.length > 0) fail(`cab.${keys[0]}`, 'a version 6 cab section is empty; this field is unknown');
    return {
      ...doc,
      cab: {
        change: {
          type: 'normal',
          title: '',
          summary: '',
          audience: '',
          service: '',
          components: [],
          critical: false,
          implementers: [],
          start: null,
          end: null,
          raisedAt: null,
          answers: Object.fromEntries(QUESTIONS.map((q) => [q, null])),
        },
        windows: [],
        planned: [],
        quorum: { minApprovals: 1, required: [], rejectBlocks: true },
        decisions: [],
        versions: [],
      },
    } satisfies RawDoc;
  },
};
