/** A Server-Sent Events reader for tests: fetch, parse, wait for the message you expect. */

export interface SseMessage {
  id: string | undefined;
  event: string;
  // Tests read whatever shape came back and assert on it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

export interface SseStream {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  /** Resolves with the first message (from the start) that `match` accepts. */
  next(match: (m: SseMessage) => boolean, what?: string): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {headers: {Accept: 'text/event-stream', ...headers}, signal: abort.signal});
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const w of [...waiters]) w();
  };
  let done = false;
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, {stream: true});
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = block.split('\n').filter((l) => !l.startsWith(':'));
          const get = (name: string) => fields.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart());
          const data = get('data').join('\n');
          if (!data) continue;
          messages.push({id: get('id')[0], event: get('event')[0] ?? 'message', data: JSON.parse(data)});
          changed();
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      changed();
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    messages,
    ended,
    next(match, what = 'a matching message') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            waiters.delete(check);
            resolve(found);
          } else if (done) {
            waiters.delete(check);
            reject(new Error(`stream ended before ${what}; got ${JSON.stringify(messages)}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
