/**
 * localStorage that never throws: storage can be disabled (sandboxed
 * iframes, privacy modes), full, or hold something that is not our JSON.
 * Without it, what we keep lives as long as the page. `parse` checks what
 * is read and throws on anything else, which reads as nothing stored.
 */
export function readStored<T>(key: string | undefined, parse: (value: unknown) => T): T | undefined {
  if (!key) return undefined;
  try {
    const stored = localStorage.getItem(key);
    // What another script, an older version or a hand edit left there is checked like network data: it is rendered.
    return stored ? parse(JSON.parse(stored)) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`, or removes the key for undefined. */
export function writeStored(key: string | undefined, value: unknown): void {
  if (!key) return;
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: see above.
  }
}
