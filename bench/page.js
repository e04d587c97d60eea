// Bench page instrumentation and the baseline renderer. Loaded as a classic
// script in <head>, before anything fetches. Query parameters:
//   target=element|baseline   the widget from dist/undersigned.js, or plain innerHTML
//   kind=signatories|comments <signatory-list> or <comment-thread>
//   src=/bench/static-sig-1000.json            static mode
//   endpoint=/v1&statement=sig-1000            contract v1 endpoint mode
//   rows=CSS selector                          what counts as a rendered row (optional)
//   attr-NAME=VALUE                            extra attributes for the element (optional)
// The harness (bench/run.mjs) drives window.__bench.
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const B = (window.__bench = {params: Object.fromEntries(params), arrivals: [], longtasks: [], errors: []});
  const kind = params.get('kind') === 'comments' ? 'comments' : 'signatories';
  const target = params.get('target') === 'baseline' ? 'baseline' : 'element';
  B.rowSelector =
    params.get('rows') ||
    (kind === 'comments' ? '[part~="comment"], article' : '[part~="signatory"], [part~="item"], [part~="row"], li');

  // Long tasks, all of them; takeRecords() flushes the queue before reading.
  const longtaskObserver = new PerformanceObserver((list) => record(list.getEntries()));
  function record(entries) {
    for (const e of entries) B.longtasks.push({start: e.startTime, end: e.startTime + e.duration, duration: e.duration});
  }
  longtaskObserver.observe({type: 'longtask', buffered: true});
  const flushLongtasks = () => record(longtaskObserver.takeRecords());

  // Data arrival: the moment a response body has been read, whoever reads it.
  for (const name of ['text', 'json', 'arrayBuffer', 'blob']) {
    const original = Response.prototype[name];
    Response.prototype[name] = async function (...args) {
      const value = await original.apply(this, args);
      const t = performance.now();
      B.arrivals.push({url: this.url, t});
      performance.mark('data-arrived', {detail: this.url});
      return value;
    };
  }

  const raf = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const task = () => new Promise((resolve) => setTimeout(resolve, 0));

  /** The first match of `selector` in `root` or in shadow roots under it. */
  function deepQuery(root, selector) {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const e of root.querySelectorAll('*')) {
      if (e.shadowRoot) {
        const inner = deepQuery(e.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  }

  function rowCount() {
    return B.root ? B.root.querySelectorAll(B.rowSelector).length : 0;
  }

  /** Every node in the document, shadow trees included. */
  B.countNodes = () => {
    let n = 0;
    const visit = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        n++;
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return n;
  };

  // First paint: rows in the DOM (seen by a MutationObserver right after
  // the render, or by a frame callback for rows in nested shadow roots),
  // then the next frame has painted (rAF, then a task after it).
  let resolvePaint;
  let rejectPaint;
  B.firstPaint = new Promise((resolve, reject) => {
    resolvePaint = resolve;
    rejectPaint = reject;
  });
  let seen = false;
  function rowsSeen(viaFrame) {
    if (seen) return;
    seen = true;
    const tSeen = performance.now();
    const painted = () =>
      setTimeout(() => {
        const tPaint = performance.now();
        const before = B.arrivals.filter((a) => a.t <= tSeen);
        if (!before.length) return rejectPaint(new Error('rows appeared before any data arrived'));
        const arrival = before[before.length - 1];
        performance.mark('first-paint');
        B.fp = {arrival: arrival.t, arrivalUrl: arrival.url, seen: tSeen, paint: tPaint, firstPaint: tPaint - arrival.t, rows: rowCount()};
        resolvePaint(B.fp);
      }, 0);
    if (viaFrame) painted();
    else requestAnimationFrame(painted);
  }
  function watch(root) {
    new MutationObserver((_, observer) => {
      if (!seen && root.querySelector(B.rowSelector)) {
        observer.disconnect();
        rowsSeen(false);
      }
    }).observe(root, {childList: true, subtree: true});
    const poll = () => {
      if (seen) return;
      if (deepQuery(root, B.rowSelector)) rowsSeen(true);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }

  /**
   * Waits until the page is quiet after first paint (500 ms without a long
   * task, at most 2 s after it), then sums blocking time from data arrival.
   */
  B.settle = async () => {
    const fp = await B.firstPaint;
    const cap = fp.paint + 2000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      flushLongtasks();
      const now = performance.now();
      const lastEnd = Math.max(fp.paint, ...B.longtasks.map((t) => t.end));
      if (now >= cap || now - lastEnd >= 500) break;
    }
    const end = performance.now();
    const tasks = B.longtasks.filter((t) => t.end > fp.arrival && t.start < end);
    return {
      tbt: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longestLoadTask: Math.max(0, ...tasks.map((t) => t.duration)),
      window: end - fp.arrival,
    };
  };

  /**
   * Types `q` into the element's search box and presses Enter: the time
   * until the result count shows, and the longest task meanwhile. Undefined
   * where there is no search box (the baseline, comment threads).
   */
  B.search = async (q) => {
    const input = B.root.querySelector('[part~="search-input"]');
    if (!input) return undefined;
    flushLongtasks();
    const from = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, composed: true}));
    const results = () => B.root.querySelector('.results')?.textContent.trim();
    while (!results()) await raf();
    const ms = performance.now() - from;
    await task();
    flushLongtasks();
    const tasks = B.longtasks.filter((t) => t.end > from);
    return {ms, longestTask: Math.max(0, ...tasks.map((t) => t.duration)), results: results()};
  };

  /** The element that scrolls the list: a scrollable box in the element, else the page. */
  function scroller() {
    const candidates = [B.el];
    const walker = document.createTreeWalker(B.root, NodeFilter.SHOW_ELEMENT);
    for (let i = 0; i < 400 && walker.nextNode(); i++) candidates.push(walker.currentNode);
    for (const e of candidates) {
      if (e.scrollHeight > e.clientHeight + 2 && /auto|scroll/.test(getComputedStyle(e).overflowY)) return e;
    }
    return document.scrollingElement;
  }

  /**
   * Scrolls the list to its end in steps with frames between, pressing
   * "show more" (`[part~="more-button"]`) while there is one, at most
   * `maxClicks` times; reports the longest task and the longest frame.
   */
  B.scrollToEnd = async ({steps = 60, after = 3, maxClicks = 15, clickTimeout = 15000} = {}) => {
    flushLongtasks();
    const from = performance.now();
    const box = scroller();
    let last = await raf();
    let longestFrame = 0;
    const frame = async () => {
      const t = await raf();
      longestFrame = Math.max(longestFrame, t - last);
      last = t;
    };
    const scrollDown = async (n) => {
      const start = box.scrollTop;
      for (let i = 1; i <= n; i++) {
        const max = box.scrollHeight - box.clientHeight;
        box.scrollTop = Math.round(start + ((max - start) * i) / n);
        await frame();
      }
    };
    await scrollDown(steps);
    let clicks = 0;
    let stalled = false;
    let button;
    while ((button = deepQuery(B.root, '[part~="more-button"]')) && clicks < maxClicks) {
      const rows = rowCount();
      const height = box.scrollHeight;
      button.click();
      clicks++;
      const t0 = performance.now();
      for (;;) {
        await frame();
        const now = deepQuery(B.root, '[part~="more-button"]');
        if (rowCount() !== rows || box.scrollHeight !== height || now !== button) break;
        if (performance.now() - t0 > clickTimeout) {
          stalled = true;
          break;
        }
      }
      if (stalled) break;
      await scrollDown(after);
    }
    await frame();
    await task();
    flushLongtasks();
    const tasks = B.longtasks.filter((t) => t.end > from);
    const more = deepQuery(B.root, '[part~="more-button"]');
    return {
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      longestFrame,
      clicks,
      stalled,
      atEnd: !more && box.scrollTop + box.clientHeight >= box.scrollHeight - 2,
      scroller: box === document.scrollingElement ? 'page' : box === B.el ? 'element' : `<${box.localName}> in element`,
      rows: rowCount(),
      nodes: B.countNodes(),
    };
  };

  // ---- the baseline: fetch, then all rows as one innerHTML ----

  const esc = (s) =>
    String(s ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

  function signatoryHtml(s) {
    const name = s.url ? `<a href="${esc(s.url)}">${esc(s.name)}</a>` : esc(s.name);
    const meta = [s.role, s.organization].filter(Boolean).map(esc).join(', ');
    return `<li><strong>${name}</strong>${meta ? ` <span class="meta">${meta}</span>` : ''}${
      s.location ? ` <span class="meta">${esc(s.location)}</span>` : ''
    }</li>`;
  }

  function commentBodyHtml(body) {
    return body
      .split(/\n{2,}/)
      .map((p) => (p.startsWith('> ') ? `<blockquote>${esc(p.replace(/^> /gm, ''))}</blockquote>` : `<p>${esc(p)}</p>`))
      .join('');
  }

  /** Threads a flat list (a reply never before its parent) into nested lists. */
  function commentsHtml(items) {
    const children = new Map();
    const ids = new Set(items.map((c) => c.id));
    for (const c of items) {
      const parent = c.parent_id && ids.has(c.parent_id) ? c.parent_id : null;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(c);
    }
    const render = (c) => {
      const replies = children.get(c.id);
      return `<li><article class="comment"><header><strong>${esc(c.author.name)}</strong> <time datetime="${esc(c.created_at)}">${esc(
        c.created_at.slice(0, 10)
      )}</time></header>${commentBodyHtml(c.body)}</article>${replies ? `<ol>${replies.map(render).join('')}</ol>` : ''}</li>`;
    };
    return (children.get(null) ?? []).map(render).join('');
  }

  async function getJson(url) {
    const response = await fetch(url);
    return JSON.parse(await response.text());
  }

  async function baseline(container) {
    const list = document.createElement('ol');
    container.append(list);
    const render = kind === 'comments' ? commentsHtml : (items) => items.map(signatoryHtml).join('');
    const src = params.get('src');
    if (src) {
      const doc = await getJson(src);
      list.innerHTML = render(kind === 'comments' ? doc.comments : doc.signatories);
      return;
    }
    const base = `${params.get('endpoint')}/statements/${encodeURIComponent(params.get('statement'))}/${kind}`;
    const limit = kind === 'comments' ? 20 : 50;
    // One "show more" button that stays in place, like the element's, disabled while a page loads.
    const button = document.createElement('button');
    button.setAttribute('part', 'more-button');
    button.textContent = 'Show more';
    let next = null;
    const load = async (cursor) => {
      button.setAttribute('aria-disabled', 'true');
      const page = await getJson(`${base}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      list.insertAdjacentHTML('beforeend', render(page.items));
      next = page.next;
      button.setAttribute('aria-disabled', 'false');
      if (next && !button.isConnected) container.append(button);
      if (!next) button.remove();
    };
    button.onclick = () => {
      if (next && button.getAttribute('aria-disabled') !== 'true') void load(next);
    };
    await load(null);
  }

  async function start() {
    const host = document.getElementById('host');
    if (target === 'element') {
      await import('/dist/undersigned.js');
      const tag = kind === 'comments' ? 'comment-thread' : 'signatory-list';
      if (!customElements.get(tag)) throw new Error(`<${tag}> is not defined by dist/undersigned.js`);
      const el = document.createElement(tag);
      for (const [key, value] of params) {
        if (key === 'src' || key === 'endpoint' || key === 'statement') el.setAttribute(key, value);
        else if (key.startsWith('attr-')) el.setAttribute(key.slice(5), value);
      }
      el.addEventListener('undersigned-error', (e) => B.errors.push(String(e.detail?.error?.message ?? e.detail?.error)));
      host.append(el);
      B.el = el;
      B.root = el.shadowRoot ?? el;
      watch(B.root);
    } else {
      const el = document.createElement('div');
      el.id = 'baseline';
      host.append(el);
      B.el = el;
      B.root = el;
      watch(el);
      await baseline(el);
    }
  }

  addEventListener('DOMContentLoaded', () => {
    start().catch((error) => {
      B.errors.push(String(error?.stack ?? error));
      rejectPaint(error);
    });
  });
})();
