// <form> collects every named field inside on submit and resets them on reset; <label> forwards its tap to
// the control it names with `for`, or to the first control inside it.
import { collectFormValues, isLabelTarget, resetFormFields } from './form-field';
import { WxElement } from './wx-element';

let formIdCounter = 0;

export class WxForm extends WxElement {
  /** Called by <button form-type="submit">; fires `submit` {value, formId}. */
  submitForm(): void {
    const detail: Record<string, unknown> = { value: collectFormValues(this) };
    // formId needs WeChat's template-message service: give a recognisable placeholder.
    if (this.prop<boolean>('reportSubmit')) detail.formId = `the formId is a mock one (simulator ${++formIdCounter})`;
    this.emit('submit', detail);
  }

  /** Called by <button form-type="reset">; clears every field and fires `reset`. */
  resetForm(): void {
    resetFormFields(this);
    this.emit('reset', {});
  }
}

const LABELLED = 'wx-button, wx-checkbox, wx-radio, wx-switch, wx-input, wx-textarea';

export class WxLabel extends WxElement {
  protected override setup(): void {
    this.addEventListener('click', (event) => {
      const target = this.target();
      if (!target || target.contains(event.target as Node)) return;
      target.activateFromLabel();
    });
  }

  private target(): ReturnType<typeof findTarget> {
    const id = this.prop<string | null>('for');
    if (id) {
      const root = this.getRootNode() as Document | ShadowRoot;
      return findTarget(root.getElementById?.(id) ?? null);
    }
    return findTarget(this.querySelector(LABELLED));
  }
}

function findTarget(element: Element | null): (Element & { activateFromLabel(): void }) | null {
  return isLabelTarget(element) ? element : null;
}
