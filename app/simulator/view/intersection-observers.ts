/**
 * The view side of `createIntersectionObserver`: a real IntersectionObserver per Worker observer, reporting
 * WeChat's status shape. The listener fires once right away, then on every threshold crossing.
 */
import type { IntersectionInfo, RectInfo, ViewToWorker } from '../protocol';

function rect(r: DOMRectReadOnly | null | undefined): RectInfo {
  return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : { left: 0, top: 0, width: 0, height: 0 };
}

export class IntersectionObservers {
  private readonly observers = new Map<number, IntersectionObserver>();

  constructor(private readonly send: (message: ViewToWorker) => void) {}

  observe(observerId: number, target: Element | undefined, relative: Element | undefined | null, margin: string, thresholds: readonly number[]): void {
    if (!target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const status: IntersectionInfo = {
            intersectionRatio: entry.intersectionRatio,
            boundingClientRect: rect(entry.boundingClientRect),
            intersectionRect: rect(entry.intersectionRect),
            relativeRect: rect(entry.rootBounds),
            time: Math.round(entry.time),
          };
          this.send({ kind: 'intersection', observerId, status });
        }
      },
      { root: relative ?? null, rootMargin: margin, threshold: [...thresholds] },
    );
    observer.observe(target);
    this.observers.set(observerId, observer);
  }

  unobserve(observerId: number): void {
    this.observers.get(observerId)?.disconnect();
    this.observers.delete(observerId);
  }
}
