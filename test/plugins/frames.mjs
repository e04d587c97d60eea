// A web-test-runner plugin that reads inside a frame the test page cannot
// reach: the embed page's preview runs on an opaque origin, as a pasted
// snippet runs on someone else's site. Tests call
// `executeServerCommand('frame-read', {parent, selectors, style})`: the
// srcdoc frame whose parent's address contains `parent`, then `selectors`
// in turn, each inside the previous match's shadow root →
// {origin, found, text, style} (style: that computed property of the match).
export function framesPlugin() {
  return {
    name: 'frames',
    async executeCommand({command, payload, session}) {
      if (command !== 'frame-read') return undefined;
      const page = session.browser.getPage(session.id);
      const frame = page.frames().find((f) => f.url() === 'about:srcdoc' && f.parentFrame()?.url().includes(payload.parent));
      if (!frame) return {found: false};
      try {
        return await frame.evaluate(({selectors, style}) => {
          let scope = document;
          let match = null;
          for (const selector of selectors) {
            match = scope.querySelector(selector);
            if (!match) break;
            scope = match.shadowRoot ?? match;
          }
          return {
            origin: location.origin,
            found: match !== null,
            text: match?.textContent ?? null,
            style: match && style ? getComputedStyle(match).getPropertyValue(style) : null,
          };
        }, payload);
      } catch {
        // The frame navigated (a new preview) while it was read: nothing there yet.
        return {found: false};
      }
    },
  };
}
