// Types of the component support table (components.ts) and the small builders its data is written with.
// Pure data: no DOM, so the compiler's checker, editor completion and doc generation can read it too.

/** How far the simulator goes: `full` behaves as on a phone, `simulated` looks and reacts plausibly without
 * WeChat's native service behind it, `unsupported` is accepted and ignored (shown as a placeholder). */
export type SupportStatus = 'full' | 'simulated' | 'unsupported';

/** WXML attribute value kinds. `length` is a number (px) or a CSS length string. */
export type AttributeType = 'boolean' | 'number' | 'string' | 'color' | 'length' | 'array' | 'object' | 'nodes' | 'any';

export type AttributeDefault = string | number | boolean | null | readonly unknown[] | Readonly<Record<string, never>>;

export interface AttributeSupport {
  /** As written in WXML, kebab-case (`scroll-top`). The DOM property is its camelCase (`scrollTop`). */
  readonly name: string;
  readonly type: AttributeType;
  /** WeChat's default; `null` when WeChat has none (unset). */
  readonly default: AttributeDefault;
  /** Accepted values when the attribute is an enumeration. */
  readonly values?: readonly string[];
  /** Overrides the component's status for this attribute. */
  readonly status?: SupportStatus;
  readonly note?: string;
}

export interface EventSupport {
  /** Without the bind/catch prefix: `change`, `scrolltolower`. */
  readonly name: string;
  /** Keys of `event.detail`. */
  readonly detail: readonly string[];
  /** Whether it bubbles in WeChat (built-in component events do not, touch events do). */
  readonly bubbles: boolean;
  readonly status?: SupportStatus;
  readonly note?: string;
}

export type ComponentCategory =
  | 'view-container'
  | 'basic-content'
  | 'form'
  | 'navigation'
  | 'media'
  | 'map'
  | 'canvas'
  | 'open'
  | 'page-config'
  | 'skyline';

export interface ComponentSupport {
  /** WXML tag (`scroll-view`); the view registers it as `wx-scroll-view`. */
  readonly name: string;
  readonly category: ComponentCategory;
  readonly status: SupportStatus;
  readonly attributes: readonly AttributeSupport[];
  readonly events: readonly EventSupport[];
  /** Only valid as a child of these components. */
  readonly parents?: readonly string[];
  readonly note?: string;
}

type Extra = Pick<AttributeSupport, 'status' | 'note' | 'values'>;

export function bool(name: string, defaultValue = false, extra: Extra = {}): AttributeSupport {
  return { name, type: 'boolean', default: defaultValue, ...extra };
}

export function num(name: string, defaultValue: number | null, extra: Extra = {}): AttributeSupport {
  return { name, type: 'number', default: defaultValue, ...extra };
}

export function str(name: string, defaultValue: string | null = null, extra: Extra = {}): AttributeSupport {
  return { name, type: 'string', default: defaultValue, ...extra };
}

export function oneOf(name: string, values: readonly string[], defaultValue: string | null, extra: Extra = {}): AttributeSupport {
  return { name, type: 'string', default: defaultValue, values, ...extra };
}

export function color(name: string, defaultValue: string | null, extra: Extra = {}): AttributeSupport {
  return { name, type: 'color', default: defaultValue, ...extra };
}

export function length(name: string, defaultValue: string | number | null, extra: Extra = {}): AttributeSupport {
  return { name, type: 'length', default: defaultValue, ...extra };
}

export function list(name: string, extra: Extra = {}): AttributeSupport {
  return { name, type: 'array', default: [], ...extra };
}

export function obj(name: string, extra: Extra = {}): AttributeSupport {
  return { name, type: 'object', default: null, ...extra };
}

export function event(name: string, detail: readonly string[] = [], extra: Partial<Pick<EventSupport, 'status' | 'note' | 'bubbles'>> = {}): EventSupport {
  return { name, detail, bubbles: false, ...extra };
}

/** hover-class and friends, shared by view, button and navigator with per-component defaults. */
export function hoverAttributes(hoverClass: string, startTime: number, stayTime: number): AttributeSupport[] {
  return [
    str('hover-class', hoverClass),
    bool('hover-stop-propagation'),
    num('hover-start-time', startTime),
    num('hover-stay-time', stayTime),
  ];
}

/** kebab-case attribute name → the DOM property that carries it. */
export function propertyNameOf(attribute: string): string {
  return attribute.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
