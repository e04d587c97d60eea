// Loaded before the bundle by test/embed/pages/language.html: records every
// text the widgets' shadow roots hold (text nodes, and the attributes a
// reader meets: aria-label, placeholder, title, alt) from the moment each
// root is attached, at every mutation (delivered before the browser paints)
// and at every animation frame (leaving out what is aria-hidden: the
// honeypot field, hidden from everyone, keeps its bot-bait English label), so a test can tell whether English showed
// at any frame on a page in another language.
window.__texts = new Set();
const roots = [];
const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt'];
function record() {
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        // Style text is not shown.
        const parent = node.parentElement;
        if (parent?.localName !== 'style' && !parent?.closest('[aria-hidden="true"]') && node.data.trim()) window.__texts.add(node.data.trim());
      } else {
        for (const name of ATTRIBUTES) if (node.hasAttribute(name)) window.__texts.add(node.getAttribute(name));
      }
    }
  }
}
const observer = new MutationObserver(record);
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attachShadow.call(this, init);
  roots.push(root);
  observer.observe(root, {childList: true, subtree: true, characterData: true, attributes: true});
  return root;
};
const everyFrame = () => {
  record();
  requestAnimationFrame(everyFrame);
};
requestAnimationFrame(everyFrame);
