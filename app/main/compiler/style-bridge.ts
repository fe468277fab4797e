// The one place the core reaches the style pipeline (app/main/compiler/style, owned by the style helper).
export { compileStyle, StyleCache, type CompileStyleInput, type CompileStyleOutput } from './style/index';
