import { Script } from 'node:vm';

/**
 * glass-easel pastes WXS code into the group file as is, so one WXS syntax error (or a `// comment` on the last
 * line) breaks every template of the package, and a WXS that throws while loading breaks the whole group when
 * it is evaluated. Each module is therefore checked here and wrapped before it goes in.
 */
export type WxsCheck = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly code: string; readonly line: number; readonly message: string };

const FILE = 'wxs-module.js';

/**
 * WXS's own built-ins, which glass-easel 0.12.1 does not define: `getRegExp(pattern, flags)` and `getDate(...)`
 * (no argument: now; else the Date constructor's arguments). Module-local, so a module may redefine them.
 */
const WXS_BUILTINS =
  'var getRegExp = function (p, f) { return new RegExp(p, f); }; ' +
  'var getDate = function () { return new (Function.prototype.bind.apply(Date, [null].concat(Array.prototype.slice.call(arguments))))(); }; ';

export function guardWxs(original: string): WxsCheck {
  const source = keepUnknownEscapes(typeNameConstructors(original));
  try {
    // declared, never called: V8 only pre-parses it, which is all a syntax check needs
    new Script(`function check(require, exports, module) {\n${source}\n}`, { filename: FILE });
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const line = Number(new RegExp(`${FILE.replace('.', '\\.')}:(\\d+)`).exec(stack)?.[1] ?? 2) - 1;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'module.exports = {};\n', line: Math.max(line, 1), message };
  }
  // a throw at load time stays inside this module instead of aborting the group's evaluation
  return { ok: true, code: `${WXS_BUILTINS}try {\n${source}\n} catch (e) { console.error('WXS module failed to load:', e); }\n` };
}

const TOKENS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\.constructor\b(?!\s*(?:\(|=(?!=)|\?\.|\.name\b))/g;

/**
 * In WXS, `x.constructor` is the type's name as a string (`[].constructor === 'Array'`), an idiom vant and other
 * libraries rely on; in JS it is the function. Reads become `.constructor?.name` (strings and comments skipped;
 * WXS has no regex literals or template strings), which gives the same names.
 */
export function typeNameConstructors(source: string): string {
  if (!source.includes('.constructor')) return source;
  return source.replace(TOKENS, (m) => (m.startsWith('.constructor') ? '.constructor?.name' : m));
}

/** Escapes JS gives a meaning to; after any other backslash WXS keeps the backslash (wcc writes it as `\x5c`). */
const JS_ESCAPES = new Set(['\'', '"', '\\', 'b', 'f', 'n', 'r', 't', 'v', '0', 'x', 'u', '\n', '\r', '\u2028', '\u2029']);

/**
 * In a WXS string `'\d'` is backslash + d (vant's `getRegExp('^-?\d+(\.\d+)?$')` matches digits); in JS it is
 * just `d`. Unknown escapes inside string literals get their backslash doubled (comments left alone).
 */
export function keepUnknownEscapes(source: string): string {
  if (!source.includes('\\')) return source;
  return source.replace(TOKENS, (m) => {
    if (m[0] !== '"' && m[0] !== "'") return m;
    return m.replace(/\\([\s\S])/g, (escape, next: string) => (JS_ESCAPES.has(next) || /[1-7]/.test(next) ? escape : `\\\\${next}`));
  });
}
