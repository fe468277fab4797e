import type { DslProfileName } from '../../shared/package-format';

/**
 * A DSL profile: the names one mini-program platform gives to the same language. WeChat and FinClip differ only
 * in these names, so everything else in the compiler is profile-agnostic and reads them from here.
 */
export interface DslProfile {
  readonly name: DslProfileName;
  /** Global API namespace the scripts call (`wx.request`, `ft.request`). */
  readonly apiNamespace: 'wx' | 'ft';
  /** Directive prefix in templates (`wx:if`, `ft:if`). */
  readonly directivePrefix: 'wx' | 'ft';
  /** File extensions including the dot. */
  readonly extensions: {
    readonly template: string;
    readonly style: string;
    readonly templateScript: string;
    readonly script: readonly string[];
    readonly json: string;
  };
  /** Package size limits in bytes, reported as diagnostics. */
  readonly limits: {
    readonly perPackage: number;
    readonly total: number;
  };
}

const MB = 1024 * 1024;

export const wechatProfile: DslProfile = {
  name: 'wechat',
  apiNamespace: 'wx',
  directivePrefix: 'wx',
  extensions: { template: '.wxml', style: '.wxss', templateScript: '.wxs', script: ['.js', '.ts'], json: '.json' },
  limits: { perPackage: 2 * MB, total: 30 * MB },
};

export const finclipProfile: DslProfile = {
  name: 'finclip',
  apiNamespace: 'ft',
  directivePrefix: 'ft',
  extensions: { template: '.fxml', style: '.ftss', templateScript: '.fts', script: ['.js', '.ts'], json: '.json' },
  // FinClip documents the same per-package ceiling as WeChat for its hosted runtime.
  limits: { perPackage: 2 * MB, total: 30 * MB },
};

export const profiles: Readonly<Record<DslProfileName, DslProfile>> = { wechat: wechatProfile, finclip: finclipProfile };

export function profileByName(name: string): DslProfile | undefined {
  return name === 'wechat' || name === 'finclip' ? profiles[name] : undefined;
}

/** Every template/style/template-script extension any profile knows; a project may mix them. */
export function allProfileExtensions(kind: 'template' | 'style' | 'templateScript'): readonly string[] {
  return [wechatProfile.extensions[kind], finclipProfile.extensions[kind]];
}
