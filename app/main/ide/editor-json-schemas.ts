import type { EditorJsonSchema } from '../../shared/contract';
import { appJsonSchema, pageJsonSchema, projectConfigSchema } from '../compiler/json/json-schemas';

const NOT_PAGE_JSON = ['app.json', 'project.config.json', 'project.private.config.json', 'sitemap.json', 'package.json', 'package-lock.json', 'tsconfig.json', 'jsconfig.json'];

/** The compiler's own JSON schemas, for editor validation and completion: the editor and the build agree. */
export function editorJsonSchemas(): EditorJsonSchema[] {
  return [
    { uri: 'ministudio://schemas/app.json', fileMatch: ['**/app.json'], schema: appJsonSchema },
    { uri: 'ministudio://schemas/project.config.json', fileMatch: ['**/project.config.json', '**/project.private.config.json'], schema: projectConfigSchema },
    {
      uri: 'ministudio://schemas/page.json',
      fileMatch: ['**/*.json', ...NOT_PAGE_JSON.map((name) => `!**/${name}`), '!**/node_modules/**', '!**/miniprogram_npm/**'],
      schema: pageJsonSchema,
    },
  ];
}
