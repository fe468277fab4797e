/** One (sub)package as app.json declares it (kept apart from app-model: the template worker loads this without ajv). */
export interface PartPlan {
  /** '' for the main package, else the root without slashes around it. */
  readonly root: string;
  readonly name?: string;
  readonly independent: boolean;
  /** Full module paths of its pages. */
  readonly pages: readonly string[];
}

/** The part a root-relative path belongs to: the longest subpackage root that contains it, else ''. */
export function partOf(parts: readonly PartPlan[], path: string): string {
  let best = '';
  for (const p of parts) if (p.root && path.startsWith(`${p.root}/`) && p.root.length > best.length) best = p.root;
  return best;
}
