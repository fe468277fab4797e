const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const ENTRY = String.raw`${STRING}:new Array\(\d+\)`;
/** The binding map in glass-easel-template-compiler 0.12.1 output: `…,O=R.r,A={"k":new Array(n),…},K=U===true…`. */
const BINDING_MAP = new RegExp(String.raw`(,O=R\.r,A=\{)((?:${ENTRY},?)*)(\},K=U===true)`, 'g');
const ENTRY_GLOBAL = new RegExp(ENTRY, 'g');

/**
 * The template compiler writes each template's binding map in hash-map order, which changes from run to run;
 * sort its entries by key so identical sources give byte-identical output (the map is looked up by key only).
 */
export function sortBindingMaps(gen: string): string {
  return gen.replace(BINDING_MAP, (_whole, open: string, body: string, close: string) => {
    const entries = body.match(ENTRY_GLOBAL) ?? [];
    const sorted = [...entries].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    return `${open}${sorted.join(',')}${close}`;
  });
}

function keyOf(entry: string): string {
  return entry.slice(0, entry.lastIndexOf(':new Array('));
}
