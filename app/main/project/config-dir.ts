import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Mini Studio keeps per-user state (recent projects, layout). `MINISTUDIO_CONFIG_DIR` overrides it. */
export function userConfigDir(): string {
  const override = process.env.MINISTUDIO_CONFIG_DIR;
  if (override) return override;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mini Studio');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mini Studio');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'mini-studio');
}
