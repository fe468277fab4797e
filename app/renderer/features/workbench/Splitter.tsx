import { useRef } from 'react';

/** A drag handle between two panes; reports the new size of the pane it belongs to, clamped. */
export function Splitter({
  direction,
  size,
  min,
  max,
  invert = false,
  onResize,
  label,
}: {
  direction: 'horizontal' | 'vertical';
  size: number;
  min: number;
  max: number;
  /** The pane grows when dragging left/up (it sits after the handle). */
  invert?: boolean;
  onResize(size: number): void;
  label: string;
}) {
  const start = useRef<{ pointer: number; size: number } | null>(null);
  return (
    <div
      className={`splitter ${direction}`}
      role="separator"
      aria-label={label}
      aria-orientation={direction === 'horizontal' ? 'vertical' : 'horizontal'}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { pointer: direction === 'horizontal' ? e.clientX : e.clientY, size };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const delta = (direction === 'horizontal' ? e.clientX : e.clientY) - start.current.pointer;
        onResize(Math.round(Math.min(max, Math.max(min, start.current.size + (invert ? -delta : delta)))));
      }}
      onPointerUp={() => (start.current = null)}
    />
  );
}
