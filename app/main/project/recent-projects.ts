import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecentProject } from '../../shared/contract';
import { writeFileAtomic } from './atomic-write';

const MAX_RECENT = 20;

/** The recent-projects list, persisted as JSON in the user's config folder. A corrupt file reads as empty. */
export class RecentProjects {
  private readonly file: string;

  constructor(private readonly configDir: string) {
    this.file = join(configDir, 'recent-projects.json');
  }

  async list(): Promise<readonly RecentProject[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (p): p is RecentProject =>
          typeof p === 'object' && p !== null && typeof p.root === 'string' && typeof p.name === 'string' && typeof p.openedAt === 'number',
      );
    } catch {
      return [];
    }
  }

  async add(root: string, name: string): Promise<void> {
    const rest = (await this.list()).filter((p) => p.root !== root);
    const next = [{ root, name, openedAt: Date.now() }, ...rest].slice(0, MAX_RECENT);
    await mkdir(this.configDir, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
  }
}
