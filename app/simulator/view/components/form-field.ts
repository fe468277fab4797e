// What <form> and <label> need from the controls inside them: a named value to collect, a way to reset it,
// and an action a label tap can trigger.

/** A control a <form> collects when it has a `name`: its `formValue` (or plain `value` for other wx elements). */
export interface FormField {
  readonly formValue: unknown;
  resetFormValue(): void;
}

/** A control a <label> can trigger (checkbox, radio, switch, button, input focus). */
export interface LabelTarget extends Element {
  activateFromLabel(): void;
}

export function isFormField(element: Element): element is Element & FormField {
  return 'formValue' in element && 'resetFormValue' in element;
}

export function isLabelTarget(element: Element | null): element is LabelTarget {
  return element !== null && typeof (element as Partial<LabelTarget>).activateFromLabel === 'function';
}

function fieldName(element: Element): string {
  const property = (element as { name?: unknown }).name;
  if (typeof property === 'string' && property) return property;
  return element.getAttribute('name') ?? '';
}

/** Every named field inside `root`, in document order, as `{name: value}` (later duplicates win, as in WeChat). */
export function collectFormValues(root: Element): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const name = fieldName(element);
    if (!name) continue;
    if (isFormField(element)) values[name] = element.formValue;
    else if ('value' in element && element.localName.startsWith('wx-')) values[name] = (element as { value: unknown }).value;
  }
  return values;
}

export function resetFormFields(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (isFormField(element) && fieldName(element)) element.resetFormValue();
  }
}
