import { useEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import type { FileEntry } from '../../../shared/contract';
import { useT } from '../../i18n/i18n';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { deletePath, movePath, newFile, newFolder, newPage, renamePath } from './explorer-actions';
import { ancestorsOf, useExplorerStore } from './explorer-store';
import { fileBadge } from './file-icon';
import './explorer.css';

const DRAG_TYPE = 'application/x-ministudio-path';

interface RowHandlers {
  menu(event: MouseEvent, entry: FileEntry): void;
  drop(event: DragEvent, folder: string): void;
}

function TreeNode({ entry, depth, handlers }: { entry: FileEntry; depth: number; handlers: RowHandlers }) {
  const active = useEditorStore((s) => s.active);
  const open = useEditorStore((s) => s.openFile);
  const expanded = useExplorerStore((s) => s.expanded.has(entry.path));
  const selected = useExplorerStore((s) => s.selected === entry.path);
  const toggle = useExplorerStore((s) => s.toggle);
  const select = useExplorerStore((s) => s.select);
  const [dropping, setDropping] = useState(false);
  const indent = { paddingLeft: 8 + depth * 14 };
  const common = {
    draggable: true,
    onDragStart: (e: DragEvent) => e.dataTransfer.setData(DRAG_TYPE, entry.path),
    onContextMenu: (e: MouseEvent) => handlers.menu(e, entry),
    'data-path': entry.path,
    title: entry.path,
  };
  if (entry.kind === 'directory') {
    return (
      <li role="treeitem" aria-expanded={expanded}>
        <div
          {...common}
          className={`tree-row${selected ? ' focused' : ''}${dropping ? ' drop-target' : ''}`}
          style={indent}
          onClick={() => {
            select(entry.path);
            toggle(entry.path);
          }}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
            e.preventDefault();
            setDropping(true);
          }}
          onDragLeave={() => setDropping(false)}
          onDrop={(e) => {
            setDropping(false);
            handlers.drop(e, entry.path);
          }}
        >
          <span className="tree-twisty">{expanded ? '▾' : '▸'}</span>
          <span className="tree-name">{entry.name}</span>
        </div>
        {expanded && (
          <ul role="group">
            {entry.children?.map((child) => <TreeNode key={child.path} entry={child} depth={depth + 1} handlers={handlers} />)}
          </ul>
        )}
      </li>
    );
  }
  const badge = fileBadge(entry.name);
  return (
    <li role="treeitem" aria-selected={active === entry.path}>
      <div
        {...common}
        className={`tree-row${active === entry.path ? ' selected' : ''}${selected ? ' focused' : ''}`}
        style={indent}
        onClick={() => {
          select(entry.path);
          void open(entry.path);
        }}
      >
        <span className="tree-badge" style={{ color: badge.color }}>
          {badge.label}
        </span>
        <span className="tree-name">{entry.name}</span>
      </div>
    </li>
  );
}

/** The project tree: click to open, right-click for file operations, drag onto a folder to move. Follows the active editor. */
export function Explorer() {
  const t = useT();
  const tree = useProjectStore((s) => s.tree);
  const project = useProjectStore((s) => s.project);
  const active = useEditorStore((s) => s.active);
  const expand = useExplorerStore((s) => s.expand);
  const collapseAll = useExplorerStore((s) => s.collapseAll);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  // Reveal the active file: open its folders and scroll it into view.
  useEffect(() => {
    if (!active) return;
    expand(ancestorsOf(active));
    requestAnimationFrame(() => treeRef.current?.querySelector(`[data-path="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' }));
  }, [active, expand, tree]);

  const folderOf = (entry: FileEntry) => (entry.kind === 'directory' ? entry.path : entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '');
  const handlers: RowHandlers = {
    menu(event, entry) {
      event.preventDefault();
      useExplorerStore.getState().select(entry.path);
      const folder = folderOf(entry);
      setMenu({
        x: event.clientX,
        y: event.clientY,
        items: [
          { label: t('explorer.newFile'), run: () => void newFile(folder) },
          { label: t('explorer.newFolder'), run: () => void newFolder(folder) },
          { label: t('explorer.newPage'), run: () => void newPage('page', folder) },
          { label: t('explorer.newComponent'), run: () => void newPage('component', folder) },
          { label: t('explorer.rename'), run: () => void renamePath(entry.path) },
          { label: t('explorer.delete'), run: () => void deletePath(entry.path), danger: true },
        ],
      });
    },
    drop(event, folder) {
      const from = event.dataTransfer.getData(DRAG_TYPE);
      event.preventDefault();
      event.stopPropagation();
      if (!from || from === folder || folder.startsWith(`${from}/`)) return;
      const name = from.split('/').pop()!;
      void movePath(from, folder ? `${folder}/${name}` : name);
    },
  };

  return (
    <nav className="explorer" aria-label={t('explorer.title')}>
      <div className="explorer-header">
        <span className="pane-title">{t('explorer.title').toUpperCase()}</span>
        <span className="explorer-actions">
          <button className="icon-btn" title={t('explorer.newFile')} aria-label={t('explorer.newFile')} onClick={() => void newFile()}>
            ＋
          </button>
          <button className="icon-btn" title={t('explorer.newFolder')} aria-label={t('explorer.newFolder')} onClick={() => void newFolder()}>
            ⊞
          </button>
          <button className="icon-btn" title={t('explorer.newPage')} aria-label={t('explorer.newPage')} onClick={() => void newPage('page')} data-testid="new-page">
            ⊕
          </button>
          <button className="icon-btn" title={t('explorer.collapse')} aria-label={t('explorer.collapse')} onClick={collapseAll}>
            ⊟
          </button>
        </span>
      </div>
      {project && <div className="explorer-project">{project.name}</div>}
      {tree ? (
        <ul
          role="tree"
          className="tree"
          ref={treeRef}
          onDragOver={(e) => e.dataTransfer.types.includes(DRAG_TYPE) && e.preventDefault()}
          onDrop={(e) => handlers.drop(e, '')}
          onContextMenu={(e) => {
            if (e.target !== e.currentTarget) return;
            handlers.menu(e, { path: '', name: '', kind: 'directory' });
          }}
        >
          {tree.children?.map((child) => <TreeNode key={child.path} entry={child} depth={0} handlers={handlers} />)}
        </ul>
      ) : (
        <div className="muted">{t('explorer.loading')}</div>
      )}
      {menu && <ContextMenu {...menu} onClose={() => setMenu(null)} />}
    </nav>
  );
}
