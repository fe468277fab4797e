import { useState } from 'react';
import type { NodeBox, NodeDetails, NodeStyleRule } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { useDeviceStore } from '../../stores/device-store';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { JsonTree } from '../panels/JsonTree';
import { BoxModel } from './BoxModel';

type Tab = 'styles' | 'computed' | 'dataset' | 'component';

const STYLE_EXTENSIONS = ['wxss', 'ftss', 'less', 'scss', 'sass', 'css'];

/** The project file a style module path (`pages/index/index`) was compiled from, if it is in the tree. */
function styleFileOf(module: string, files: ReadonlySet<string>): string | undefined {
  for (const ext of STYLE_EXTENSIONS) {
    for (const file of files) if (file === `${module}.${ext}` || file.endsWith(`/${module}.${ext}`)) return file;
  }
  return undefined;
}

function RuleView({ rule }: { rule: NodeStyleRule }) {
  const t = useT();
  const files = useProjectStore((s) => s.files);
  const openFile = useEditorStore((s) => s.openFile);
  const file = rule.source && rule.source !== 'simulator' ? styleFileOf(rule.source, files) : undefined;
  return (
    <div className="style-rule" data-selector={rule.selector}>
      <div className="style-rule-head">
        <span className="style-selector">{rule.selector === 'style' ? t('wxml.inline-style') : rule.selector}</span>
        {file ? (
          <button className="link style-source" onClick={() => void openFile(file)}>
            {file}
          </button>
        ) : (
          rule.source && <span className="muted style-source">{rule.source === 'simulator' ? t('wxml.builtin-style') : rule.source}</span>
        )}
      </div>
      {rule.declarations.map((d, i) => (
        <div key={i} className={`style-declaration${d.overridden ? ' overridden' : ''}`} data-property={d.name} title={d.overridden ? t('wxml.overridden') : undefined}>
          <span className="style-name">{d.name}</span>: <span className="style-value">{d.value}</span>
          {d.important && <span className="style-important"> !important</span>};
        </div>
      ))}
    </div>
  );
}

function Computed({ computed, box }: { computed: NodeDetails['computed']; box?: NodeBox }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const entries = Object.entries(computed).filter(([name, value]) => !needle || name.includes(needle) || value.toLowerCase().includes(needle));
  return (
    <>
      {box ? <BoxModel box={box} /> : <div className="muted panel-empty">{t('wxml.no-box')}</div>}
      <input className="panel-filter computed-filter" placeholder={t('console.filter')} aria-label={t('console.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="computed-list">
        {entries.map(([name, value]) => (
          <div key={name} className="style-declaration" data-property={name}>
            <span className="style-name">{name}</span>: <span className="style-value">{value}</span>
          </div>
        ))}
      </div>
    </>
  );
}

/** Attributes, dataset, component data, matched styles and the box model of the node selected in the WXML tree. */
export function NodeDetailsPane() {
  const t = useT();
  const details = useDeviceStore((s) => s.nodeDetails);
  const selection = useDeviceStore((s) => s.wxmlSelection);
  const [tab, setTab] = useState<Tab>('styles');
  const node = details?.node;
  if (!selection) return <div className="node-details muted panel-empty">{t('wxml.select-hint')}</div>;
  if (!node) return <div className="node-details muted panel-empty">{details ? t('wxml.node-gone') : '…'}</div>;
  const tabs: Tab[] = node.componentData === undefined ? ['styles', 'computed', 'dataset'] : ['styles', 'computed', 'dataset', 'component'];
  const shown = tabs.includes(tab) ? tab : 'styles';
  return (
    <div className="node-details" data-testid="wxml-node-details">
      <div className="node-details-title">
        <span className="wxml-tag">&lt;{node.tag}&gt;</span>
        {Object.entries(node.attrs).map(([name, value]) => (
          <span key={name} className="node-attr">
            {' '}
            <span className="wxml-attr">{name}</span>=<span className="wxml-value">&quot;{value}&quot;</span>
          </span>
        ))}
      </div>
      <div className="node-details-tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={shown === name} className={`panel-tab${shown === name ? ' active' : ''}`} onClick={() => setTab(name)}>
            {t(`wxml.tab.${name}`)}
          </button>
        ))}
      </div>
      <div className="panel-scroll node-details-body" data-tab={shown}>
        {shown === 'styles' && (node.rules.length ? node.rules.map((rule, i) => <RuleView key={i} rule={rule} />) : <div className="muted panel-empty">{t('wxml.no-rules')}</div>)}
        {shown === 'computed' && <Computed computed={node.computed} box={node.box} />}
        {shown === 'dataset' && <JsonTree value={node.dataset} defaultOpen />}
        {shown === 'component' && node.componentData !== undefined && <JsonTree value={node.componentData} defaultOpen />}
      </div>
    </div>
  );
}
