import { useEffect, useRef, useState } from 'react';
import type { WxmlNode } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { NodeDetailsPane } from './NodeDetailsPane';
import './inspect.css';

interface NodeViewProps {
  readonly node: WxmlNode;
  readonly depth: number;
  readonly path: readonly number[];
  readonly selection: readonly number[] | null;
  readonly onHover: (path: readonly number[]) => void;
  readonly onSelect: (path: readonly number[]) => void;
}

const samePath = (a: readonly number[] | null, b: readonly number[]) => a !== null && a.length === b.length && a.every((v, i) => v === b[i]);
const isAncestorOf = (path: readonly number[], selection: readonly number[] | null) =>
  selection !== null && selection.length > path.length && path.every((v, i) => v === selection[i]);

function NodeView({ node, depth, path, selection, onHover, onSelect }: NodeViewProps) {
  const [open, setOpen] = useState(depth < 6);
  const row = useRef<HTMLDivElement>(null);
  const selected = samePath(selection, path);
  const holdsSelection = isAncestorOf(path, selection);
  // A pick (or a selection made elsewhere) opens the way down to the node and scrolls it into view.
  useEffect(() => {
    if (holdsSelection) setOpen(true);
  }, [holdsSelection, selection]);
  useEffect(() => {
    if (selected && row.current) revealInTree(row.current);
  }, [selected, selection]);
  if (node.tag === '#text') {
    const text = node.text?.trim();
    return text ? <div className="wxml-text" style={{ paddingLeft: depth * 12 + 14 }}>{text}</div> : null;
  }
  const children = node.children ?? [];
  // wx:if / wx:for / wx:for-item blocks are engine bookkeeping: their children show in their place, as WeChat shows them.
  if (node.tag.startsWith('wx:')) {
    return <>{children.map((child, i) => <NodeView key={i} node={child} depth={depth} path={[...path, i]} selection={selection} onHover={onHover} onSelect={onSelect} />)}</>;
  }
  const attrs = Object.entries(node.attrs ?? {});
  return (
    <div className="wxml-node">
      <div
        ref={row}
        className={`wxml-row${selected ? ' selected' : ''}`}
        style={{ paddingLeft: depth * 12 }}
        data-wxml-path={path.join('.')}
        aria-selected={selected}
        onClick={() => onSelect(path)}
        onMouseEnter={() => onHover(path)}
      >
        <span
          className="tree-twisty"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(!open);
          }}
        >
          {children.length ? (open ? '▾' : '▸') : ''}
        </span>
        <span className="wxml-tag">&lt;{node.tag}</span>
        {attrs.map(([name, value]) => (
          <span key={name}>
            {' '}
            <span className="wxml-attr">{name}</span>=<span className="wxml-value">&quot;{value}&quot;</span>
          </span>
        ))}
        <span className="wxml-tag">{children.length ? '>' : ' />'}</span>
      </div>
      {open && children.map((child, i) => <NodeView key={i} node={child} depth={depth + 1} path={[...path, i]} selection={selection} onHover={onHover} onSelect={onSelect} />)}
    </div>
  );
}

/** Scrolls the tree (only the tree: scrollIntoView would also scroll the workbench's clipped containers) to a row. */
function revealInTree(row: HTMLElement): void {
  const tree = row.closest<HTMLElement>('.wxml-tree');
  if (!tree) return;
  const top = row.getBoundingClientRect().top - tree.getBoundingClientRect().top;
  if (top < 0 || top + row.offsetHeight > tree.clientHeight) tree.scrollTop += top - tree.clientHeight / 3;
}

function PickIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" className="wxml-pick-icon">
      <path d="M2 2h8v1.5H3.5V10H2z M6 6l8.5 3.2-3.6 1.2 2.8 2.8-1.3 1.3-2.8-2.8-1.2 3.6z" fill="currentColor" />
    </svg>
  );
}

/** The live element tree of the current page of the selected device, with the selected node's details beside it. */
export function WxmlPanel() {
  const t = useT();
  const wxml = useDeviceStore((s) => s.wxml);
  const refresh = useDeviceStore((s) => s.refresh);
  const selected = useDeviceStore((s) => s.selected);
  const highlight = useDeviceStore((s) => s.highlight);
  const selection = useDeviceStore((s) => s.wxmlSelection);
  const selectNode = useDeviceStore((s) => s.selectNode);
  const picking = useDeviceStore((s) => s.picking);
  const setPicking = useDeviceStore((s) => s.setPicking);
  useEffect(() => {
    if (selected) void refresh('wxml');
  }, [selected, refresh]);
  // Escape ends picking wherever the focus is (after clicking Pick it is in the workbench, not the simulator).
  useEffect(() => {
    if (!picking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void setPicking(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, setPicking]);
  return (
    <div className="panel-body" data-testid="wxml-panel">
      <div className="panel-toolbar">
        <button
          className={`btn wxml-pick${picking ? ' active' : ''}`}
          aria-pressed={picking}
          title={t('wxml.pick-hint')}
          onClick={() => void setPicking(!picking)}
          disabled={!selected}
        >
          <PickIcon /> {t('wxml.pick')}
        </button>
        <button
          className="btn"
          onClick={() => {
            void refresh('wxml').then(() => selection && selectNode(selection));
          }}
        >
          ⟳ {t('panel.refresh')}
        </button>
        {wxml && <span className="muted">{wxml.path}</span>}
        {picking && <span className="muted">{t('wxml.picking')}</span>}
      </div>
      <div className="wxml-split">
        {/* Hovering a row outlines its node in the simulator; leaving the tree removes the outline. */}
        <div className="panel-scroll wxml-tree" onMouseLeave={() => highlight()}>
          {wxml ? (
            <NodeView node={wxml.root} depth={0} path={[]} selection={selection} onHover={highlight} onSelect={(path) => void selectNode(path)} />
          ) : (
            <div className="muted panel-empty">{t('wxml.empty')}</div>
          )}
        </div>
        <NodeDetailsPane />
      </div>
    </div>
  );
}
