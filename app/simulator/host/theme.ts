/** Dark mode: app.json values written as `@name` take `theme.json[theme][name]` (WeChat's darkmode config). */

export type ThemeJson = Readonly<Record<string, unknown>> | undefined;

export function resolveThemed<T extends Record<string, unknown>>(config: T, themeJson: ThemeJson, theme: 'light' | 'dark'): T {
  if (!themeJson) return config;
  const table = (themeJson[theme] ?? {}) as Record<string, unknown>;
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    resolved[key] = typeof value === 'string' && value.startsWith('@') && value.slice(1) in table ? table[value.slice(1)] : value;
  }
  return resolved as T;
}
