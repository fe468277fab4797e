import { builtinModules } from 'node:module';
import { sep } from 'node:path';
import type * as Esbuild from 'esbuild';
import type { BuildFailure, Message } from 'esbuild';
import type { Diagnostic } from '../../../shared/diagnostic';

export interface BundleRequest {
  readonly projectDir: string;
  /** Absolute path of the package's entry file, or a bare request (`dayjs/plugin/utc`) resolved from a folder. */
  readonly entry: string | { readonly request: string; readonly resolveDir: string };
  /** A package name whose bare `require` stays a require (a subpath bundle must share the package's main). */
  readonly keepExternal?: string;
  /** Absolute path of the `index.js` to write. */
  readonly outfile: string;
  readonly packageName: string;
  /** Where to point diagnostics about the package as a whole (its package.json). */
  readonly manifestFile: string;
}

// Mini-programs have no Node: built-ins stay `require`s (and are reported) instead of failing the bundle.
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

let esbuild: Promise<typeof Esbuild> | undefined;

/** esbuild is loaded by the first Build npm, not by every `ministudio` start-up. */
function loadEsbuild(): Promise<typeof Esbuild> {
  esbuild ??= import('esbuild');
  return esbuild;
}

/** Bundles a plain npm package (and what it requires) into one CommonJS file, as Build npm does. */
export async function bundlePackage(request: BundleRequest): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  try {
    const entry = request.entry;
    const keepExternal = request.keepExternal;
    const { build } = await loadEsbuild();
    const result = await build({
      absWorkingDir: request.projectDir,
      ...(typeof entry === 'string'
        ? { entryPoints: [entry] }
        : { stdin: { contents: `module.exports = require(${JSON.stringify(entry.request)});`, resolveDir: entry.resolveDir } }),
      plugins: keepExternal
        ? [
            {
              name: 'keep-package-external',
              setup(pluginBuild) {
                const exact = new RegExp(`^${keepExternal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
                pluginBuild.onResolve({ filter: exact }, (args) => ({ path: args.path, external: true }));
              },
            },
          ]
        : [],
      outfile: request.outfile,
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      mainFields: ['main', 'module'],
      target: 'es2017',
      sourcemap: true,
      external: NODE_BUILTINS,
      // Libraries branch on it; the mini-program runtime has no `process`.
      define: { 'process.env.NODE_ENV': '"production"' },
      metafile: true,
      logLevel: 'silent',
      write: true,
    });
    for (const warning of result.warnings) diagnostics.push(messageDiagnostic(warning, 'warning', request));
    const builtins = new Set<string>();
    for (const input of Object.values(result.metafile.inputs)) {
      for (const imported of input.imports) if (imported.external && imported.path !== keepExternal) builtins.add(imported.path);
    }
    if (builtins.size > 0) {
      diagnostics.push({
        file: request.manifestFile,
        line: 1,
        column: 1,
        severity: 'warning',
        code: 'npm-node-builtin',
        message: `${request.packageName} requires Node built-ins (${[...builtins].sort().join(', ')}), which mini-programs do not have`,
        hint: 'Calls into them will fail at run time; look for a browser or mini-program build of the package.',
      });
    }
    return { ok: true, diagnostics };
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    if (!Array.isArray(failure.errors)) throw error;
    for (const message of failure.errors) diagnostics.push(messageDiagnostic(message, 'error', request));
    return { ok: false, diagnostics };
  }
}

function messageDiagnostic(message: Message, severity: 'error' | 'warning', request: BundleRequest): Diagnostic {
  const location = message.location;
  return {
    // esbuild reports files relative to absWorkingDir: the project folder.
    file: location ? location.file.split(sep).join('/') : request.manifestFile,
    line: location?.line ?? 1,
    column: (location?.column ?? 0) + 1,
    severity,
    code: severity === 'error' ? 'npm-bundle-error' : 'npm-bundle-warning',
    message: `${request.packageName}: ${message.text}`,
  };
}
