import type { Command } from '../../shared/domain/commands';

// Plain test data shared by unit tests, fuzzers and benchmarks (no test-runner imports, so the
// bench can use it too).

/** A valid stop condition; the tests vary the id and the threshold. */
export const stopCondition = (id: string, threshold = 2) => ({
  id,
  metric: 'Checkout error rate',
  comparator: '>',
  threshold,
  unit: '%',
  metricId: '',
  windowMinutes: 15,
  action: 'rollback',
  callers: ['Incident commander'],
});

export const addStop = (id: string, threshold = 2): Command => ({
  type: 'item.add',
  collection: 'success.stopConditions',
  item: stopCondition(id, threshold),
});
