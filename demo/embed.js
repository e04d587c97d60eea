// The embed-code page: options → one snippet, shown, copied, and run as is
// in the preview frame (its srcdoc is the snippet in an empty page).
const form = document.getElementById('options');
const snippetBox = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copyStatus = document.getElementById('copy-status');
const problem = document.getElementById('problem');
const preview = document.getElementById('preview');

// Defaults point at this site, as absolute URLs: the snippet runs on another.
form.endpoint.value = new URL('/v1', location.href).href;
form.src.value = new URL('/demo/data/statement.json', location.href).href;
form.script.value = new URL('/dist/undersigned.js', location.href).href;

const escape = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function isHttpUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The snippet for the current options, or {error} saying what to fix. */
function buildSnippet(o) {
  if (!isHttpUrl(o.script)) return {error: 'The script URL must be a full address (https://…).'};
  if (o.mode === 'live' && !isHttpUrl(o.endpoint)) return {error: 'The endpoint must be a full address (https://…/v1).'};
  if (o.mode === 'live' && !o.statement.trim()) return {error: 'Give the statement’s id.'};
  if (o.mode === 'static' && !isHttpUrl(o.src)) return {error: 'The document URL must be a full address (https://…).'};
  if (!o.card && !o.signatories && !o.comments) return {error: 'Choose at least one thing to show.'};

  const source = o.mode === 'live' ? ` endpoint="${escape(o.endpoint)}" statement="${escape(o.statement.trim())}"` : ` src="${escape(o.src)}"`;
  const look = `${o.lang ? ` lang="${escape(o.lang)}"` : ''}${o.theme !== 'auto' ? ` theme="${escape(o.theme)}"` : ''}`;
  const lines = [
    o.format === 'module'
      ? `<script type="module" src="${escape(o.script)}"></script>`
      : `<script defer src="${escape(o.script)}"></script>`,
  ];
  const tags = [o.card && 'statement-card', o.signatories && 'signatory-list', o.comments && 'comment-thread'].filter(Boolean);
  if (o.customAccent) {
    // A <style> block, not a style attribute: CMS sanitisers and strict CSPs remove those.
    lines.push(`<style>\n  ${tags.join(', ')} {\n    --undersigned-color-accent: ${o.accent};\n  }\n</style>`);
  }
  const inner = [o.signatories && 'signatory-list', o.comments && 'comment-thread'].filter(Boolean);
  if (o.card) {
    lines.push(`<statement-card${source}${look}>`);
    for (const tag of inner) lines.push(`  <${tag}></${tag}>`);
    lines.push('</statement-card>');
  } else {
    for (const tag of inner) lines.push(`<${tag}${source}${look}></${tag}>`);
  }
  return {snippet: lines.join('\n')};
}

function options() {
  const data = new FormData(form);
  return {
    mode: data.get('mode'),
    endpoint: data.get('endpoint') ?? '',
    statement: data.get('statement') ?? '',
    src: data.get('src') ?? '',
    card: data.has('card'),
    signatories: data.has('signatories'),
    comments: data.has('comments'),
    lang: data.get('lang'),
    theme: data.get('theme'),
    customAccent: data.has('customAccent'),
    accent: data.get('accent'),
    script: data.get('script') ?? '',
    format: data.get('format'),
  };
}

let previewTimer;
function update() {
  const o = options();
  for (const el of form.querySelectorAll('.live-only')) el.hidden = o.mode !== 'live';
  for (const el of form.querySelectorAll('.static-only')) el.hidden = o.mode !== 'static';
  form.accent.disabled = !o.customAccent;
  const {snippet, error} = buildSnippet(o);
  problem.textContent = error ?? '';
  snippetBox.value = snippet ?? '';
  copyButton.disabled = !snippet;
  copyStatus.textContent = '';
  if (!snippet) return;
  // The preview reloads once typing pauses, not on every key.
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    preview.srcdoc = `<!doctype html>\n<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>\n${snippet}\n</body></html>`;
  }, 250);
}

copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippetBox.value);
    copyStatus.textContent = 'Copied. Paste it into your page.';
  } catch {
    // No clipboard access (denied, or not a secure page): select it for Ctrl+C / ⌘C.
    snippetBox.focus();
    snippetBox.select();
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});

// A classic script cannot run the ES module (`export` is a syntax error
// there): the format choice switches between the two builds of this site.
const BUILDS = {module: 'undersigned.js', classic: 'undersigned.iife.js'};
form.addEventListener('change', (event) => {
  if (event.target.name !== 'format') return;
  const url = form.script.value;
  const other = BUILDS[event.target.value === 'classic' ? 'module' : 'classic'];
  if (url.endsWith(`/${other}`)) form.script.value = url.slice(0, -other.length) + BUILDS[event.target.value];
});
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
update();
