import { useEffect, useState } from 'react';
import type { WxmlNode } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';

function NodeView({ node, depth, path, onHover }: { node: WxmlNode; depth: number; path: readonly number[]; onHover: (path: readonly number[]) => void }) {
  const [open, setOpen] = useState(depth < 3);
  if (node.tag === '#text') {
    const text = node.text?.trim();
    return text ? <div className="wxml-text" style={{ paddingLeft: depth * 12 + 14 }}>{text}</div> : null;
  }
  const attrs = Object.entries(node.attrs ?? {});
  const children = node.children ?? [];
  return (
    <div className="wxml-node">
      <div className="wxml-row" style={{ paddingLeft: depth * 12 }} onClick={() => setOpen(!open)} onMouseEnter={() => onHover(path)}>
        <span className="tree-twisty">{children.length ? (open ? '▾' : '▸') : ''}</span>
        <span className="wxml-tag">&lt;{node.tag}</span>
        {attrs.map(([name, value]) => (
          <span key={name}>
            {' '}
            <span className="wxml-attr">{name}</span>=<span className="wxml-value">&quot;{value}&quot;</span>
          </span>
        ))}
        <span className="wxml-tag">{children.length ? '>' : ' />'}</span>
      </div>
      {open && children.map((child, i) => <NodeView key={i} node={child} depth={depth + 1} path={[...path, i]} onHover={onHover} />)}
    </div>
  );
}

/** The live element tree of the current page of the selected device. */
export function WxmlPanel() {
  const t = useT();
  const wxml = useDeviceStore((s) => s.wxml);
  const refresh = useDeviceStore((s) => s.refresh);
  const selected = useDeviceStore((s) => s.selected);
  const highlight = useDeviceStore((s) => s.highlight);
  useEffect(() => {
    if (selected) void refresh('wxml');
  }, [selected, refresh]);
  return (
    <div className="panel-body" data-testid="wxml-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={() => void refresh('wxml')}>
          ⟳ {t('panel.refresh')}
        </button>
        {wxml && <span className="muted">{wxml.path}</span>}
      </div>
      {/* Hovering a row outlines its node in the simulator; leaving the tree removes the outline. */}
      <div className="panel-scroll wxml-tree" onMouseLeave={() => highlight()}>
        {wxml ? <NodeView node={wxml.root} depth={0} path={[]} onHover={highlight} /> : <div className="muted panel-empty">{t('wxml.empty')}</div>}
      </div>
    </div>
  );
}
