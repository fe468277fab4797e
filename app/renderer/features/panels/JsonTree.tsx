import { useState } from 'react';
import type { JsonValue } from '../../../shared/device-protocol';
import { parseTypedValue } from './json-edit';

/** Called with the keys from the tree's root down to the edited value (array indexes as numbers). */
export type JsonEditHandler = (keys: readonly (string | number)[], value: JsonValue) => void;

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

/** A leaf being edited: Enter applies (JSON, or else the text), Escape or leaving the field cancels. */
function LeafEditor({ value, onDone }: { value: JsonValue; onDone: (typed: JsonValue | undefined) => void }) {
  return (
    <input
      className="json-edit"
      autoFocus
      defaultValue={JSON.stringify(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(parseTypedValue(e.currentTarget.value));
        else if (e.key === 'Escape') onDone(undefined);
      }}
      onBlur={() => onDone(undefined)}
    />
  );
}

/** An expandable view of a JSON value (console arguments, AppData, storage values); leaves are editable with `onEdit`. */
export function JsonTree({
  value,
  name,
  depth = 0,
  defaultOpen = false,
  keys = [],
  onEdit,
}: {
  value: JsonValue;
  name?: string;
  depth?: number;
  defaultOpen?: boolean;
  keys?: readonly (string | number)[];
  onEdit?: JsonEditHandler;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const [editing, setEditing] = useState(false);
  const isContainer = value !== null && typeof value === 'object';
  const label = name !== undefined && <span className="json-key">{name}: </span>;
  if (!isContainer) {
    const editable = onEdit !== undefined && keys.length > 0;
    return (
      <div className="json-row" style={{ paddingLeft: depth * 12 }} data-json-path={editable ? keys.join('.') : undefined} onDoubleClick={editable ? () => setEditing(true) : undefined}>
        {label}
        {editing && onEdit ? (
          <LeafEditor
            value={value}
            onDone={(typed) => {
              setEditing(false);
              if (typed !== undefined) onEdit(keys, typed);
            }}
          />
        ) : (
          <Leaf value={value} />
        )}
      </div>
    );
  }
  const entries: [string | number, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return (
    <div className="json-node">
      <div className="json-row json-toggle" style={{ paddingLeft: depth * 12 }} onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="tree-twisty">{open ? '▾' : '▸'}</span>
        {label}
        <span className="json-summary">{summary(value)}</span>
      </div>
      {open && entries.map(([key, child]) => <JsonTree key={key} name={String(key)} value={child} depth={depth + 1} keys={[...keys, key]} onEdit={onEdit} />)}
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
