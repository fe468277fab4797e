/**
 * Just enough of the Source Map v3 format to turn a generated line/column into the original one: the
 * simulator maps user-code stack frames back to project files. Lines and columns here are 1-based.
 */

export interface RawSourceMap {
  readonly version: number;
  readonly sources: readonly string[];
  readonly mappings: string;
  readonly sourceRoot?: string;
}

export interface OriginalPosition {
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** [generatedColumn, sourceIndex, originalLine, originalColumn], all 0-based. */
type Segment = readonly [number, number, number, number];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((ch, i) => [ch, i]));

function decodeVlqSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64_VALUE.get(ch);
    if (digit === undefined) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export class SourceMapLookup {
  private readonly lines: Segment[][] = [];

  constructor(private readonly map: RawSourceMap) {
    let sourceIndex = 0;
    let originalLine = 0;
    let originalColumn = 0;
    for (const lineText of map.mappings.split(';')) {
      const segments: Segment[] = [];
      let generatedColumn = 0;
      for (const segmentText of lineText.split(',')) {
        if (!segmentText) continue;
        const v = decodeVlqSegment(segmentText);
        generatedColumn += v[0] ?? 0;
        if (v.length < 4) continue;
        sourceIndex += v[1] ?? 0;
        originalLine += v[2] ?? 0;
        originalColumn += v[3] ?? 0;
        segments.push([generatedColumn, sourceIndex, originalLine, originalColumn]);
      }
      this.lines.push(segments);
    }
  }

  /** The original position of a generated 1-based line/column, or undefined when unmapped. */
  originalPositionFor(line: number, column: number): OriginalPosition | undefined {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] <= column - 1) best = segment;
      else break;
    }
    best ??= segments[0];
    if (!best) return undefined;
    const source = this.map.sources[best[1]];
    if (source === undefined) return undefined;
    // A line-level map (one segment at column 0, as for untransformed JS) keeps columns as they are.
    const lineLevel = segments.length === 1 && best[0] === 0 && best[3] === 0;
    const originalColumn = lineLevel ? column : best[3] + 1;
    return { source: (this.map.sourceRoot ?? '') + source, line: best[2] + 1, column: originalColumn };
  }
}
