/**
 * Tiny validators for untrusted JSON (device protocol messages). Each `Check<T>` returns a `Result` whose
 * error names the failing path (`update.changes[2].kind: expected one of …`), never throws.
 * Kept free of node:* and DOM so the server and the browser-side device link share them.
 */
import type { Result } from './result';
import { err, ok } from './result';

export type Check<T> = (value: unknown, path: string) => Result<T, string>;

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

export function str(options: { readonly max?: number; readonly min?: number; readonly pattern?: RegExp } = {}): Check<string> {
  const max = options.max ?? 4096;
  return (value, path) => {
    if (typeof value !== 'string') return err(`${path}: expected a string, got ${describe(value)}`);
    if (value.length > max) return err(`${path}: string of ${value.length} characters is longer than ${max}`);
    if (options.min !== undefined && value.length < options.min) return err(`${path}: string is shorter than ${options.min}`);
    if (options.pattern && !options.pattern.test(value)) return err(`${path}: ${JSON.stringify(value.slice(0, 80))} has the wrong form`);
    return ok(value);
  };
}

export function num(options: { readonly min?: number; readonly max?: number; readonly integer?: boolean } = {}): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return err(`${path}: expected a finite number, got ${describe(value)}`);
    if (options.integer && !Number.isInteger(value)) return err(`${path}: expected an integer, got ${value}`);
    if (options.min !== undefined && value < options.min) return err(`${path}: ${value} is below ${options.min}`);
    if (options.max !== undefined && value > options.max) return err(`${path}: ${value} is above ${options.max}`);
    return ok(value);
  };
}

export function bool(): Check<boolean> {
  return (value, path) => (typeof value === 'boolean' ? ok(value) : err(`${path}: expected true or false, got ${describe(value)}`));
}

export function literal<const T extends string | number>(expected: T): Check<T> {
  return (value, path) => (value === expected ? ok(expected) : err(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`));
}

export function oneOf<const T extends string>(choices: readonly T[]): Check<T> {
  return (value, path) =>
    typeof value === 'string' && (choices as readonly string[]).includes(value)
      ? ok(value as T)
      : err(`${path}: expected one of ${choices.join('|')}, got ${JSON.stringify(value)?.slice(0, 80)}`);
}

export function arr<T>(item: Check<T>, options: { readonly max?: number } = {}): Check<readonly T[]> {
  const max = options.max ?? 1000;
  return (value, path) => {
    if (!Array.isArray(value)) return err(`${path}: expected an array, got ${describe(value)}`);
    if (value.length > max) return err(`${path}: ${value.length} items, at most ${max} allowed`);
    const items: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(value[i], `${path}[${i}]`);
      if (!r.ok) return r;
      items.push(r.value);
    }
    return ok(items);
  };
}

/** A string-keyed map whose values all pass `item`. */
export function record<T>(item: Check<T>, options: { readonly maxKeys?: number; readonly maxKeyLength?: number } = {}): Check<Readonly<Record<string, T>>> {
  const maxKeys = options.maxKeys ?? 1000;
  const maxKeyLength = options.maxKeyLength ?? 256;
  return (value, path) => {
    if (!isPlainObject(value)) return err(`${path}: expected an object, got ${describe(value)}`);
    const keys = Object.keys(value);
    if (keys.length > maxKeys) return err(`${path}: ${keys.length} keys, at most ${maxKeys} allowed`);
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    for (const key of keys) {
      if (key.length > maxKeyLength) return err(`${path}: key of ${key.length} characters is longer than ${maxKeyLength}`);
      const r = item(value[key], `${path}.${key}`);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return ok(out);
  };
}

/** Marks a field of `obj` as optional: absent (or undefined) is fine, present must pass. */
export interface OptionalCheck<T> {
  readonly optional: true;
  readonly check: Check<T>;
}

export function optional<T>(check: Check<T>): OptionalCheck<T> {
  return { optional: true, check };
}

type FieldSpec = Check<unknown> | OptionalCheck<unknown>;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends OptionalCheck<unknown> ? never : K }[keyof S];
type OptionalKeys<S> = { [K in keyof S]: S[K] extends OptionalCheck<unknown> ? K : never }[keyof S];
type FieldType<F> = F extends OptionalCheck<infer T> ? T : F extends Check<infer T> ? T : never;
export type ObjectOf<S> = { readonly [K in RequiredKeys<S>]: FieldType<S[K]> } & { readonly [K in OptionalKeys<S>]?: FieldType<S[K]> };

/** An object with exactly these fields; unknown fields are refused so typos surface instead of being ignored. */
export function obj<const S extends Readonly<Record<string, FieldSpec>>>(spec: S): Check<ObjectOf<S>> {
  const allowed = new Set(Object.keys(spec));
  return (value, path) => {
    if (!isPlainObject(value)) return err(`${path}: expected an object, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) return err(`${path}: unknown field ${JSON.stringify(key.slice(0, 80))}`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(spec)) {
      const present = Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined;
      if ('optional' in field) {
        if (!present) continue;
        const r = field.check(value[key], `${path}.${key}`);
        if (!r.ok) return r;
        out[key] = r.value;
      } else {
        if (!present) return err(`${path}.${key}: missing`);
        const r = field(value[key], `${path}.${key}`);
        if (!r.ok) return r;
        out[key] = r.value;
      }
    }
    return ok(out as ObjectOf<S>);
  };
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Any JSON value, bounded in nesting depth and node count so a hostile payload cannot make us recurse forever. */
export function json(options: { readonly maxDepth?: number; readonly maxNodes?: number } = {}): Check<JsonValue> {
  const maxDepth = options.maxDepth ?? 64;
  const maxNodes = options.maxNodes ?? 200_000;
  return (value, path) => {
    let nodes = 0;
    const walk = (v: unknown, depth: number): string | undefined => {
      if (++nodes > maxNodes) return `more than ${maxNodes} values`;
      if (depth > maxDepth) return `nested deeper than ${maxDepth} levels`;
      if (v === null || typeof v === 'boolean' || typeof v === 'string') return undefined;
      if (typeof v === 'number') return Number.isFinite(v) ? undefined : 'a non-finite number';
      if (Array.isArray(v)) {
        for (const item of v) {
          const problem = walk(item, depth + 1);
          if (problem) return problem;
        }
        return undefined;
      }
      if (isPlainObject(v)) {
        for (const key of Object.keys(v)) {
          const problem = walk(v[key], depth + 1);
          if (problem) return problem;
        }
        return undefined;
      }
      return `a ${typeof v}, which JSON cannot carry`;
    };
    const problem = walk(value, 0);
    return problem ? err(`${path}: ${problem}`) : ok(value as JsonValue);
  };
}

/** A recursive check, for trees (`lazy(() => node)`). */
export function lazy<T>(make: () => Check<T>): Check<T> {
  let check: Check<T> | undefined;
  return (value, path) => (check ??= make())(value, path);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
