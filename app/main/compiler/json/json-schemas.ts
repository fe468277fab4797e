/**
 * JSON Schemas (draft-07, as ajv reads them) for the mini-program config files. They check the keys the
 * platform defines and let unknown keys through (WeChat only warns on those), so a newer app.json still builds.
 */

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const color = { type: 'string' } as const;

const windowProps = {
  navigationBarBackgroundColor: color,
  navigationBarTextStyle: { type: 'string', enum: ['white', 'black', '@navTxtStyle'] },
  navigationBarTitleText: { type: 'string' },
  navigationStyle: { type: 'string', enum: ['default', 'custom'] },
  homeButton: { type: 'boolean' },
  backgroundColor: color,
  backgroundColorTop: color,
  backgroundColorBottom: color,
  backgroundTextStyle: { type: 'string', enum: ['dark', 'light', '@bgTxtStyle'] },
  enablePullDownRefresh: { type: 'boolean' },
  onReachBottomDistance: { type: 'number' },
  pageOrientation: { type: 'string', enum: ['portrait', 'landscape', 'auto'] },
  disableScroll: { type: 'boolean' },
  initialRenderingCache: { type: 'string', enum: ['static', 'dynamic'] },
  visualEffectInBackground: { type: 'string', enum: ['none', 'hidden'] },
  restartStrategy: { type: 'string' },
} as const;

const componentRefs = {
  usingComponents: stringMap,
  componentPlaceholder: stringMap,
  componentGenerics: {
    type: 'object',
    additionalProperties: {
      anyOf: [{ type: 'boolean' }, { type: 'object', properties: { default: { type: 'string' } } }],
    },
  },
  styleIsolation: { type: 'string', enum: ['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared'] },
} as const;

const pagePath = { type: 'string', minLength: 1, pattern: '^[^/].*[^/]$|^[^/]$' } as const;

const subPackage = {
  type: 'object',
  required: ['root', 'pages'],
  properties: {
    root: { type: 'string', minLength: 1 },
    name: { type: 'string' },
    pages: { type: 'array', items: pagePath },
    independent: { type: 'boolean' },
    entry: { type: 'string' },
  },
} as const;

export const appJsonSchema = {
  type: 'object',
  required: ['pages'],
  properties: {
    entryPagePath: { type: 'string' },
    pages: { type: 'array', minItems: 1, items: pagePath },
    window: { type: 'object', properties: windowProps },
    tabBar: {
      type: 'object',
      required: ['list'],
      properties: {
        color,
        selectedColor: color,
        backgroundColor: color,
        borderStyle: { type: 'string' },
        position: { type: 'string', enum: ['bottom', 'top'] },
        custom: { type: 'boolean' },
        list: {
          type: 'array',
          minItems: 2,
          maxItems: 5,
          items: {
            type: 'object',
            required: ['pagePath', 'text'],
            properties: {
              pagePath: { type: 'string' },
              text: { type: 'string' },
              iconPath: { type: 'string' },
              selectedIconPath: { type: 'string' },
            },
          },
        },
      },
    },
    networkTimeout: { type: 'object', additionalProperties: { type: 'number' } },
    debug: { type: 'boolean' },
    subpackages: { type: 'array', items: subPackage },
    subPackages: { type: 'array', items: subPackage },
    preloadRule: { type: 'object' },
    usingComponents: stringMap,
    resolveAlias: stringMap,
    useExtendedLib: { type: 'object' },
    lazyCodeLoading: { type: 'string', enum: ['requiredComponents'] },
    themeLocation: { type: 'string' },
    sitemapLocation: { type: 'string' },
    style: { type: 'string' },
    darkmode: { type: 'boolean' },
    permission: { type: 'object' },
    requiredBackgroundModes: { type: 'array', items: { type: 'string' } },
    plugins: { type: 'object' },
    workers: { anyOf: [{ type: 'string' }, { type: 'object' }] },
    componentFramework: { type: 'string' },
    renderer: { type: 'string' },
  },
} as const;

export const pageJsonSchema = {
  type: 'object',
  properties: { ...windowProps, ...componentRefs, component: { type: 'boolean' } },
} as const;

export const componentJsonSchema = {
  type: 'object',
  properties: { ...componentRefs, component: { type: 'boolean' } },
} as const;

export const projectConfigSchema = {
  type: 'object',
  properties: {
    appid: { type: 'string' },
    projectname: { type: 'string' },
    compileType: { type: 'string' },
    miniprogramRoot: { type: 'string' },
    srcMiniprogramRoot: { type: 'string' },
    setting: {
      type: 'object',
      properties: {
        es6: { type: 'boolean' },
        enhance: { type: 'boolean' },
        postcss: { type: 'boolean' },
        minified: { type: 'boolean' },
        useCompilerPlugins: { anyOf: [{ type: 'boolean', enum: [false] }, { type: 'array', items: { type: 'string' } }] },
      },
    },
    packOptions: {
      type: 'object',
      properties: {
        ignore: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'value'],
            properties: {
              type: { type: 'string', enum: ['file', 'folder', 'suffix', 'prefix', 'regexp', 'glob'] },
              value: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
