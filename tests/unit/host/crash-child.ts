import { createHost } from '../../../electron/host/host';

// Run by crash.test.ts as a separate process (bundled with esbuild): opens a workbook through
// the real host and adds stop conditions as fast as acknowledgements come back, printing each
// acknowledged revision (`ack <revision> <id>`), until the test kills it with SIGKILL.
// Usage: crash-child.mjs <dataDir> <workbookPath> <samplePath>

const [dataDir, path, samplePath] = process.argv.slice(2);
const host = createHost({
  dataDir: dataDir!,
  samplePath: samplePath!,
  user: { name: 'Crash child', role: 'Durability test' },
});
const state = await host.openPath(path!);
if (state.file?.readOnly !== false) {
  process.stderr.write(`could not open for editing: ${JSON.stringify(state.problem ?? state.file)}\n`);
  process.exit(2);
}
process.stdout.write(`open ${state.workbook?.revision}\n`);
// Bursts of 1–20 changes without waiting, so kills also land mid group commit. Writing to a
// pipe is synchronous on Linux, so a printed line is in the pipe before the next change starts.
for (let burst = 0; ; burst++) {
  const size = 1 + Math.floor(Math.random() * 20);
  await Promise.all(
    Array.from({ length: size }, async (_, k) => {
      const id = `sc-${process.pid}-${burst}-${k}`;
      const ack = await host.api['workbook:dispatch-command']({
        type: 'item.add',
        collection: 'success.stopConditions',
        item: {
          id,
          metric: `Metric ${burst}.${k}`,
          comparator: '>',
          threshold: k,
          unit: '%',
          metricId: '',
          windowMinutes: 5,
          action: 'pause',
          callers: ['On-call'],
        },
      });
      process.stdout.write(`ack ${ack.revision} ${id}\n`);
    }),
  );
}
