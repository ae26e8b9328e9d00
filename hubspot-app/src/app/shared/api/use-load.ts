import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendError, BackendResult } from './backend-client.ts';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: BackendError };

/**
 * Runs `load` when `key` changes and whenever `reload` is called; an answer that arrives after
 * a newer request started is dropped, so a slow page never overwrites a fast one.
 */
export function useLoad<T>(
  key: string,
  load: (key: string) => Promise<BackendResult<T>>,
): { state: LoadState<T>; reload: () => void; setData: (data: T) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [request, setRequest] = useState({ key, generation: 0 });
  const loadRef = useRef(load);
  loadRef.current = load;
  if (request.key !== key) setRequest({ key, generation: request.generation + 1 });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadRef.current(request.key).then((result) => {
      if (!current) return;
      setState(
        result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [request]);

  const reload = useCallback(() => setRequest((r) => ({ ...r, generation: r.generation + 1 })), []);
  const setData = useCallback((data: T) => setState({ status: 'loaded', data }), []);
  return { state, reload, setData };
}
