/**
 * Runs `callback` when the main thread is idle, or within `timeout` ms
 * (soon, where there is no requestIdleCallback); returns a cancel.
 */
export function whenIdle(callback: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, {timeout});
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}
