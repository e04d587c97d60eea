import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
  isEmail, LIMITS, matchesSearch, normalizeText, searchWords, signatorySearchText, textFault, textLength,
} from '../../src/contract/index.ts';

/** The shared rules themselves; the server suite and the browser form tests check each edge applies them. */
describe('contract rules', () => {
  test('lengths count code points, so an emoji is one character on both edges', () => {
    assert.equal(textLength('😀'.repeat(200)), 200);
    assert.equal(textFault('😀'.repeat(200), {max: LIMITS.name}), undefined);
    assert.equal(textFault('😀'.repeat(201), {max: LIMITS.name}), 'too-long');
  });

  test('control characters are refused, line breaks only where text is multiline', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\t', '\n']) {
      assert.equal(textFault(`a${c}b`, {max: 10}), 'control', JSON.stringify(c));
    }
    assert.equal(textFault('a\nb', {max: 10, multiline: true}), undefined);
    assert.equal(textFault('a\u001bb', {max: 10, multiline: true}), 'control');
    assert.equal(normalizeText('  a\r\nb\rc  '), 'a\nb\nc');
  });

  test('a name needs a visible character: zero-width and bidi controls alone are not one', () => {
    for (const name of ['\u200b', '\u200b\u200c\u200d\u2060', '\u202e', '\u2066\u2069', '\u3164', '\u00ad', '\u0301', '\u00a0\u3000']) {
      assert.equal(textFault(name, {max: 200, visible: true}), 'invisible', JSON.stringify(name));
    }
    for (const name of ['Ana', '李', 'عمر', '\u202eAna', 'ß', '😀']) {
      assert.equal(textFault(name, {max: 200, visible: true}), undefined, name);
    }
  });

  test('an e-mail address has one @ and a dotted domain', () => {
    for (const ok of ['ana@example.org', 'a.b+c@mail.example.co.uk', 'josé@exämple.de']) assert.ok(isEmail(ok), ok);
    for (const bad of ['ana@example', 'ana', '@example.org', 'ana@@example.org', 'ana@.org', 'ana@example.', 'a b@c.de',
      'ana@exa\u0007mple.org', `${'a'.repeat(250)}@b.de`]) {
      assert.ok(!isEmail(bad), bad);
    }
  });

  test('a search matches when each word, folded, occurs in some field', () => {
    const text = signatorySearchText({name: 'Tomás Ito', organization: null, location: 'Kyoto'});
    assert.deepEqual(searchWords('  TOMAS   kyoto tomas '), ['tomas', 'kyoto']);
    assert.ok(matchesSearch(text, searchWords('tomas kyoto')));
    assert.ok(matchesSearch(text, searchWords('Kyōto')));
    assert.ok(!matchesSearch(text, searchWords('tomas osaka')));
    assert.ok(matchesSearch(text, []));
    assert.equal(searchWords('a b c d e f g h i j').length, LIMITS.searchWords);
  });
});
