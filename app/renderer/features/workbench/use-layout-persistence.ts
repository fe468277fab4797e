import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor-store';
import { useLayoutStore } from '../../stores/layout-store';
import { useProjectStore } from '../../stores/project-store';

/** Restores the project's layout and open tabs when it opens, and saves open tabs as they change. */
export function useLayoutPersistence(): void {
  const root = useProjectStore((s) => s.project?.root);
  useEffect(() => {
    if (!root) return;
    const layout = useLayoutStore.getState().loadFor(root);
    void (async () => {
      for (const path of layout.openTabs) if (useProjectStore.getState().fileExists(path) || useProjectStore.getState().tree === null) await useEditorStore.getState().openFile(path);
      if (layout.activeTab) useEditorStore.getState().activate(layout.activeTab);
    })();
    return useEditorStore.subscribe((state, previous) => {
      if (state.tabs === previous.tabs && state.active === previous.active) return;
      useLayoutStore.getState().update({ openTabs: state.tabs.map((tab) => tab.path), activeTab: state.active });
    });
  }, [root]);
}
