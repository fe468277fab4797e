/**
 * Selector specificity as [ids, classes/attributes/pseudo-classes, types/pseudo-elements], close enough to order
 * the WXML panel's matched rules the way the cascade does: `:where()` counts nothing, `:not()`/`:is()`/`:has()`
 * count their argument (its most specific selector), `*` counts nothing.
 */
export type Specificity = readonly [number, number, number];

export function specificityOf(selector: string): Specificity {
  let a = 0;
  let b = 0;
  let c = 0;
  let rest = selector.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  // Functional pseudo-classes: take the most specific argument, then drop the call.
  for (;;) {
    const match = /:(where|is|not|has|matches|-webkit-any)\(([^()]*)\)/.exec(rest);
    if (!match) break;
    if (match[1] !== 'where') {
      const inner = match[2]!.split(',').map((s) => specificityOf(s.trim())).reduce(maxSpecificity, [0, 0, 0] as Specificity);
      a += inner[0];
      b += inner[1];
      c += inner[2];
    }
    rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
  }
  rest = rest.replace(/\[[^\]]*\]/g, () => {
    b++;
    return ' ';
  });
  a += (rest.match(/#[\w-]+/g) ?? []).length;
  b += (rest.match(/\.[\w-]+/g) ?? []).length;
  c += (rest.match(/::[\w-]+(\([^)]*\))?/g) ?? []).length;
  rest = rest.replace(/::[\w-]+(\([^)]*\))?/g, ' ');
  b += (rest.match(/:[\w-]+(\([^)]*\))?/g) ?? []).length;
  c += (rest.match(/(?:^|[\s>+~])[a-zA-Z][\w-]*/g) ?? []).length;
  return [a, b, c];
}

export function compareSpecificity(x: Specificity, y: Specificity): number {
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

function maxSpecificity(x: Specificity, y: Specificity): Specificity {
  return compareSpecificity(x, y) >= 0 ? x : y;
}
