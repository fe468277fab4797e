/** One `packOptions.ignore` rule of project.config.json. */
export interface PackIgnoreRule {
  readonly type: string;
  readonly value: string;
}

/**
 * Builds a predicate for `packOptions.ignore` (types file, folder, suffix, prefix, regexp, glob), applied to
 * paths relative to the mini-program root as WeChat DevTools does.
 */
export function packIgnoreMatcher(rules: readonly PackIgnoreRule[]): (relPath: string, isDir: boolean) => boolean {
  const tests: ((path: string, isDir: boolean) => boolean)[] = [];
  for (const rule of rules) {
    const value = rule.value.replace(/^\.?\//, '').replace(/\/$/, '');
    switch (rule.type) {
      case 'file':
        tests.push((p, isDir) => !isDir && p === value);
        break;
      case 'folder':
        tests.push((p, isDir) => isDir && p === value);
        break;
      case 'suffix':
        tests.push((p, isDir) => !isDir && p.endsWith(rule.value));
        break;
      case 'prefix':
        tests.push((p, isDir) => !isDir && (p.split('/').pop() ?? '').startsWith(rule.value));
        break;
      case 'regexp': {
        const re = safeRegExp(rule.value);
        if (re) tests.push((p, isDir) => !isDir && re.test(p));
        break;
      }
      case 'glob': {
        const re = globToRegExp(value);
        tests.push((p) => re.test(p));
        break;
      }
      default:
        break; // the schema reports unknown types
    }
  }
  return (path, isDir) => tests.some((t) => t(path, isDir));
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
