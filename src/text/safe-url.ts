/**
 * An absolute http(s) URL for an href or src from the network, or
 * undefined: `javascript:`, `data:` and anything unparsable never reach the
 * DOM. Relative URLs resolve against the page.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
