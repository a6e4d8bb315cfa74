import { importScenarioFile } from '../../../shared/areas/drills/import';
import type { Scenario } from '../../../shared/areas/drills/schema';

// The built-in scenario library (resources/scenarios/*.scenario.json), bundled as text and read
// through the same importer as a user's file: a library file that stopped fitting the schema
// would show up as a refusal here and fail its unit test, never as a half-loaded scenario.

const files = import.meta.glob<string>('../../../resources/scenarios/*.scenario.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export const LIBRARY: readonly Scenario[] = Object.entries(files).flatMap(([path, text]) => {
  const result = importScenarioFile(path.split('/').pop() ?? path, text);
  return result.ok ? result.scenarios : [];
});
