/**
 * The npm package as `npm pack` would publish it (run after `npm run build`):
 * every export resolves to a packed file, nothing but the library ships, the
 * manifest describes the five elements, and a TypeScript consumer gets the
 * types through the exports map.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const TAGS = ['statement-card', 'signatory-list', 'comment-thread', 'sign-form', 'comment-form'];

type Target = string | {types?: string; default: string};

let packed: Set<string>;

before(() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'});
  const [report] = JSON.parse(out) as [{files: {path: string}[]}];
  packed = new Set(report.files.map((file) => file.path));
});

const strip = (path: string) => path.replace(/^\.\//, '');

describe('npm package', () => {
  it('every exports target and its types are in the package', () => {
    const exports = pkg.exports as Record<string, Target>;
    assert.ok(Object.keys(exports).length >= 15);
    for (const [name, target] of Object.entries(exports)) {
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) {
        if (file) assert.ok(packed.has(strip(file)), `${name} → ${file} is not packed`);
      }
    }
    for (const file of [pkg.main, pkg.module, pkg.types]) assert.ok(packed.has(strip(file)), `${file} is not packed`);
  });

  it('exports each element alone (registering) and as a class (not registering), with types', () => {
    for (const tag of TAGS) {
      assert.deepEqual(pkg.exports[`./${tag}`], {
        types: `./dist/elements/${tag}/${tag}.d.ts`,
        default: `./dist/elements/${tag}/${tag}.js`,
      });
      assert.deepEqual(pkg.exports[`./${tag}/class`], {
        types: `./dist/elements/${tag}/${tag}.component.d.ts`,
        default: `./dist/elements/${tag}/${tag}.component.js`,
      });
      const registering = readFileSync(join(root, `dist/elements/${tag}/${tag}.js`), 'utf8');
      assert.match(registering, new RegExp(`\\.define\\('${tag}'\\)`));
      const declarations = readFileSync(join(root, `dist/elements/${tag}/${tag}.d.ts`), 'utf8');
      assert.match(declarations, new RegExp(`interface HTMLElementTagNameMap[^}]*'${tag}'`));
      const component = readFileSync(join(root, `dist/elements/${tag}/${tag}.component.js`), 'utf8');
      assert.doesNotMatch(component, /\.define\(/, `${tag}.component.js registers a tag`);
    }
  });

  it('ships only the library: no sources, tests, server, demo, benchmarks or tsc source maps', () => {
    const stray = [...packed].filter(
      (path) => /^(src|test|server|demo|bench|scripts)\//.test(path) || (path.endsWith('.map') && !/^dist\/undersigned(\.iife)?\.js\.map$/.test(path))
    );
    assert.deepEqual(stray, []);
    assert.ok(packed.has('README.md'));
    assert.ok(packed.has('dist/undersigned.iife.js'));
  });

  it('keeps the server out: none of its dependencies is a runtime dependency, and no bin', () => {
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['dompurify', 'lit', 'tslib']);
    assert.equal(pkg.bin, undefined);
  });

  it('marks only the registering modules and bundles as having side effects', () => {
    for (const file of pkg.sideEffects as string[]) {
      assert.ok(packed.has(strip(file)), `${file} is not packed`);
      assert.match(file, /\/(index|undersigned(\.iife)?|statement-card|signatory-list|comment-thread|sign-form|comment-form)\.js$/);
    }
    for (const tag of TAGS) assert.ok(pkg.sideEffects.includes(`./dist/elements/${tag}/${tag}.js`), tag);
  });

  it('custom-elements.json ships and describes the five elements: attributes, events, parts', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(packed.has('custom-elements.json'));
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    type Declaration = {tagName?: string; attributes?: {name: string}[]; events?: {name: string}[]; cssParts?: {name: string}[]};
    const elements = new Map<string, Declaration>();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations as Declaration[]) {
        if (declaration.tagName) elements.set(declaration.tagName, declaration);
      }
    }
    assert.deepEqual([...elements.keys()].sort(), [...TAGS].sort());
    for (const [tag, declaration] of elements) {
      const attributes = declaration.attributes!.map((a) => a.name);
      for (const shared of ['endpoint', 'statement', 'src']) assert.ok(attributes.includes(shared), `${tag} lacks ${shared}`);
      const events = declaration.events!.map((e) => e.name);
      assert.ok(events.includes('undersigned-error'), `${tag} lacks undersigned-error`);
      assert.ok(declaration.cssParts!.some((part) => part.name === 'base'), `${tag} lacks the base part`);
    }
    assert.ok(elements.get('statement-card')!.events!.some((e) => e.name === 'undersigned-load'));
    assert.ok(elements.get('signatory-list')!.attributes!.some((a) => a.name === 'page-size'));
    assert.ok(elements.get('comment-thread')!.attributes!.some((a) => a.name === 'max-depth'));
    assert.ok(elements.get('comment-form')!.attributes!.some((a) => a.name === 'parent-id'));
    assert.ok(elements.get('statement-card')!.cssParts!.some((part) => part.name === 'credit'));
    // Numbers a webmaster types: a type and a default they can read.
    const attribute = (tag: string, name: string) => elements.get(tag)!.attributes!.find((a) => a.name === name) as {type?: {text: string}; default?: string};
    for (const [tag, name, value] of [['signatory-list', 'page-size', '50'], ['comment-thread', 'page-size', '20'], ['comment-thread', 'max-depth', '3']]) {
      assert.deepEqual([attribute(tag, name).type?.text, attribute(tag, name).default], ['number', value], `${tag} ${name}`);
    }
  });
});

describe('a TypeScript consumer', () => {
  let dir: string;
  before(() => {
    // The package as a dependency of a fresh project (a symlink stands in for the install).
    dir = mkdtempSync(join(tmpdir(), 'undersigned-consumer-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/undersigned'), 'dir');
  });
  after(() => rmSync(dir, {recursive: true, force: true}));

  /** Type-checks `source` as consumer.ts of a project that depends on the package (the built .d.ts files). */
  function compile(source: string): void {
    writeFileSync(join(dir, 'consumer.ts'), source);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM'], skipLibCheck: false, types: []},
        files: ['consumer.ts'],
      })
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], {cwd: dir, encoding: 'utf8'});
    } catch (error) {
      assert.fail(String((error as {stdout?: string}).stdout ?? error));
    }
  }

  it('gets element types through the exports map, and a tag registered by a side-effect import', () => {
    compile(
      `import 'undersigned/signatory-list';
import {StatementCard} from 'undersigned/statement-card/class';
import type {Statement} from 'undersigned';
class MyCard extends StatementCard {}
MyCard.define('my-card');
const list: import('undersigned/signatory-list/class').SignatoryList = document.createElement('signatory-list');
list.pageSize = 20;
const statement: Statement | undefined = undefined;
export {list, statement};
`
    );
  });

  it('finds elements, data types, errors and sources at the root, and no internals', () => {
    compile(`import {StatementCard, SignatoryList, CommentThread, SignForm, CommentForm, ApiError, isAbortError, HttpSource, StaticSource} from 'undersigned';
import type {Statement, Signatory, Comment, StatementSource, Problem} from 'undersigned';
// @ts-expect-error: internal
import {fetchJson} from 'undersigned';
// @ts-expect-error: internal
import {defaultPolicy} from 'undersigned';
// @ts-expect-error: internal
import {sourceFor} from 'undersigned';
// @ts-expect-error: internal
import {foldForSearch} from 'undersigned';
export type {Statement, Signatory, Comment, StatementSource, Problem};
export {StatementCard, SignatoryList, CommentThread, SignForm, CommentForm, ApiError, isAbortError, HttpSource, StaticSource, fetchJson, defaultPolicy, sourceFor, foldForSearch};
`);
  });

  it('hears the public events with typed details, on the document and on an element', () => {
    // Each @ts-expect-error fails the compile if its line type-checks: the detail types are not loose.
    compile(`import 'undersigned';
import type {UndersignedErrorDetail} from 'undersigned';
document.addEventListener('undersigned-error', (e) => {
  const action: 'load' | 'sign' | 'comment' = e.detail.action;
  const detail: UndersignedErrorDetail = e.detail;
  // @ts-expect-error: no such field
  e.detail.nope;
  void action, detail;
});
document.addEventListener('undersigned-sign', (e) => e.detail.signatory.name.toUpperCase());
document.addEventListener('undersigned-comment', (e) => e.detail.comment.body.length);
document.addEventListener('undersigned-load', (e) => e.detail.statement.title.trim());
document.querySelector('comment-form')!.addEventListener('undersigned-cancel', (e) => {
  const detail: null = e.detail;
  void detail;
});
document.querySelector('signatory-list')!.addEventListener('undersigned-sign', (e) => {
  // @ts-expect-error: a status is 'published' or 'pending'
  const status: 'rejected' = e.detail.status;
  void status;
});
`);
  });
});
