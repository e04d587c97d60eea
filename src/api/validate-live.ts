// A live stream's messages, checked like every body from the network
// (validate.ts): only live-stream.ts uses this, so it loads with that chunk.
import type {LiveChange} from './types.js';
import {array, comment, count, guard, object, optCount, signatory, statement} from './validate.js';

/** A live stream's `change` message (docs/contract.md "Live events"). */
export const parseLiveChange = (v: unknown): LiveChange =>
  guard(() => {
    const o = object(v, 'change');
    const change: LiveChange = {};
    if (o.signatories != null) {
      const s = object(o.signatories, 'change.signatories');
      const k = object(s.kinds ?? {}, 'change.signatories.kinds');
      change.signatories = {
        count: count(s.count, 'change.signatories.count'),
        listed: count(s.listed, 'change.signatories.listed'),
        kinds: {organization: optCount(k.organization, 'kinds.organization') ?? 0, individual: optCount(k.individual, 'kinds.individual') ?? 0},
        added: array(s.added ?? [], 'change.signatories.added').map((x, i) => signatory(x, `added[${i}]`)),
      };
    }
    if (o.comments != null) {
      const c = object(o.comments, 'change.comments');
      change.comments = {
        count: count(c.count, 'change.comments.count'),
        added: array(c.added ?? [], 'change.comments.added').map((x, i) => comment(x, `added[${i}]`)),
      };
    }
    if (o.statement != null) change.statement = statement(o.statement);
    return change;
  });
