import type { JsonValue } from '../../../shared/device-protocol';

/** What the user typed into a value editor: JSON when it parses (`5`, `true`, `{"a":1}`), else the text itself. */
export function parseTypedValue(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** Keys down a JSON tree → a setData path: `list[2].name`. */
export function setDataPath(keys: readonly (string | number)[]): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}
