// <page-meta> and <navigation-bar> draw nothing: they report their values in bubbling, composed
// CustomEvents (`pagemeta`, `navigationbar`) to the document, where the runtime applies them to the page and
// to the host's navigation bar. Each report carries every value; one is sent per change batch.
import { propertyNameOf } from '../../support/component-support';
import { WxElement } from './wx-element';

abstract class ReportingElement extends WxElement {
  protected abstract readonly eventType: string;

  protected currentValues(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const attribute of this.meta.spec.attributes) values[propertyNameOf(attribute.name)] = this.prop(propertyNameOf(attribute.name));
    return values;
  }

  protected override render(): void {
    if (this.isConnected) this.emit(this.eventType, this.currentValues(), true);
  }
}

export class WxPageMeta extends ReportingElement {
  protected readonly eventType = 'pagemeta';
}

export class WxNavigationBar extends ReportingElement {
  protected readonly eventType = 'navigationbar';
}
