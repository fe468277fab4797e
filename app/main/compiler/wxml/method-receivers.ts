/**
 * glass-easel-template-compiler 0.12.1 compiles a method call in a binding, `{{s.includes('a')}}`, to
 * `P(X(D.s).includes)("a")`: the method is called without its receiver, so every `{{str.method()}}` throws
 * (`String.prototype.includes called on null or undefined`). WeChat keeps the receiver (antd-mini relies on it).
 * This rewrite binds the method to the object it was read from; plain calls `P(D.f)(…)` are left alone.
 */

const IDENT_CHAR = /[\w$]/;

/** Rewrites every `P(X(obj).name)` / `P(X(obj)[key])` in generated template code to keep `obj` as `this`. */
export function keepMethodReceivers(code: string): string {
  if (!code.includes('P(X(')) return code;
  return rewrite(code);
}

function rewrite(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = stringEnd(code, i);
      out += code.slice(i, end);
      i = end;
      continue;
    }
    if (ch === 'P' && code[i + 1] === '(' && (i === 0 || !IDENT_CHAR.test(code[i - 1]!))) {
      const close = matchingParen(code, i + 1);
      if (close < 0) return out + code.slice(i);
      out += callee(code.slice(i + 2, close));
      i = close + 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** `inner` is what stands between `P(` and its `)`. */
function callee(inner: string): string {
  if (inner.startsWith('X(')) {
    const close = matchingParen(inner, 1);
    const member = close < 0 ? '' : inner.slice(close + 1);
    if (isMemberAccess(member)) {
      const object = rewrite(inner.slice(2, close));
      const access = rewrite(member);
      return `P(($o$=>{var $f$=$o$${access};return typeof $f$==='function'?$f$.bind($o$):$f$})(X(${object})))`;
    }
  }
  return `P(${rewrite(inner)})`;
}

/** `.name` or one `[expression]` spanning the whole rest. */
function isMemberAccess(member: string): boolean {
  if (/^\.[A-Za-z_$][\w$]*$/.test(member)) return true;
  if (!member.startsWith('[')) return false;
  return matchingBracket(member, 0) === member.length - 1;
}

function stringEnd(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length) {
    if (code[i] === '\\') i += 2;
    else if (code[i] === quote) return i + 1;
    else i += 1;
  }
  return code.length;
}

function matchingParen(code: string, open: number): number {
  return matching(code, open, '(', ')');
}

function matchingBracket(code: string, open: number): number {
  return matching(code, open, '[', ']');
}

/** Index of the closer that balances `code[open]`, skipping string literals; -1 when there is none. */
function matching(code: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  let i = open;
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      i = stringEnd(code, i);
      continue;
    }
    if (ch === opener) depth += 1;
    else if (ch === closer) {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return -1;
}
