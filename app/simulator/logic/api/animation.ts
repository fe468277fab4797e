/**
 * `wx.createAnimation`: an Animation records steps and `export()` hands them over in WeChat's format, which
 * the view applies to the element's `animation` attribute:
 * `{ actions: [{ animates: [{ type, args }], option: { transformOrigin, transition: { duration, timingFunction, delay } } }] }`.
 * Transforms and styles carry over from step to step (a later step repeats them), keyed by type or style name;
 * a later value replaces an earlier one in place, so the order of transforms is the order of first use.
 */

export interface AnimationStepOption {
  duration?: number;
  timingFunction?: string;
  delay?: number;
  transformOrigin?: string;
}

export interface AnimationAnimate {
  readonly type: string;
  readonly args: readonly unknown[];
}

export interface AnimationAction {
  readonly animates: readonly AnimationAnimate[];
  readonly option: {
    readonly transformOrigin: string;
    readonly transition: { readonly duration: number; readonly timingFunction: string; readonly delay: number };
  };
}

const px = (value: unknown): unknown => (typeof value === 'number' ? `${value}px` : value);
const or = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);

export class Animation {
  private actions: AnimationAction[] = [];
  private readonly carried = new Map<string, AnimationAnimate>();
  private pending: AnimationAnimate[] = [];
  private readonly defaults: Required<AnimationStepOption>;

  constructor(option: AnimationStepOption = {}) {
    this.defaults = {
      duration: or(option.duration, 400),
      timingFunction: or(option.timingFunction, 'linear'),
      delay: or(option.delay, 0),
      transformOrigin: option.transformOrigin || '50% 50% 0',
    };
  }

  /** The steps recorded since the last export; they are handed over once. */
  export(): { actions: AnimationAction[] } {
    const actions = this.actions;
    this.actions = [];
    return { actions };
  }

  step(option: AnimationStepOption = {}): this {
    for (const animate of this.pending) {
      const key = animate.type === 'style' ? `style.${String(animate.args[0])}` : animate.type;
      this.carried.set(key, animate);
    }
    this.pending = [];
    this.actions.push({
      animates: [...this.carried.values()],
      option: {
        transformOrigin: or(option.transformOrigin, this.defaults.transformOrigin),
        transition: {
          duration: or(option.duration, this.defaults.duration),
          timingFunction: or(option.timingFunction, this.defaults.timingFunction),
          delay: or(option.delay, this.defaults.delay),
        },
      },
    });
    return this;
  }

  private push(type: string, args: unknown[]): this {
    this.pending.push({ type, args });
    return this;
  }

  private style(name: string, value: unknown): this {
    return this.push('style', [name, value]);
  }

  matrix(a = 1, b = 0, c = 0, d = 1, tx = 0, ty = 0): this {
    return this.push('matrix', [a, b, c, d, tx, ty]);
  }

  matrix3d(...values: number[]): this {
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    return this.push('matrix3d', identity.map((fallback, i) => or(values[i], fallback)));
  }

  rotate(angle = 0): this {
    return this.push('rotate', [angle]);
  }

  rotate3d(x = 0, y = 0, z = 0, angle = 0): this {
    return this.push('rotate3d', [x, y, z, angle]);
  }

  rotateX(angle = 0): this {
    return this.push('rotateX', [angle]);
  }

  rotateY(angle = 0): this {
    return this.push('rotateY', [angle]);
  }

  rotateZ(angle = 0): this {
    return this.push('rotateZ', [angle]);
  }

  scale(sx = 1, sy?: number): this {
    return this.push('scale', [sx, or(sy, sx)]);
  }

  scale3d(sx = 1, sy = 1, sz = 1): this {
    return this.push('scale3d', [sx, sy, sz]);
  }

  scaleX(s = 1): this {
    return this.push('scaleX', [s]);
  }

  scaleY(s = 1): this {
    return this.push('scaleY', [s]);
  }

  scaleZ(s = 1): this {
    return this.push('scaleZ', [s]);
  }

  skew(ax = 0, ay = 0): this {
    return this.push('skew', [ax, ay]);
  }

  skewX(angle = 0): this {
    return this.push('skewX', [angle]);
  }

  skewY(angle = 0): this {
    return this.push('skewY', [angle]);
  }

  translate(tx: number | string = 0, ty: number | string = 0): this {
    return this.push('translate', [tx, ty]);
  }

  translate3d(tx: number | string = 0, ty: number | string = 0, tz: number | string = 0): this {
    return this.push('translate3d', [tx, ty, tz]);
  }

  translateX(t: number | string = 0): this {
    return this.push('translateX', [t]);
  }

  translateY(t: number | string = 0): this {
    return this.push('translateY', [t]);
  }

  translateZ(t: number | string = 0): this {
    return this.push('translateZ', [t]);
  }

  opacity(value: number): this {
    return this.style('opacity', value);
  }

  backgroundColor(value: string): this {
    return this.style('backgroundColor', value);
  }

  width(value: number | string): this {
    return this.style('width', px(value));
  }

  height(value: number | string): this {
    return this.style('height', px(value));
  }

  left(value: number | string): this {
    return this.style('left', px(value));
  }

  right(value: number | string): this {
    return this.style('right', px(value));
  }

  top(value: number | string): this {
    return this.style('top', px(value));
  }

  bottom(value: number | string): this {
    return this.style('bottom', px(value));
  }
}

export function createAnimationApi(): Record<string, unknown> {
  return {
    createAnimation: (option?: AnimationStepOption) => new Animation(option ?? {}),
  };
}
