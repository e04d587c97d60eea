// A Rollup plugin for the one-script bundle: message keys (src/i18n's
// MessageKey, the English catalog's property names) become short ids, in
// every catalog (English in the bundle, the lazily loaded others) and at
// every place a key is written, so the bundle does not carry each key's
// name twice or more. The package's modules in dist/ keep the names; only
// what Rollup bundles is renamed.
//
// Which string is a key is the type checker's word, not a guess by its
// text ('published' is a key and a write status): a string literal is
// renamed where its contextual type is a union of key names only (a
// MessageKey parameter, a Record<…, MessageKey> value, a function returning
// one). Catalog property names are renamed in the exported catalogs of
// src/i18n/locales/. The build fails where a literal spelled like a key is
// left as it is but its contextual type is not plain `string` — a place this
// plugin may not understand — so nothing half-renamed ships silently.
// SHORT_KEYS_DEBUG=1 prints each decision (file:line, key, its type).
import ts from 'typescript';
import {resolve, relative} from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SRC = resolve(ROOT, 'src');
const DIST = resolve(ROOT, 'dist');
const LOCALES = resolve(SRC, 'i18n/locales');
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** 'a'…'z', 'A'…'Z', then two letters: the i-th short id. */
function shortId(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let id = '';
  do {
    id = letters[i % letters.length] + id;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return id;
}

/** The English catalog's keys: `en` (en.ts) and `enForms` (en-forms.ts), in that order. */
function keysOf(program) {
  const keys = [];
  for (const [fileName, name] of [['en.ts', 'en'], ['en-forms.ts', 'enForms']]) {
    const file = program.getSourceFile(resolve(LOCALES, fileName));
    if (!file) throw new Error(`short-keys: no src/i18n/locales/${fileName}`);
    let found;
    ts.forEachChild(file, function visit(node) {
      const init = node.initializer && ts.isSatisfiesExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (ts.isVariableDeclaration(node) && node.name.getText(file) === name && init && ts.isObjectLiteralExpression(init)) {
        found = init.properties.map((p) => p.name.getText(file));
      }
      ts.forEachChild(node, visit);
    });
    if (!found?.length) throw new Error(`short-keys: no catalog \`${name}\` in src/i18n/locales/${fileName}`);
    keys.push(...found);
  }
  return new Map(keys.map((k, i) => [k, shortId(i)]));
}

/** Emits src/ through the renaming transformer; returns dist path → {code, map}. */
function emit(map) {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(ROOT, 'tsconfig.build.json'), {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); }});
  const program = ts.createProgram({rootNames: config.fileNames, options: {...config.options, declaration: false, declarationMap: false}});
  const checker = program.getTypeChecker();
  const keys = map ?? keysOf(program);
  const problems = [];
  let renamed = 0;

  const keyUnion = (type) => {
    if (!type) return false;
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    return parts.length > 0 && parts.every((t) => t.isStringLiteral() && keys.has(t.value));
  };
  // The object an exported const of src/i18n/locales/ is (`en = {…} satisfies …`, `es: Catalog = {…}`).
  const isCatalog = (node, file) => {
    if (!file.fileName.startsWith(LOCALES + '/') || !ts.isObjectLiteralExpression(node)) return false;
    const declaration = ts.isSatisfiesExpression(node.parent) ? node.parent.parent : node.parent;
    return (
      ts.isVariableDeclaration(declaration) &&
      ts.isVariableStatement(declaration.parent.parent) &&
      Boolean(declaration.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    );
  };

  const transformer = (context) => (file) => {
    const f = context.factory;
    const visit = (node) => {
      if (isCatalog(node, file)) {
        return f.updateObjectLiteralExpression(
          node,
          node.properties.map((p) => {
            const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
            if (!ts.isPropertyAssignment(p) || name === undefined || !keys.has(name)) {
              problems.push(`${relative(ROOT, file.fileName)}: catalog entry ${p.name?.getText(file)} is not a key of en`);
              return p;
            }
            renamed++;
            return f.updatePropertyAssignment(p, f.createIdentifier(keys.get(name)), ts.visitNode(p.initializer, visit));
          })
        );
      }
      // Types are erased: what they spell does not reach the bundle.
      if (ts.isTypeNode(node)) return node;
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && keys.has(node.text)) {
        const parent = node.parent;
        // A comparison or a case has no contextual type: the other side's type decides.
        const other = ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)
          ? (parent.left === node ? parent.right : parent.left)
          : ts.isCaseClause(parent) && parent.expression === node ? parent.parent.parent.expression : undefined;
        const type = other ? checker.getTypeAtLocation(other) : checker.getContextualType(node);
        if (process.env.SHORT_KEYS_DEBUG) {
          const n = type?.isUnion() ? type.types.length : type ? 1 : 0;
          console.error(`${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1} '${node.text}' ${keyUnion(type) ? 'renamed' : 'kept'} ${n < 20 && type ? checker.typeToString(type) : n}`);
        }
        if (keyUnion(type)) {
          renamed++;
          return f.createStringLiteral(keys.get(node.text));
        }
        // Spelled like a key where the type says something else (a status, an
        // attribute value, a property name): left alone. Only an untyped
        // value is a doubt; a key there would break at run time.
        const where = `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
        if (!type) problems.push(`${where}: '${node.text}' has no contextual type`);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(file, visit);
  };

  const out = new Map();
  const result = program.emit(undefined, (name, text) => out.set(resolve(name), text), undefined, false, {before: [transformer]});
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) throw new Error(`short-keys: ${ts.formatDiagnostics(errors, {getCanonicalFileName: (n) => n, getCurrentDirectory: () => ROOT, getNewLine: () => '\n'})}`);
  return {out, keys, problems, renamed};
}

export default function shortKeys() {
  let emitted;
  return {
    name: 'short-keys',
    buildStart() {
      emitted = emit();
      if (emitted.problems.length) this.error(`short-keys: strings spelled like message keys that were not renamed:\n${emitted.problems.join('\n')}`);
    },
    load(id) {
      const file = resolve(id);
      if (!file.startsWith(DIST + '/') || !file.endsWith('.js')) return null;
      const code = emitted.out.get(file);
      if (code === undefined) return null;
      const map = emitted.out.get(`${file}.map`);
      // Lines end with the source map comment tsc writes; Rollup reads the map we hand it.
      return {code: code.replace(/\n\/\/# sourceMappingURL=.*$/, '\n'), map: map ?? null};
    },
  };
}
