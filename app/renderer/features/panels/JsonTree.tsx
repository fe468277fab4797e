import { useState } from 'react';
import type { JsonValue } from '../../../shared/device-protocol';

function summary(value: JsonValue): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return `{${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}}`;
  }
  return JSON.stringify(value);
}

function Leaf({ value }: { value: JsonValue }) {
  const kind = value === null ? 'null' : typeof value;
  return <span className={`json-${kind}`}>{typeof value === 'string' ? JSON.stringify(value) : String(value)}</span>;
}

/** An expandable view of a JSON value (console arguments, AppData, storage values). */
export function JsonTree({ value, name, depth = 0, defaultOpen = false }: { value: JsonValue; name?: string; depth?: number; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const isContainer = value !== null && typeof value === 'object';
  const label = name !== undefined && <span className="json-key">{name}: </span>;
  if (!isContainer) {
    return (
      <div className="json-row" style={{ paddingLeft: depth * 12 }}>
        {label}
        <Leaf value={value} />
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return (
    <div className="json-node">
      <div className="json-row json-toggle" style={{ paddingLeft: depth * 12 }} onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="tree-twisty">{open ? '▾' : '▸'}</span>
        {label}
        <span className="json-summary">{summary(value)}</span>
      </div>
      {open && entries.map(([key, child]) => <JsonTree key={key} name={key} value={child} depth={depth + 1} />)}
    </div>
  );
}

/** One line for a console argument: strings as-is, other values expandable. */
export function InlineValue({ value }: { value: JsonValue }) {
  if (typeof value === 'string') return <span className="console-text">{value}</span>;
  if (value === null || typeof value !== 'object') return <Leaf value={value} />;
  return (
    <span className="console-object">
      <JsonTree value={value} />
    </span>
  );
}
