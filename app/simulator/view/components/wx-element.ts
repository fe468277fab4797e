// Base class of every built-in component (`wx-*` custom element). Properties come from the support table:
// each WXML attribute becomes a camelCase DOM property with WeChat's default and coercion, and the HTML
// attribute form (observedAttributes) feeds the same property. Subclasses render from `this.prop(name)`.
import type { AttributeSupport, ComponentSupport } from '../../support/components';
import { findComponent } from '../../support/components';
import { propertyNameOf } from '../../support/component-support';

/** Attributes the runtime or the browser handle for every element; never turned into component properties. */
const UNIVERSAL = new Set(['id', 'class', 'style', 'hidden', 'slot']);

export function coerceValue(spec: AttributeSupport, value: unknown): unknown {
  if (value === undefined || value === null) return spec.default;
  switch (spec.type) {
    case 'boolean':
      if (typeof value === 'string') return value !== 'false';
      return Boolean(value);
    case 'number': {
      const parsed = typeof value === 'number' ? value : Number.parseFloat(String(value));
      return Number.isFinite(parsed) ? parsed : spec.default;
    }
    case 'length':
      if (typeof value === 'number') return value;
      return /^\s*-?\d+(\.\d+)?\s*$/.test(String(value)) ? Number(value) : String(value);
    case 'string':
    case 'color':
      return String(value);
    case 'array':
      if (Array.isArray(value)) return value;
      return parseJson(value, Array.isArray) ?? spec.default;
    case 'object':
      if (typeof value === 'object') return value;
      return parseJson(value, (v) => typeof v === 'object') ?? spec.default;
    case 'nodes':
      return Array.isArray(value) || typeof value === 'string' ? value : spec.default;
    case 'any':
      return value;
  }
}

function parseJson(value: unknown, accept: (v: unknown) => boolean): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return accept(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** px of a WXML length attribute: numbers are px, `rpx` is 1/750 of the window width (as WeChat since 2.4.0). */
export function lengthToPx(value: unknown, fallback = 0): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  const parsed = Number.parseFloat(text);
  if (!Number.isFinite(parsed)) return fallback;
  return text.endsWith('rpx') ? (parsed * window.innerWidth) / 750 : parsed;
}

/** A CSS length from a WXML length attribute: numbers are px, rpx is converted, other units pass through. */
export function cssLength(value: unknown, fallback = '0px'): string {
  if (typeof value === 'number') return `${value}px`;
  const text = String(value ?? '').trim();
  if (text === '') return fallback;
  if (/^-?\d+(\.\d+)?(px|rpx)?$/.test(text)) return `${lengthToPx(text)}px`;
  return text;
}

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed stylesheet per CSS text, shared by every shadow root of this document. */
export function sheet(cssText: string): CSSStyleSheet {
  let found = sheets.get(cssText);
  if (!found) {
    found = new CSSStyleSheet();
    found.replaceSync(cssText);
    sheets.set(cssText, found);
  }
  return found;
}

interface WxElementClass {
  readonly spec: ComponentSupport;
  readonly specByProperty: ReadonlyMap<string, AttributeSupport>;
  readonly propertyByAttribute: ReadonlyMap<string, string>;
  readonly reflected: readonly string[];
}

export abstract class WxElement extends HTMLElement {
  /** Attribute names mirrored back onto the element so the default stylesheet can select on them. */
  static reflected: readonly string[] = [];

  private readonly propertyValues = new Map<string, unknown>();
  private renderQueued = false;
  /** The attribute being mirrored right now; other attributes' queued callbacks must still run. */
  private reflecting: string | undefined;
  private setUp = false;

  /** Properties set before the element was upgraded (own properties shadowing our accessors). */
  private readonly earlyValues = new Map<string, unknown>();

  constructor() {
    super();
    // They are replayed on first connection, once subclass fields exist.
    for (const property of this.meta.specByProperty.keys()) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        this.earlyValues.set(property, (this as unknown as Record<string, unknown>)[property]);
        delete (this as unknown as Record<string, unknown>)[property];
      }
    }
  }

  /** False until the first connection built the internal structure (properties may arrive before). */
  protected get isSetUp(): boolean {
    return this.setUp;
  }

  protected get meta(): WxElementClass {
    return this.constructor as unknown as WxElementClass;
  }

  connectedCallback(): void {
    if (!this.setUp) {
      for (const [property, value] of this.earlyValues) (this as unknown as Record<string, unknown>)[property] = value;
      this.earlyValues.clear();
      this.setUp = true;
      // A class field named like an attribute property would silently swallow what the runtime sets.
      for (const property of this.meta.specByProperty.keys()) {
        if (Object.prototype.hasOwnProperty.call(this, property)) throw new Error(`${this.localName}: field "${property}" hides the attribute property.`);
      }
      this.setup();
    }
    this.render();
    this.connected();
  }

  disconnectedCallback(): void {
    this.disconnected();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === this.reflecting) return;
    const property = this.meta.propertyByAttribute.get(name);
    if (property) (this as unknown as Record<string, unknown>)[property] = value === null ? undefined : value;
  }

  /** Removing an attribute the runtime had set as a property resets that property to WeChat's default. */
  override removeAttribute(name: string): void {
    const property = this.meta.propertyByAttribute.get(name.toLowerCase()) ?? this.meta.propertyByAttribute.get(name);
    if (property && !this.hasAttribute(name) && this.reflecting !== name) (this as unknown as Record<string, unknown>)[property] = undefined;
    super.removeAttribute(name);
  }

  /** Current value of a property (camelCase), WeChat's default when unset. */
  prop<T = unknown>(property: string): T {
    if (this.propertyValues.has(property)) return this.propertyValues.get(property) as T;
    return this.meta.specByProperty.get(property)?.default as T;
  }

  /** Stores a property through the table's coercion; re-renders when it changed. */
  setProp(property: string, value: unknown): void {
    const spec = this.meta.specByProperty.get(property);
    if (!spec) return;
    const next = coerceValue(spec, value);
    const previous = this.prop(property);
    this.propertyValues.set(property, next);
    if (Object.is(previous, next)) return;
    if (this.meta.reflected.includes(spec.name)) this.reflect(spec.name, next === spec.default ? null : next);
    this.propertyChanged(property, next, previous);
  }

  private reflect(attribute: string, value: unknown): void {
    this.reflecting = attribute;
    try {
      if (value === false || value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, value === true ? '' : String(value));
    } finally {
      this.reflecting = undefined;
    }
  }

  /** Called for every effective property change; the default re-renders once per microtask. */
  protected propertyChanged(_property: string, _value: unknown, _previous: unknown): void {
    this.requestRender();
  }

  protected requestRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      if (this.setUp) this.render();
    });
  }

  /** Fires a WeChat-shaped component event. Built-in component events do not bubble in WeChat. */
  emit(type: string, detail: unknown = {}, bubbles = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed: true, cancelable: true }));
  }

  /** Builds internal structure once, on first connection. */
  protected setup(): void {}
  /** Brings the DOM in line with the properties; must be idempotent. */
  protected render(): void {}
  protected connected(): void {}
  protected disconnected(): void {}
}

type WxElementConstructor = (new () => WxElement) & { reflected: readonly string[] };

/** Registers `wx-<name>` with properties and observed attributes taken from the support table. */
export function defineComponent(name: string, ctor: WxElementConstructor, registry: CustomElementRegistry = customElements): void {
  const tag = `wx-${name}`;
  if (registry.get(tag)) return;
  const spec = findComponent(name);
  if (!spec) throw new Error(`No support-table entry for component "${name}".`);
  const specByProperty = new Map<string, AttributeSupport>();
  const propertyByAttribute = new Map<string, string>();
  for (const attribute of spec.attributes) {
    if (UNIVERSAL.has(attribute.name)) continue;
    const property = propertyNameOf(attribute.name);
    specByProperty.set(property, attribute);
    propertyByAttribute.set(attribute.name, property);
    if (property !== attribute.name.toLowerCase()) propertyByAttribute.set(property.toLowerCase(), property);
    const own = Object.getOwnPropertyDescriptor(ctor.prototype, property);
    if (own) {
      // The class defines its own accessor (value, focus, scrollTop…); it must accept what the runtime sets.
      if (!own.set) throw new Error(`wx-${name}: "${property}" shadows an attribute property but has no setter.`);
      continue;
    }
    Object.defineProperty(ctor.prototype, property, {
      configurable: true,
      enumerable: true,
      get(this: WxElement) {
        return this.prop(property);
      },
      set(this: WxElement, value: unknown) {
        this.setProp(property, value);
      },
    });
  }
  Object.defineProperties(ctor, {
    spec: { value: spec },
    specByProperty: { value: specByProperty },
    propertyByAttribute: { value: propertyByAttribute },
    observedAttributes: { value: [...propertyByAttribute.keys()] },
  });
  registry.define(tag, ctor);
}
