import { create } from 'zustand';
import { messagesEn, type MessageKey } from './messages-en';
import { messagesZhCn } from './messages-zh-cn';

export type Locale = 'en' | 'zh-CN';
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { en: messagesEn, 'zh-CN': messagesZhCn };
const STORAGE_KEY = 'ministudio.locale';

/** zh-* system locales get Chinese; everything else English. */
export function localeFor(systemLocale: string): Locale {
  return /^zh\b/i.test(systemLocale) ? 'zh-CN' : 'en';
}

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return localeFor(globalThis.navigator?.language ?? 'en');
}

interface LocaleState {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** Translates `key` in the current locale, filling `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogs[useLocaleStore.getState().locale][key] ?? messagesEn[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** React hook: re-renders the component when the locale changes and returns `t`. */
export function useT(): typeof t {
  useLocaleStore((s) => s.locale);
  return t;
}
