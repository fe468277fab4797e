import { studio } from '../../../bridge';
import { monaco } from '../monaco-setup';

let requested = false;

/** Validates and completes app.json, page/component json and project.config.json with the compiler's schemas. */
export function loadJsonSchemas(): void {
  if (requested) return;
  requested = true;
  void studio
    .invoke('compiler:json-schemas', undefined)
    .then((schemas) => {
      monaco.json.jsonDefaults.setDiagnosticsOptions({
        validate: true,
        allowComments: true,
        trailingCommas: 'warning',
        enableSchemaRequest: false,
        schemas: schemas.map((s) => ({ uri: s.uri, fileMatch: [...s.fileMatch], schema: s.schema as object })),
      });
    })
    .catch(() => {
      requested = false;
    });
}
