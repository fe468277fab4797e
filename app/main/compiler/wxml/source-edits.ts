/** A replacement of `source.slice(start, end)` by `text`; offsets are in the original source. */
export interface SourceEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Among edits starting at the same offset, the higher priority applies and swallows the ones it overlaps. */
  readonly priority?: number;
}

interface Segment {
  readonly outStart: number;
  readonly outEnd: number;
  readonly origStart: number;
  readonly origEnd: number;
}

/**
 * The result of applying edits to a source: the new text, and the way back from a position in it to the
 * position in the original, so diagnostics about the rewritten text point at what the user wrote.
 */
export class EditedSource {
  private readonly segments: readonly Segment[];
  private readonly outLineStarts: readonly number[];
  private readonly origLineStarts: readonly number[];

  private constructor(
    readonly original: string,
    readonly text: string,
    segments: readonly Segment[],
  ) {
    this.segments = segments;
    this.outLineStarts = lineStarts(text);
    this.origLineStarts = lineStarts(original);
  }

  /** Applies edits (any order); where two overlap, the one sorted first wins. */
  static apply(original: string, edits: readonly SourceEdit[]): EditedSource {
    const sorted = [...edits].sort((a, b) => a.start - b.start || (b.priority ?? 0) - (a.priority ?? 0) || a.end - b.end);
    const parts: string[] = [];
    const segments: Segment[] = [];
    let orig = 0;
    let out = 0;
    for (const edit of sorted) {
      if (edit.start < orig) continue; // overlapping edit: the earlier one wins
      if (edit.start > orig) {
        parts.push(original.slice(orig, edit.start));
        const len = edit.start - orig;
        segments.push({ outStart: out, outEnd: out + len, origStart: orig, origEnd: edit.start });
        out += len;
      }
      parts.push(edit.text);
      segments.push({ outStart: out, outEnd: out + edit.text.length, origStart: edit.start, origEnd: edit.end });
      out += edit.text.length;
      orig = edit.end;
    }
    if (orig < original.length) {
      parts.push(original.slice(orig));
      segments.push({ outStart: out, outEnd: out + original.length - orig, origStart: orig, origEnd: original.length });
    }
    return new EditedSource(original, parts.join(''), segments);
  }

  /** Original offset of an offset in the edited text. Inside a replacement it maps proportionally, clamped. */
  originalOffset(outOffset: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = segs[mid]!;
      if (outOffset < seg.outStart) hi = mid - 1;
      else if (outOffset >= seg.outEnd && mid < segs.length - 1) lo = mid + 1;
      else return seg.origStart + Math.min(outOffset - seg.outStart, seg.origEnd - seg.origStart);
    }
    return Math.min(outOffset, this.original.length);
  }

  /** 0-based line/column in the edited text (UTF-16 columns) → 1-based line/column in the original. */
  originalPosition(line0: number, column0: number): { line: number; column: number } {
    const lineStart = this.outLineStarts[Math.min(Math.max(line0, 0), this.outLineStarts.length - 1)] ?? 0;
    return this.positionOfOriginalOffset(this.originalOffset(lineStart + Math.max(column0, 0)));
  }

  /** 1-based line/column of a 0-based offset in the original. */
  positionOfOriginalOffset(offset: number): { line: number; column: number } {
    const starts = this.origLineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
