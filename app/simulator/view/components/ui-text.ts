// The few words the components draw themselves (picker buttons, placeholders), in the page's language:
// `<html lang>` as the runtime sets it from the device language; Chinese unless it says English.

const TEXTS = {
  cancel: { zh: '取消', en: 'Cancel' },
  confirm: { zh: '确定', en: 'OK' },
  nativeOnly: { zh: '模拟器不支持此原生组件', en: 'Not available in the simulator' },
  year: { zh: '年', en: '' },
  month: { zh: '月', en: '' },
  day: { zh: '日', en: '' },
} as const;

export type UiTextKey = keyof typeof TEXTS;

export function uiLanguage(doc: Document = document): 'zh' | 'en' {
  return /^en\b/i.test(doc.documentElement.lang) ? 'en' : 'zh';
}

export function uiText(key: UiTextKey, doc: Document = document): string {
  return TEXTS[key][uiLanguage(doc)];
}
