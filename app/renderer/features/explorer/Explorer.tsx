import { useState } from 'react';
import type { FileEntry } from '../../../shared/contract';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { useT } from '../../i18n/i18n';
import { fileBadge } from './file-icon';

function TreeNode({ entry, depth }: { entry: FileEntry; depth: number }) {
  const [expanded, setExpanded] = useState(depth < 1);
  const openPath = useEditorStore((s) => s.active);
  const open = useEditorStore((s) => s.openFile);
  const indent = { paddingLeft: 8 + depth * 14 };
  if (entry.kind === 'directory') {
    return (
      <li role="treeitem" aria-expanded={expanded}>
        <div className="tree-row" style={indent} onClick={() => setExpanded(!expanded)} data-path={entry.path}>
          <span className="tree-twisty">{expanded ? '▾' : '▸'}</span>
          <span className="tree-name">{entry.name}</span>
        </div>
        {expanded && (
          <ul role="group">
            {entry.children?.map((child) => <TreeNode key={child.path} entry={child} depth={depth + 1} />)}
          </ul>
        )}
      </li>
    );
  }
  const badge = fileBadge(entry.name);
  return (
    <li role="treeitem" aria-selected={openPath === entry.path}>
      <div
        className={`tree-row${openPath === entry.path ? ' selected' : ''}`}
        style={indent}
        onClick={() => void open(entry.path)}
        data-path={entry.path}
        title={entry.path}
      >
        <span className="tree-badge" style={{ color: badge.color }}>
          {badge.label}
        </span>
        <span className="tree-name">{entry.name}</span>
      </div>
    </li>
  );
}

export function Explorer() {
  const t = useT();
  const tree = useProjectStore((s) => s.tree);
  const project = useProjectStore((s) => s.project);
  return (
    <nav className="explorer" aria-label="Explorer">
      <div className="pane-title">{t('explorer.title').toUpperCase()}</div>
      {project && <div className="explorer-project">{project.name}</div>}
      {tree ? (
        <ul role="tree" className="tree">
          {tree.children?.map((child) => <TreeNode key={child.path} entry={child} depth={0} />)}
        </ul>
      ) : (
        <div className="muted">{t('explorer.loading')}</div>
      )}
    </nav>
  );
}
