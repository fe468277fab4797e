#!/usr/bin/env node
// Generates the "gallery" mini-program: every component of the component libraries installed in
// <gallery>/node_modules, each mounted on its own page the way the library's docs demo it (scripts/gallery/
// demo-props-*.mjs: the properties and children that make it show; default props when a component is not
// listed), plus an index page linking them. The compiler corpus test builds it; the runtime tests reuse it. Usage:
//   node scripts/gallery-generate.mjs [.corpus/gallery]
// Its package.json lists the libraries; scripts/corpus-fetch.mjs installs them (`npm run corpus:fetch`).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as antdDemos from './gallery/demo-props-antd.mjs';
import * as tdesignDemos from './gallery/demo-props-tdesign.mjs';
import * as vantDemos from './gallery/demo-props-vant.mjs';
import * as weuiDemos from './gallery/demo-props-weui.mjs';
import { demoPng } from './gallery/demo-image.mjs';
import { DEMO_IMAGE, libraryTagsIn, renderDemo } from './gallery/demo-usage.mjs';

const root = new URL('..', import.meta.url).pathname;
const gallery = resolve(process.argv[2] ?? join(root, '.corpus', 'gallery'));

/** Tag prefix per library, like their own docs use (`<t-button>`, `<van-button>`). */
const TAG_PREFIXES = { 'tdesign-miniprogram': 't', '@vant/weapp': 'van', 'weui-miniprogram': 'mp', 'antd-mini': 'ant' };
/** Each library's demo usages ({ DEMOS, PAGE_WXSS }), keyed like TAG_PREFIXES. */
const LIBRARY_DEMOS = { 'tdesign-miniprogram': tdesignDemos, '@vant/weapp': vantDemos, 'weui-miniprogram': weuiDemos, 'antd-mini': antdDemos };
/** Folders in a library's miniprogram root that hold no components of the library itself. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'miniprogram_npm']);

const packageJson = JSON.parse(readFileSync(join(gallery, 'package.json'), 'utf8'));
const libraries = Object.keys(packageJson.dependencies ?? {}).map((name) => {
  const packageDir = join(gallery, 'node_modules', name);
  if (!existsSync(packageDir)) throw new Error(`${name} is not installed in ${gallery}/node_modules: run npm run corpus:fetch`);
  const meta = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const miniprogramRoot = join(packageDir, meta.miniprogram ?? 'miniprogram_dist');
  return { name, version: meta.version, prefix: TAG_PREFIXES[name] ?? name.replace(/^@/, '').replace(/\W+/g, '-'), miniprogramRoot };
});

/** Every `X.json` with `"component": true` next to an `X.wxml`: the component's path without extension. */
function findComponents(dir, base = dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name)) found.push(...findComponents(full, base));
      continue;
    }
    if (!name.endsWith('.json')) continue;
    const stem = full.slice(0, -'.json'.length);
    if (!existsSync(`${stem}.wxml`)) continue;
    let json;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch {
      continue;
    }
    if (json.component === true) found.push(relative(base, stem).split('\\').join('/'));
  }
  return found;
}

const kebab = (text) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** `button/button` → `button`, `Button/index` → `button`, `common/template/icon` → `common-template-icon`. */
function componentSlug(componentPath) {
  const parts = componentPath.split('/');
  const last = parts.at(-1);
  if (parts.length > 1 && (last === 'index' || last === parts.at(-2))) parts.pop();
  return kebab(parts.join('-'));
}

for (const folder of ['pages', 'assets']) rmSync(join(gallery, folder), { recursive: true, force: true });
mkdirSync(join(gallery, 'assets'), { recursive: true });
writeFileSync(join(gallery, DEMO_IMAGE.slice(1)), demoPng());
const pages = [];
const sections = [];
for (const library of libraries) {
  const libraryFolder = kebab(library.name);
  const { DEMOS: demos = {}, PAGE_WXSS: pageWxss = '', APP_WXSS: appWxss } = LIBRARY_DEMOS[library.name] ?? {};
  // app-wide styles a library's docs tell the app to import: bench/corpus/corpus-projects.ts imports this file
  // from app.wxss when it builds the gallery for that library alone
  if (appWxss) writeFileSync(join(gallery, `gallery-app-${libraryFolder}.wxss`), appWxss);
  const components = findComponents(library.miniprogramRoot);
  const componentOfTag = new Map(components.map((componentPath) => [`${library.prefix}-${componentSlug(componentPath)}`, componentPath]));
  const slugs = new Set(components.map(componentSlug));
  const unknown = Object.keys(demos).filter((slug) => !slugs.has(slug));
  if (unknown.length > 0) throw new Error(`demo usages of ${library.name} name no component: ${unknown.join(', ')}`);
  const links = [];
  for (const componentPath of components) {
    const slug = componentSlug(componentPath);
    const tag = `${library.prefix}-${slug}`;
    const page = `pages/${libraryFolder}/${slug}/index`;
    const dir = join(gallery, 'pages', libraryFolder, slug);
    mkdirSync(dir, { recursive: true });
    const title = `${library.name} ${componentPath}`;
    const demo = renderDemo(tag, demos[slug]);
    const usingComponents = {};
    for (const used of [tag, ...libraryTagsIn(demo.wxml, library.prefix)]) {
      const target = componentOfTag.get(used);
      if (!target) throw new Error(`demo of ${tag} uses <${used}>, which ${library.name} does not have`);
      usingComponents[used] = `${library.name}/${target}`;
    }
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ navigationBarTitleText: slug, usingComponents }, null, 2) + '\n');
    writeFileSync(
      join(dir, 'index.wxml'),
      ['<view class="gallery-page">', `  <view class="gallery-title">${title}</view>`, `  <view class="gallery-stage" id="stage">${demo.wxml}</view>`, '</view>', ''].join('\n'),
    );
    const how = demos[slug] ? 'as its docs demo it' : 'with its default props';
    const onReady = demo.ready ? `,\n  onReady() {\n    ${demo.ready}\n  }` : '';
    writeFileSync(join(dir, 'index.js'), `// ${title}, mounted ${how}.\nPage({\n  data: ${JSON.stringify(demo.data)}${onReady},\n});\n`);
    writeFileSync(join(dir, 'index.wxss'), `${pageWxss}.gallery-stage { padding: 24rpx; }\n`);
    pages.push(page);
    links.push({ page, label: componentPath });
  }
  sections.push({ library, links });
}

const indexDir = join(gallery, 'pages', 'index');
mkdirSync(indexDir, { recursive: true });
const indexWxml = ['<scroll-view scroll-y class="gallery-index">'];
for (const { library, links } of sections) {
  indexWxml.push(`  <view class="gallery-section">${library.name}@${library.version} (${links.length})</view>`);
  for (const { page, label } of links) {
    indexWxml.push(`  <navigator class="gallery-link" url="/${page}">${label}</navigator>`);
  }
}
indexWxml.push('</scroll-view>', '');
writeFileSync(join(indexDir, 'index.wxml'), indexWxml.join('\n'));
writeFileSync(join(indexDir, 'index.json'), JSON.stringify({ navigationBarTitleText: 'Gallery' }, null, 2) + '\n');
writeFileSync(join(indexDir, 'index.js'), 'Page({ data: {} });\n');
writeFileSync(
  join(indexDir, 'index.wxss'),
  '.gallery-section { padding: 24rpx 32rpx 8rpx; font-weight: bold; }\n.gallery-link { padding: 16rpx 32rpx; border-bottom: 1px solid #eee; }\n',
);

writeFileSync(
  join(gallery, 'app.json'),
  JSON.stringify({ pages: ['pages/index/index', ...pages], window: { navigationBarTitleText: 'Component gallery' }, sitemapLocation: 'sitemap.json' }, null, 2) + '\n',
);
writeFileSync(join(gallery, 'app.js'), 'App({});\n');
writeFileSync(join(gallery, 'app.wxss'), 'page { background: #f6f6f6; }\n.gallery-title { padding: 16rpx 24rpx; color: #888; font-size: 24rpx; }\n');
writeFileSync(join(gallery, 'sitemap.json'), JSON.stringify({ rules: [{ action: 'allow', page: '*' }] }, null, 2) + '\n');
writeFileSync(
  join(gallery, 'project.config.json'),
  JSON.stringify(
    {
      compileType: 'miniprogram',
      appid: 'touristappid',
      projectname: 'ministudio-gallery',
      miniprogramRoot: '',
      setting: { es6: true, enhance: true, postcss: true, minified: false, packNpmManually: false },
    },
    null,
    2,
  ) + '\n',
);
const counts = sections.map(({ library, links }) => `${library.name} ${links.length}`).join(', ');
console.log(`gallery: ${pages.length} component pages (${counts}) in ${relative(process.cwd(), gallery) || '.'}`);
