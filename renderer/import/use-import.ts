import { useCallback, useEffect, useRef, useState } from 'react';
import type { Command } from '../../shared/domain/commands';
import type { Packed } from '../../shared/domain/wire-pack';
import type { Delimiter } from '../../shared/import/csv';
import { type ImportKindId, importKind } from '../../shared/import/kinds';
import type { RememberedMapping } from '../../shared/import/mapping-schema';
import { rememberedMatches } from '../../shared/import/match';
import type { Mapping } from '../../shared/import/types';
import { localZone } from '../../shared/import/zones';
import { getBridge, toBridgeError } from '../bridge';
import { shortId } from '../components/collection/draft';
import { dispatchPacked } from '../store/actions';
import { useAppStore } from '../store/app-store';
import type { FileFacts, FromWorker, RunView, ToWorker } from './protocol';

// The import flow's state: pick a file → the worker reads it (progress, cancel) → the mapping
// (remembered for this export, or guessed) is run over every row → preview → confirm → one
// command. Nothing reaches the host before the confirm; cancel terminates the worker.

export type Step = 'pick' | 'reading' | 'refused' | 'map' | 'preview' | 'importing' | 'done';

export interface Flow {
  step: Step;
  progress: { phase: 'reading' | 'parsing' | 'checking'; done: number } | null;
  facts: FileFacts | null;
  mapping: Mapping | null;
  run: RunView | null;
  /** True while the mapping shown has not been run over the rows yet. */
  checking: boolean;
  remembered: RememberedMapping | null;
  /** Why the file was refused, or why the host refused the import. */
  message: string | null;
  issues: { path: string; message: string }[];
  imported: number;
}

const START: Flow = {
  step: 'pick',
  progress: null,
  facts: null,
  mapping: null,
  run: null,
  checking: false,
  remembered: null,
  message: null,
  issues: [],
  imported: 0,
};

/** No bad rows, nothing left to choose, something to import: one confirm away. */
export function ready(run: RunView | null): run is RunView {
  return !!run && run.problems.length === 0 && run.bad.length === 0 && run.counts.accepted > 0;
}

export function useImport(kindId: ImportKindId) {
  const kind = importKind(kindId);
  const [flow, setFlow] = useState<Flow>(START);
  const worker = useRef<Worker | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  /** Set while a remembered mapping is tried: a clean run goes straight to the preview. */
  const oneStep = useRef(false);
  const pendingCommand = useRef<((command: Packed<Command> | undefined) => void) | null>(null);
  const wb = useAppStore((s) => s.session?.workbook ?? null);
  const flowRef = useRef(flow);
  flowRef.current = flow;

  const stop = useCallback(() => {
    window.clearTimeout(timer.current);
    worker.current?.terminate();
    worker.current = null;
    pendingCommand.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const post = (message: ToWorker) => worker.current?.postMessage(message);

  /** Runs `mapping` over the rows; a burst of changes (typing) runs once, when it settles. */
  const apply = (mapping: Mapping, now = false) => {
    const mine = ++seq.current;
    setFlow((f) => ({ ...f, mapping, checking: true }));
    window.clearTimeout(timer.current);
    const send = () => post({ type: 'apply', seq: mine, mapping });
    if (now) send();
    else timer.current = window.setTimeout(send, 150);
  };

  const onMessage = (from: Worker, msg: FromWorker) => {
    if (from !== worker.current) return; // a cancelled file's last words
    switch (msg.type) {
      case 'progress':
        setFlow((f) => ({ ...f, progress: { phase: msg.phase, done: msg.done } }));
        return;
      case 'refused':
      case 'failed':
        if (msg.type === 'refused') stop();
        // A confirm waiting for its command gets none: the flow goes back to the preview.
        pendingCommand.current?.(undefined);
        // Refused, or failed before the file could be shown: this file cannot be imported.
        setFlow((f) => ({
          ...f,
          step:
            msg.type === 'refused' || f.step === 'reading'
              ? 'refused'
              : f.step === 'importing'
                ? 'preview'
                : f.step,
          message: msg.message,
        }));
        return;
      case 'opened':
        void opened(msg.facts);
        return;
      case 'applied': {
        if (msg.seq !== seq.current) return;
        // Read now: the updater below runs later, after the flag is cleared.
        const straight =
          oneStep.current && ready(msg.run) && !msg.run.matchValues.some((v) => v.choice === null);
        oneStep.current = false;
        setFlow((f) => {
          const next: Flow = { ...f, run: msg.run, checking: false, progress: null };
          if (f.step === 'reading') next.step = straight ? 'preview' : 'map';
          return next;
        });
        return;
      }
      case 'command':
        if (msg.seq === seq.current) pendingCommand.current?.(msg.command);
        return;
    }
  };

  const sendContext = () => {
    const current = useAppStore.getState().session?.workbook;
    if (current) post({ type: 'context', slice: kind.slice(current), now: Date.now() });
  };

  const opened = async (facts: FileFacts) => {
    let remembered: RememberedMapping | null = null;
    try {
      remembered = await getBridge().invoke('imports:find-mapping', { kind: kind.id, header: facts.header });
    } catch {
      remembered = null; // without the settings, the user maps it again; nothing is lost
    }
    const stem = facts.name.replace(/\.(csv|tsv|txt)$/i, '');
    const mapping: Mapping = remembered
      ? { ...remembered.mapping, delimiter: facts.delimiter }
      : { ...facts.guess, source: stem.slice(0, 200) };
    oneStep.current = remembered !== null;
    setFlow((f) => ({ ...f, facts, remembered, progress: { phase: 'checking', done: 1 } }));
    sendContext();
    apply(mapping, true);
  };

  const pick = (file: File) => {
    stop();
    const w = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'csv-import',
    });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(w, e.data);
    w.onerror = () =>
      onMessage(w, { type: 'failed', message: 'The file reader stopped unexpectedly; try again.' });
    seq.current++;
    setFlow({ ...START, step: 'reading', progress: { phase: 'reading', done: 0 } });
    post({ type: 'open', kind: kindId, file, zone: localZone() });
  };

  // Someone changed the workbook meanwhile (a reading typed in another window): check again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the workbook is the trigger
  useEffect(() => {
    const f = flowRef.current;
    if (!worker.current || !f.mapping || !['map', 'preview'].includes(f.step)) return;
    sendContext();
    apply(f.mapping);
  }, [wb]);

  const setMapping = (change: (m: Mapping) => Mapping) => {
    const m = flowRef.current.mapping;
    if (m) apply(change(m));
  };

  const setDelimiter = (delimiter: Delimiter) => {
    seq.current++;
    setFlow((f) => ({ ...f, step: 'reading', run: null, progress: { phase: 'parsing', done: 0 } }));
    post({ type: 'delimiter', delimiter });
  };

  const confirm = async () => {
    const f = flowRef.current;
    if (!f.mapping || !f.facts || !ready(f.run) || f.checking) return;
    setFlow((x) => ({ ...x, step: 'importing', message: null, issues: [] }));
    // Marks on the page's timeline, so a profile (and the import benchmark) can say where the time goes.
    performance.mark('import:confirm');
    const id = shortId('imp');
    const command = await new Promise<Packed<Command> | undefined>((resolve) => {
      pendingCommand.current = resolve;
      post({ type: 'command', seq: seq.current, mapping: f.mapping!, meta: { id, fileName: f.facts!.name } });
    });
    pendingCommand.current = null;
    if (command === undefined) return;
    performance.mark('import:command-built');
    try {
      await dispatchPacked(command);
      performance.mark('import:acknowledged');
    } catch (err) {
      const e = toBridgeError(err);
      setFlow((x) => ({ ...x, step: 'preview', message: e.message, issues: e.issues }));
      return;
    }
    stop();
    const mapping = { ...f.mapping, matches: rememberedMatches(f.mapping) };
    setFlow((x) => ({ ...x, step: 'done', imported: f.run?.counts.accepted ?? 0 }));
    // Remembered last: the import stands even if the settings cannot be written.
    await getBridge()
      .invoke('imports:remember-mapping', { kind: kind.id, header: f.facts.header, mapping })
      .catch(() => undefined);
  };

  /** The preview lists bad rows too, so it opens once the mapping itself is complete. */
  const toPreview = () =>
    setFlow((f) => (f.run && f.run.problems.length === 0 && !f.checking ? { ...f, step: 'preview' } : f));
  const toMapping = () => setFlow((f) => ({ ...f, step: 'map', message: null, issues: [] }));
  const reset = () => {
    stop();
    seq.current++;
    setFlow(START);
  };

  return { kind, flow, pick, setMapping, setDelimiter, toPreview, toMapping, confirm, reset };
}

export type ImportApi = ReturnType<typeof useImport>;
