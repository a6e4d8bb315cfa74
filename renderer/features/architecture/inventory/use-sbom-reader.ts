import { useEffect, useRef, useState } from 'react';
import type { SbomContents, SbomRefusal } from '../../../../shared/areas/architecture/sbom/types';
import type { FromWorker, Phase } from './sbom-messages';

// Runs the SBOM worker for one picked file at a time: progress while it reads, then what it
// read or why it refused. Picking another file, or stopping, ends the worker at once.

export type ReaderState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; phase: Phase; done: number; total: number }
  | { kind: 'refused'; fileName: string; refusal: SbomRefusal }
  | { kind: 'read'; fileName: string; sbom: SbomContents };

export function useSbomReader() {
  const [state, setState] = useState<ReaderState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  // Leaving the screen ends a read in progress.
  useEffect(() => () => worker.current?.terminate(), []);

  const read = (file: File) => {
    stop();
    const fileName = file.name;
    setState({ kind: 'reading', fileName, phase: 'reading', done: 0, total: file.size });
    const w = new Worker(new URL('./sbom.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (worker.current !== w) return;
      const m = e.data;
      if (m.kind === 'progress')
        setState({ kind: 'reading', fileName, phase: m.phase, done: m.done, total: m.total });
      else {
        stop();
        if (m.kind === 'failed') {
          setState({
            kind: 'refused',
            fileName,
            refusal: { reason: `The file could not be read: ${m.message}`, where: '' },
          });
        } else if (m.result.ok) setState({ kind: 'read', fileName, sbom: m.result.sbom });
        else setState({ kind: 'refused', fileName, refusal: m.result.refusal });
      }
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      stop();
      setState({
        kind: 'refused',
        fileName,
        refusal: { reason: `The file could not be read: ${e.message}`, where: '' },
      });
    };
    w.postMessage({ file });
  };

  const reset = () => {
    stop();
    setState({ kind: 'idle' });
  };
  return { state, read, reset };
}
