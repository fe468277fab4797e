// Types for the few Monaco internals the WXSS language reuses (Monaco ships them without declarations).
declare module 'monaco-editor/languages/features/css/cssMode.js' {
  import type { IDisposable, IEvent } from 'monaco-editor';
  export interface CssModeDefaults {
    readonly languageId: string;
    readonly onDidChange: IEvent<unknown>;
    readonly modeConfiguration: Record<string, boolean>;
    readonly options: unknown;
    readonly diagnosticsOptions: unknown;
  }
  export function setupMode(defaults: CssModeDefaults): IDisposable;
}

declare module 'monaco-editor/languages/features/css/cssWorker.js' {
  export class CSSWorker {
    constructor(ctx: unknown, createData: { languageId: string; options: unknown });
  }
}

declare module 'monaco-editor/internal/common/initialize.js' {
  export function initialize(factory: (ctx: unknown, createData: { languageId: string; options: unknown }) => unknown): void;
}
