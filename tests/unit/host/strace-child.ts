import { writeSync } from 'node:fs';
import { createHost } from '../../../electron/host/host';

// Run by strace.test.ts under `strace -f` (bundled with esbuild, possibly with its fsyncs cut
// out): opens a workbook through the real host and makes exactly one change. The two lines it
// prints are markers in the syscall log, so they go out with writeSync: each is then a single
// `write(1, ...)` at exactly the moment the program reached it, not buffered for later.
//   ACK-BEGIN     opening is done; its own durable writes (backup, settings) are behind us
//   ACK <rev>     the host acknowledged the change; every syscall the save needed must precede it
// Usage: strace-child.mjs <dataDir> <workbookPath> <samplePath>

const [dataDir, path, samplePath] = process.argv.slice(2);
const host = createHost({
  dataDir: dataDir!,
  samplePath: samplePath!,
  user: { name: 'Strace Test', role: 'QA' },
});
const state = await host.openPath(path!);
if (state.file?.readOnly !== false) {
  process.stderr.write(`could not open for editing: ${JSON.stringify(state.problem ?? state.file)}\n`);
  process.exit(2);
}
writeSync(1, 'ACK-BEGIN\n');
const ack = await host.api['workbook:dispatch-command']({
  type: 'workbook.rename',
  name: 'Renamed under strace',
});
writeSync(1, `ACK ${ack.revision}\n`);
await host.close();
process.exit(0);
