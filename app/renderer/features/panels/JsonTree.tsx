import { useState } from 'react';
import type { JsonValue } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { parseTypedValue } from './json-edit';

type Keys = readonly (string | number)[];

/** Called with the keys from the tree's root down to the edited value (array indexes as numbers). */
export type JsonEditHandler = (keys: Keys, value: JsonValue) => void;
/** Deletes the key (or array item) at `keys`. */
export type JsonRemoveHandler = (keys: Keys) => void;

/** The row that adds a key to an object (name and value) or an item to the end of an array (value only). */
function AddRow({ depth, isArray, onDone }: { depth: number; isArray: boolean; onDone: (added: { key: string; value: JsonValue } | undefined) => void }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const apply = () => (isArray || key.trim() ? onDone({ key: key.trim(), value: parseTypedValue(value) }) : undefined);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') apply();
    else if (e.key === 'Escape') onDone(undefined);
  };
  return (
    <div className="json-row json-add-row" style={{ paddingLeft: (depth + 1) * 12 }}>
      {!isArray && <input className="json-edit json-add-key" autoFocus placeholder={t('json.key')} aria-label={t('json.key')} value={key} onChange={(e) => setKey(e.target.value)} onKeyDown={onKeyDown} />}
      {!isArray && ': '}
      <input className="json-edit json-add-value" autoFocus={isArray} placeholder={t('json.value')} aria-label={t('json.value')} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={onKeyDown} />
      <button className="btn json-add-apply" onClick={apply}>
        ✓
      </button>
      <button className="btn" onClick={() => onDone(undefined)} aria-label={t('dialog.cancel')}>
        ✕
      </button>
    </div>
  );
}

/** Its × is drawn by CSS, so a row's text stays `key: value` (copying, and finding rows by text). */
function RemoveButton({ onRemove }: { onRemove: () => void }) {
  const t = useT();
  return (
    <button
      className="json-remove"
      title={t('json.remove')}
      aria-label={t('json.remove')}
      onClick={(e) => {
        e.stopPropagation();
        onRemove();
      }}
    />
  );
}

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
  onRemove,
}: {
  value: JsonValue;
  name?: string;
  depth?: number;
  defaultOpen?: boolean;
  keys?: Keys;
  onEdit?: JsonEditHandler;
  /** With `onEdit`, rows get a delete button and open objects/arrays an add button. */
  onRemove?: JsonRemoveHandler;
}) {
  const t = useT();
  const [open, setOpen] = useState(defaultOpen);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const removable = onRemove !== undefined && keys.length > 0;
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
        {removable && <RemoveButton onRemove={() => onRemove(keys)} />}
      </div>
    );
  }
  const entries: [string | number, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return (
    <div className="json-node">
      <div className="json-row json-toggle" style={{ paddingLeft: depth * 12 }} onClick={() => setOpen(!open)} aria-expanded={open} data-json-path={onRemove ? keys.join('.') : undefined}>
        <span className="tree-twisty">{open ? '▾' : '▸'}</span>
        {label}
        <span className="json-summary">{summary(value)}</span>
        {onRemove && onEdit && open && (
          <button
            className="json-add"
            title={t(Array.isArray(value) ? 'json.add-item' : 'json.add-key')}
            aria-label={t(Array.isArray(value) ? 'json.add-item' : 'json.add-key')}
            onClick={(e) => {
              e.stopPropagation();
              setAdding(true);
            }}
          />
        )}
        {removable && <RemoveButton onRemove={() => onRemove(keys)} />}
      </div>
      {open && entries.map(([key, child]) => <JsonTree key={key} name={String(key)} value={child} depth={depth + 1} keys={[...keys, key]} onEdit={onEdit} onRemove={onRemove} />)}
      {open && adding && onEdit && (
        <AddRow
          depth={depth}
          isArray={Array.isArray(value)}
          onDone={(added) => {
            setAdding(false);
            if (added) onEdit([...keys, Array.isArray(value) ? value.length : added.key], added.value);
          }}
        />
      )}
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
