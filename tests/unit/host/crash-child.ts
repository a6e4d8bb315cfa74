import { createHost } from '../../../electron/host/host';

// Run by crash.test.ts as a separate process (bundled with esbuild): opens a workbook and
// adds stop conditions as fast as acknowledgements come back, printing each acknowledged
// revision, until the test kills it with SIGKILL.

const [dataDir, path, samplePath] = process.argv.slice(2);
const host = createHost({ dataDir: dataDir!, samplePath: samplePath!, actor: 'crash-child' });
const state = await host.api['workbook:open-file']({ path: path! });
if (state.file?.readOnly !== false) {
  process.stderr.write(`could not open for editing: ${JSON.stringify(state.problem ?? state.file)}\n`);
  process.exit(2);
}
// Bursts of 1–20 changes without waiting, so kills also land mid group commit.
for (let burst = 0; ; burst++) {
  const size = 1 + (burst % 20);
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
          windowMinutes: 5,
          action: 'pause',
          callers: ['On-call'],
        },
      });
      process.stdout.write(`ack ${ack.revision} ${id}\n`);
    }),
  );
}
