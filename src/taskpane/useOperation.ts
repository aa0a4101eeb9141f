/**
 * A long operation the user can follow and cancel: progress "n av N", an AbortController per
 * run, and one outcome (done, cancelled or failed) instead of exceptions in the components.
 */
import { useCallback, useRef, useState } from "react";

export interface Progress {
  done: number;
  total: number;
}

export type Outcome<T> =
  { status: "done"; value: T } | { status: "cancelled" } | { status: "failed"; error: unknown };

export type Task<T> = (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>;

export interface Operation {
  busy: boolean;
  progress: Progress | undefined;
  run<T>(total: number, task: Task<T>): Promise<Outcome<T>>;
  cancel(): void;
}

export function useOperation(): Operation {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(async <T>(total: number, task: Task<T>): Promise<Outcome<T>> => {
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setProgress({ done: 0, total });
    try {
      const value = await task(abort.signal, (done, n) => setProgress({ done, total: n }));
      return abort.signal.aborted ? { status: "cancelled" } : { status: "done", value };
    } catch (error) {
      // checkFiles throws its CancelledError when the signal fires: that is a cancel, not a failure.
      return abort.signal.aborted ? { status: "cancelled" } : { status: "failed", error };
    } finally {
      controller.current = undefined;
      setBusy(false);
      setProgress(undefined);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { busy, progress, run, cancel };
}
