// Makes this page a browser without the HTML Sanitizer API (loaded before
// the bundle): the statement body must go through DOMPurify's chunk.
delete Element.prototype.setHTML;
