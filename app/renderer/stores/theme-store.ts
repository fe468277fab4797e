import { create } from 'zustand';

export type Theme = 'dark' | 'light';
const STORAGE_KEY = 'ministudio.theme';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

interface ThemeState {
  readonly theme: Theme;
  setTheme(theme: Theme): void;
}

/** Light or dark, following the OS until the user picks one. The CSS reads `data-theme` on <html>. */
export const useThemeStore = create<ThemeState>((set) => ({
  theme: initialTheme(),
  setTheme(theme) {
    globalThis.localStorage?.setItem(STORAGE_KEY, theme);
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
}));

document.documentElement.dataset.theme = useThemeStore.getState().theme;
