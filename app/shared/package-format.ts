/**
 * The compiled package: what the compiler writes and the simulator runtime loads (docs/package-format.md).
 * The compiler owns producing it; the runtime owns consuming it. Change both, and the doc, together.
 * All paths are relative to the package output folder, with forward slashes and no leading slash.
 * "Module paths" are source paths relative to the mini-program root without extension, e.g. `pages/index/index`.
 */

export const PACKAGE_FORMAT_VERSION = 1;

export type DslProfileName = 'wechat' | 'finclip';

export interface PackageManifest {
  readonly format: typeof PACKAGE_FORMAT_VERSION;
  readonly profile: DslProfileName;
  /** Changes on every build; the runtime uses it to tell fresh packages from stale ones. */
  readonly buildId: string;
  readonly appId: string;
  /** app.json after validation, with defaults filled in (pages, window, tabBar, subPackages, usingComponents, …). */
  readonly appJson: Readonly<Record<string, unknown>>;
  /** `theme.json` when app.json has `themeLocation`. */
  readonly themeJson?: Readonly<Record<string, unknown>>;
  /** The main package first (root ''), then each subpackage. */
  readonly packages: readonly PackagePart[];
  /** Every page and custom component, keyed by module path. */
  readonly components: Readonly<Record<string, ComponentEntry>>;
  /** Every JS module, keyed by its source path with extension as `require` resolves it (`utils/util.js`). */
  readonly scripts: Readonly<Record<string, ScriptEntry>>;
  /** Global styles: app.wxss compiled (applies to every page). */
  readonly appStyle?: StyleEntry;
  /** Static files copied as they are (images, fonts…), source path → output path. */
  readonly assets: Readonly<Record<string, string>>;
}

export interface PackagePart {
  /** '' for the main package, else the subpackage root without trailing slash (`packageA`). */
  readonly root: string;
  readonly name?: string;
  readonly independent: boolean;
  /** Page module paths of this part. */
  readonly pages: readonly string[];
  /**
   * One JS file evaluating to the glass-easel template compiler's `getTmplGenObjectGroups()` result for every
   * WXML/WXS in this part (an object keyed by template path, without extension).
   */
  readonly templates: string;
  /** Zip of this part for upload (`app.zip` for the main package). */
  readonly zip?: string;
  readonly size: number;
}

export interface ComponentEntry {
  readonly path: string;
  /** Root of the (sub)package that holds it. */
  readonly packageRoot: string;
  readonly isPage: boolean;
  /** The page/component json after validation; `usingComponents` values resolved to module paths. */
  readonly json: Readonly<Record<string, unknown>>;
  /** Key of its template in the part's template group (normally equal to `path`). */
  readonly template: string;
  /** Script key in `scripts` (`pages/index/index.js`), absent for a template-only component. */
  readonly script?: string;
  readonly style?: StyleEntry;
}

export interface StyleEntry {
  /** Output path of the compiled CSS. `rpx` units are kept as `rpx`; the runtime converts them for the device. */
  readonly file: string;
  /**
   * The style-scope name the compiler prefixed classes with (`<scope>--<class>`), to pass to the runtime's
   * `addStyleSheet(path, url, scopeName)`; absent for unscoped (global) styles.
   */
  readonly scopeName?: string;
}

export interface ScriptEntry {
  /**
   * Output path of the module: a CommonJS function body, wrapped as
   * `define("<key>", function (require, module, exports) { … })` with a `//# sourceMappingURL` to its map.
   */
  readonly file: string;
  readonly packageRoot: string;
  /** Output path of the source map (sources point at the original project file). */
  readonly map?: string;
  /** Project-relative source path when it differs from the key (`utils/util.ts` for key `utils/util.js`). */
  readonly source?: string;
  /**
   * Static `require("…")` requests of this module → script key, resolved by the compiler with WeChat's rules
   * (relative, `miniprogram_npm` up the tree, `resolveAlias`). The runtime looks requests up here first.
   */
  readonly requires?: Readonly<Record<string, string>>;
}
