/** A lazily loaded module: fetched on first need, once; after a failed fetch the next need tries again. */
export interface Lazy<T> {
  /** The module, once it has loaded. */
  readonly value: T | undefined;
  load(): Promise<T>;
  /** Starts loading for a need that is likely soon (a form focused); a failure is left to that need to report. */
  prefetch(): void;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const load = () =>
    (pending ??= importer().then(
      (loaded) => (value = loaded),
      (error: unknown) => {
        pending = undefined;
        throw error;
      }
    ));
  return {
    get value() {
      return value;
    },
    load,
    prefetch: () => void load().catch(() => undefined),
  };
}
