/** The console's place, in the URL's hash: `#statements`, `#new`, `#edit/<id>`, `#queue[/<id>]`, `#import/<id>`, `#invitations/<id>`, `#mail`. */
export type Route =
  | {view: 'statements'}
  | {view: 'new'}
  | {view: 'edit'; id: string}
  | {view: 'queue'; id: string | undefined}
  | {view: 'import'; id: string}
  | {view: 'invitations'; id: string}
  | {view: 'mail'};

export function parseRoute(hash: string): Route {
  const [view = '', ...rest] = hash.replace(/^#/, '').split('/');
  const id = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  if (view === 'new') return {view};
  if (view === 'edit' && id) return {view, id};
  if (view === 'queue') return {view, id};
  if (view === 'import' && id) return {view, id};
  if (view === 'invitations' && id) return {view, id};
  if (view === 'mail') return {view};
  return {view: 'statements'};
}
