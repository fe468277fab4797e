import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TmplGroup } from 'glass-easel-template-compiler';
import { keepMethodReceivers } from './method-receivers';

// The template compiler's own runtime helpers, as the generated code sees them.
const helpers = new TmplGroup();
const runtime = helpers.getRuntimeString() as string;
helpers.free();

function evaluate(expression: string, data: Record<string, unknown>): unknown {
  return new Function('D', `${runtime};return ${expression}`)(data);
}

test('a method read from an object is called with that object as this', () => {
  const code = keepMethodReceivers('P(X(D.s).includes)("b")');
  assert.equal(evaluate(code, { s: 'abc' }), true);
  assert.equal(evaluate(keepMethodReceivers('P(X(D.n).toFixed)(2)'), { n: 3.14159 }), '3.14');
  assert.equal(evaluate(keepMethodReceivers('P(X(D.a)["join"])("+")'), { a: ['x', 'y'] }), 'x+y');
});

test('nested calls, calls in arguments and missing objects', () => {
  const code = keepMethodReceivers('P(X(X(D.a).b).slice)(P(X(D.c).indexOf)("q"),P(X(D.c).indexOf)("r"))');
  assert.equal(evaluate(code, { a: { b: 'hello' }, c: 'pqr' }), 'e');
  // a missing object or method renders nothing instead of throwing, as before
  assert.equal(evaluate(keepMethodReceivers('P(X(D.none).includes)("a")'), {}), undefined);
  assert.equal(evaluate(keepMethodReceivers('P(X(D.s).nope)("a")'), { s: 'abc' }), undefined);
});

test('plain calls and text that only looks like a call are left exactly as they were', () => {
  for (const code of ['P(D.f)(3)', 'Y("P(X(D.s).includes)")', "T('P(X(a).b)')", 'AP(X(D.s).x)']) {
    assert.equal(keepMethodReceivers(code), code);
  }
});

test('templates compiled by the group keep receivers and still parse', () => {
  const group = new TmplGroup();
  group.addTmpl('a', "<view wx:if=\"{{item.icon && item.icon.includes('https://')}}\">{{s.toUpperCase()}} {{f(1)}}</view>");
  const gen = keepMethodReceivers(group.getTmplGenObject('a') as string);
  group.free();
  assert.doesNotMatch(gen, /P\(X\([^()]*\)\.(includes|toUpperCase)\)/);
  assert.doesNotThrow(() => new Function(`return ${gen}`));
});
