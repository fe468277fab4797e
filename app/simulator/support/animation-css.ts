// The view side of `wx.createAnimation`: turns one exported step ({ animates, option }) into the CSS that
// plays it, and plays the steps of an `animation` attribute one after another. Pure: the caller owns the element.

export interface AnimationStep {
  readonly animates: readonly { readonly type: string; readonly args: readonly unknown[] }[];
  readonly option: {
    readonly transformOrigin?: string;
    readonly transition?: { readonly duration?: number; readonly timingFunction?: string; readonly delay?: number };
  };
}

export interface AnimationStepCss {
  /** Inline style properties in CSS (kebab-case) names. */
  readonly style: Readonly<Record<string, string>>;
  /** How long the step takes, delay included, in ms. */
  readonly totalMs: number;
}

const ANGLE_UNIT: Readonly<Record<string, readonly string[]>> = {
  rotate: ['deg'],
  rotateX: ['deg'],
  rotateY: ['deg'],
  rotateZ: ['deg'],
  rotate3d: ['', '', '', 'deg'],
  skew: ['deg', 'deg'],
  skewX: ['deg'],
  skewY: ['deg'],
  translate: ['px', 'px'],
  translate3d: ['px', 'px', 'px'],
  translateX: ['px'],
  translateY: ['px'],
  translateZ: ['px'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function transformFunction(type: string, args: readonly unknown[]): string {
  const units = ANGLE_UNIT[type] ?? [];
  const values = args.map((arg, i) => (typeof arg === 'number' ? `${arg}${units[i] ?? ''}` : String(arg)));
  return `${type}(${values.join(',')})`;
}

export function animationStepCss(step: AnimationStep): AnimationStepCss {
  const style: Record<string, string> = {};
  const transforms: string[] = [];
  const transitioned = new Set<string>();
  for (const { type, args } of step.animates) {
    if (type === 'style') {
      const name = kebab(String(args[0]));
      style[name] = typeof args[1] === 'number' && name !== 'opacity' ? `${args[1]}px` : String(args[1]);
      transitioned.add(name);
    } else {
      transforms.push(transformFunction(type, args));
    }
  }
  if (transforms.length) {
    style.transform = transforms.join(' ');
    transitioned.add('transform');
  }
  const duration = step.option.transition?.duration ?? 400;
  const delay = step.option.transition?.delay ?? 0;
  const timing = step.option.transition?.timingFunction ?? 'linear';
  style['transform-origin'] = step.option.transformOrigin ?? '50% 50% 0';
  style.transition = [...transitioned].map((p) => `${p} ${duration}ms ${timing} ${delay}ms`).join(',') || 'none';
  return { style, totalMs: duration + delay };
}

export interface AnimationTarget {
  setStyle(name: string, value: string): void;
}

/** Plays steps in order; returns a cancel function (a new `animation` value cancels the running one). */
export function playAnimation(
  target: AnimationTarget,
  exported: { readonly actions?: readonly AnimationStep[] } | null | undefined,
  schedule: (fn: () => void, ms: number) => () => void,
): () => void {
  const steps = exported?.actions ?? [];
  let cancelled = false;
  let cancelTimer: () => void = () => undefined;
  const run = (index: number) => {
    if (cancelled || index >= steps.length) return;
    const { style, totalMs } = animationStepCss(steps[index]!);
    for (const [name, value] of Object.entries(style)) target.setStyle(name, value);
    cancelTimer = schedule(() => run(index + 1), totalMs);
  };
  run(0);
  return () => {
    cancelled = true;
    cancelTimer();
  };
}
