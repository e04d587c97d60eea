// Other comment widgets for bench/long-thread.mjs, each on a stand-in for its
// own backend serving the same generated discussion (bench/data.mjs) in that
// backend's wire format, the way its server pages it. Their client code is
// installed from the npm registry outside git and served from there:
//
//   mkdir -p /tmp/peers && cd /tmp/peers && npm init -y >/dev/null &&
//   npm install --ignore-scripts @waline/client@3.15.2 artalk@2.9.1 twikoo@1.7.9 disqusjs@3.2.1
//
// (PEERS_DIR to use another directory.) Nothing here reaches the network:
// every option that would (emoji sets, avatars, version checks, "is Disqus
// reachable") is turned off or answered locally.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import * as data from './data.mjs';

const DIR = process.env.PEERS_DIR ?? '/tmp/peers';
const NM = join(DIR, 'node_modules');

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
/** What a server that stores Markdown sends such a widget: paragraphs, quotes and links as HTML. */
const bodyHtml = (body) =>
  body
    .split(/\n{2,}/)
    .map((p) => (p.startsWith('> ') ? `<blockquote><p>${esc(p.slice(2))}</p></blockquote>` : `<p>${esc(p).replace(/https?:\/\/\S+/g, (u) => `<a href="${u}" rel="nofollow">${u}</a>`)}</p>`))
    .join('\n');

/** The discussion as roots (oldest first), each with its replies depth first. */
function threads(n) {
  const comments = data.comments(n);
  const children = new Map();
  for (const c of comments) {
    const list = children.get(c.parent_id) ?? [];
    list.push(c);
    children.set(c.parent_id, list);
  }
  const byId = new Map(comments.map((c) => [c.id, c]));
  const roots = (children.get(null) ?? []).map((root) => {
    const replies = [];
    const visit = (c) => {
      for (const r of children.get(c.id) ?? []) {
        replies.push(r);
        visit(r);
      }
    };
    visit(root);
    return {root, replies};
  });
  return {comments, roots, byId};
}

const num = (id) => Number(String(id).slice(1));
const ms = (iso) => Date.parse(iso);

function page(title, head, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}main{max-width:46rem;margin:0 auto;padding:1rem}</style>${head}</head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** The widgets: their page, what counts as a comment and as "load more", and which requests are data. */
export const PEERS = [
  {
    id: 'waline', label: 'Waline 3.15.2 (@waline/client)', page: '/waline/',
    comment: '.wl-card-item', more: '.wl-operation > button.wl-btn', isData: (p) => p.startsWith('/waline/api/'),
  },
  {
    id: 'artalk', label: 'Artalk 2.9.1', page: '/artalk/',
    comment: '.atk-comment-wrap', more: '.atk-list-read-more', isData: (p) => p.startsWith('/artalk/api/'),
  },
  {
    id: 'twikoo', label: 'Twikoo 1.7.9', page: '/twikoo/',
    comment: '.tk-comment', more: '.tk-comments-container > .tk-expand-wrap > .tk-expand', isData: (p) => p === '/twikoo/api',
  },
  {
    id: 'disqusjs', label: 'DisqusJS 3.2.1 (basic mode, Disqus API stand-in)', page: '/disqusjs/',
    comment: '.dsqjs-post-item', more: '#dsqjs-load-more', isData: (p) => p.startsWith('/disqusjs/api/'),
  },
];

const PAGES = {
  '/waline/': () =>
    page('Waline', '<link rel="stylesheet" href="/nm/@waline/client/dist/waline.css">', `<div id="waline"></div>
<script type="module">
import {init} from '/nm/@waline/client/dist/waline.js';
init({el: '#waline', serverURL: location.origin + '/waline', path: '/bench', lang: 'en', emoji: false, search: false, reaction: false,
  pageview: false, comment: false, imageUploader: false, login: 'disable', noCopyright: true, noRss: true});
</script>`),
  '/artalk/': () =>
    page('Artalk', '<link rel="stylesheet" href="/nm/artalk/dist/Artalk.css">', `<div id="artalk"></div>
<script type="module">
import Artalk from '/nm/artalk/dist/Artalk.mjs';
Artalk.init({el: '#artalk', server: location.origin + '/artalk', site: 'bench', pageKey: '/bench', locale: 'en', useBackendConf: false,
  versionCheck: false, emoticons: false, flatMode: false, gravatar: {mirror: location.origin + '/avatar/', params: ''},
  pagination: {pageSize: 20, readMore: true, autoLoad: false}});
</script>`),
  '/twikoo/': () =>
    page('Twikoo', '', `<div id="twikoo"></div>
<script src="/nm/twikoo/dist/twikoo.all.min.js"></script>
<script>twikoo.init({envId: location.origin + '/twikoo/api', el: '#twikoo', lang: 'en', path: '/bench'});</script>`),
  '/disqusjs/': () =>
    page('DisqusJS', '<link rel="stylesheet" href="/nm/disqusjs/dist/browser/styles/disqusjs.css"><script>localStorage.setItem("dsqjs_mode", "dsqjs")</script>', `<div id="disqusjs"></div>
<script src="/nm/disqusjs/dist/browser/disqusjs.es2015.umd.min.js"></script>
<script>new DisqusJS({shortname: 'bench', siteName: 'Bench', identifier: '/bench', api: location.origin + '/disqusjs/api/', apikey: 'bench'}).render(document.getElementById('disqusjs'));</script>`),
};

// ---- the backends' pages, as each server makes them ----

function waline(d, q) {
  const pageSize = Number(q.get('pageSize') ?? 10);
  const pageNo = Number(q.get('page') ?? 1);
  const roots = q.get('sortBy') === 'insertedAt_asc' ? d.roots : [...d.roots].reverse();
  const one = (c, root) => ({
    objectId: num(c.id), nick: c.author.name, link: c.author.url ?? '', avatar: '', comment: bodyHtml(c.body), orig: c.body,
    time: ms(c.created_at), insertedAt: c.created_at, createdAt: c.created_at, updatedAt: c.edited_at ?? c.created_at, like: 0, status: 'approved', type: 'guest',
    ...(root && {pid: num(c.parent_id), rid: num(root.id), reply_user: {nick: d.byId.get(c.parent_id).author.name, link: '', avatar: ''}}),
  });
  const slice = roots.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return {
    errno: 0, errmsg: '',
    data: {page: pageNo, totalPages: Math.ceil(roots.length / pageSize), pageSize, count: d.comments.length,
      data: slice.map(({root, replies}) => ({...one(root), children: replies.map((r) => one(r, root))}))},
  };
}

function artalk(d, q) {
  const limit = Number(q.get('limit') ?? 20);
  const offset = Number(q.get('offset') ?? 0);
  const one = (c, root) => ({
    id: num(c.id), content: c.body, content_marked: bodyHtml(c.body), user_id: num(c.id), nick: c.author.name, email_encrypted: '', link: c.author.url ?? '',
    ua: '', date: c.created_at.replace('T', ' ').slice(0, 19), is_collapsed: false, is_pending: false, is_pinned: false, is_allowed_reply: true, is_verified: false,
    rid: c.parent_id ? num(c.parent_id) : 0, badge_name: '', badge_color: '', ip_region: '', visible: true, vote_up: 0, vote_down: 0,
    page_key: '/bench', page_url: '/bench', site_name: 'bench', root_id: root ? num(root.id) : 0,
  });
  const roots = [...d.roots].reverse();
  const slice = roots.slice(offset, offset + limit);
  return {
    comments: slice.flatMap(({root, replies}) => [one(root), ...replies.map((r) => one(r, root))]),
    count: d.comments.length, roots_count: roots.length,
    page: {id: 1, admin_only: false, key: '/bench', url: '/bench', title: 'Bench', site_name: 'bench', vote_up: 0, vote_down: 0, pv: 0},
  };
}

function twikoo(d, body) {
  if (body.event === 'GET_CONFIG') return {config: {SITE_NAME: 'Bench', SHOW_IMAGE: 'false', SHOW_EMOTION: 'false', LIGHTBOX: 'false', COMMENT_PAGE_SIZE: '8'}};
  if (body.event !== 'COMMENT_GET') return {};
  // The Twikoo server: 8 roots a page, newest first, before the `before` time; every reply of each.
  const roots = [...d.roots].reverse().filter(({root}) => !body.before || ms(root.created_at) < body.before);
  const one = (c) => ({
    id: c.id, nick: c.author.name, avatar: '', mailMd5: '', link: c.author.url ?? '', comment: bodyHtml(c.body), os: '', browser: '', ipRegion: '',
    master: false, like: 0, liked: false, created: ms(c.created_at), updated: ms(c.edited_at ?? c.created_at), top: false,
    ...(c.parent_id && {pid: c.parent_id, ruser: d.byId.get(c.parent_id).author.name}),
  });
  const slice = roots.slice(0, 8);
  return {
    data: slice.map(({root, replies}) => ({...one(root), replies: replies.map((r) => ({...one(r), rid: root.id, replies: []}))})),
    more: roots.length > 8, count: d.comments.length,
  };
}

function disqus(d, path, q) {
  if (path.endsWith('/threads/list.json')) {
    return {code: 0, response: [{id: '1', title: 'Bench', posts: d.comments.length, link: 'http://localhost/bench', identifiers: ['/bench'], isClosed: true}]};
  }
  // threads/listPostsThreaded: 25 posts a page (the API's default limit), threaded order, newest threads first.
  const order = q.get('order') === 'asc' ? d.roots : [...d.roots].reverse();
  d.disqusOrder ??= {};
  const flat = (d.disqusOrder[q.get('order') ?? 'desc'] ??= order.flatMap(({root, replies}) => [root, ...replies]));
  const start = Number(q.get('cursor') ?? 0);
  const end = start + 25;
  const post = (c) => ({
    id: String(num(c.id)), parent: c.parent_id ? num(c.parent_id) : null, message: bodyHtml(c.body), raw_message: c.body,
    createdAt: c.created_at.slice(0, 19), isDeleted: false, isApproved: true, likes: 0, dislikes: 0, points: 0,
    author: {name: c.author.name, username: `u${num(c.id)}`, profileUrl: c.author.url ?? '', isAnonymous: !c.author.url, avatar: {cache: '/avatar/x.gif', permalink: '/avatar/x.gif'}},
  });
  return {code: 0, cursor: {hasNext: end < flat.length, next: String(end), hasPrev: start > 0}, response: flat.slice(start, end).map(post)};
}

const TYPES = {'.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml'};
const GIF = Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64');

/** Serves the peers' pages, their client files from PEERS_DIR and their backends' stand-ins, for `n` comments. */
export function startPeerServer({n = 5000} = {}) {
  const d = threads(n);
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    const send = (status, type, body) => res.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*'}).end(body);
    const json = (value) => send(200, 'application/json; charset=utf-8', JSON.stringify(value));
    try {
      if (PAGES[path]) return send(200, 'text/html; charset=utf-8', PAGES[path]());
      if (path.startsWith('/nm/')) {
        const file = join(NM, path.slice(4).replace(/\.\.+/g, ''));
        return send(200, TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', await readFile(file));
      }
      if (path.startsWith('/avatar/')) return send(200, 'image/gif', GIF);
      if (req.method === 'OPTIONS') {
        return res.writeHead(204, {'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': '*'}).end();
      }
      log.push(`${req.method} ${path}${url.search}`);
      if (path === '/waline/api/comment') return json(waline(d, url.searchParams));
      if (path === '/artalk/api/v2/comments') return json(artalk(d, url.searchParams));
      if (path === '/twikoo/api') {
        let body = '';
        for await (const chunk of req) body += chunk;
        return json(twikoo(d, JSON.parse(body || '{}')));
      }
      if (path.startsWith('/disqusjs/api/3.0/')) return json(disqus(d, path, url.searchParams));
      // Anything else a widget asks its backend for (counters, settings): an empty answer.
      return json(path.startsWith('/waline/') ? {errno: 0, data: []} : {});
    } catch (error) {
      send(404, 'text/plain', String(error.message));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        log,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeIdleConnections?.();
        }),
      });
    });
  });
}
