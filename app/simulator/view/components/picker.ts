// <picker>: a tap on its content opens the bottom sheet for its mode (selector, multiSelector, time, date,
// region); 确定 fires change with the mode's detail, 取消 / the backdrop / Escape fire cancel.
import type { FormField } from './form-field';
import type { PickerMode, PickerState } from './picker-modes';
import { dateMode, multiSelectorMode, regionMode, selectorMode, timeMode } from './picker-modes';
import { PICKER_SHEET_CSS, PickerSheet } from './picker-sheet';
import { loadRegions } from './region-data';
import { uiText } from './ui-text';
import { sheet, WxElement } from './wx-element';

export class WxPicker extends WxElement implements FormField {
  static override reflected = ['disabled'];
  private pickerSheet!: PickerSheet;
  private model: PickerMode | undefined;
  private state: PickerState | undefined;
  /** The last confirmed value, for forms; the `value` property until the user confirms. */
  private confirmed: unknown;
  private hasConfirmed = false;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(PICKER_SHEET_CSS)];
    this.pickerSheet = new PickerSheet({
      columnSettled: (column, index) => this.columnSettled(column, index),
      confirm: () => this.confirm(),
      cancel: () => this.cancel(),
    });
    root.append(document.createElement('slot'), this.pickerSheet.dialog);
    this.addEventListener('click', (event) => {
      // Clicks inside the sheet are composed out through the host too: only the slotted content opens it.
      if (event.composedPath().includes(this.pickerSheet.dialog)) return;
      void this.open();
    });
  }

  activateFromLabel(): void {
    void this.open();
  }

  private async buildModel(): Promise<PickerMode> {
    const props = (name: string): unknown => this.prop(name);
    switch (this.prop<string>('mode')) {
      case 'multiSelector':
        return multiSelectorMode(props);
      case 'time':
        return timeMode(props);
      case 'date':
        return dateMode(props, { year: uiText('year'), month: uiText('month'), day: uiText('day') });
      case 'region':
        return regionMode(props, await loadRegions());
      default:
        return selectorMode(props);
    }
  }

  /** Opens the sheet (a no-op when disabled or already open). */
  async open(): Promise<void> {
    if (this.prop<boolean>('disabled') || this.pickerSheet.open) return;
    this.model = await this.buildModel();
    this.state = this.model.initial();
    this.pickerSheet.show(this.prop<string | null>('headerText') ?? '', this.state);
  }

  private columnSettled(column: number, index: number): void {
    if (!this.model || !this.state) return;
    this.state = this.model.columnChanged(this.state, column, index);
    if (this.prop<string>('mode') === 'multiSelector') this.emit('columnchange', { column, value: index });
    this.pickerSheet.update(this.state);
  }

  protected override propertyChanged(property: string, value: unknown, previous: unknown): void {
    // multiSelector pages rewrite range/value in their columnchange handler while the sheet is open.
    if (this.pickerSheet?.open && this.model && this.state && (property === 'range' || property === 'value')) {
      this.state = property === 'value' ? this.model.initial() : this.model.columnChanged(this.state, -1, 0);
      this.pickerSheet.update(this.state);
    }
    if (property === 'value') this.hasConfirmed = false;
    super.propertyChanged(property, value, previous);
  }

  private confirm(): void {
    if (!this.model || !this.state) return;
    // Take the columns as they rest now, even if a scroll has not reported settling yet.
    const state = { ...this.state, indexes: [...this.pickerSheet.selected] };
    const detail = this.model.result(state);
    this.pickerSheet.close();
    this.confirmed = detail.value;
    this.hasConfirmed = true;
    this.emit('change', detail);
  }

  private cancel(): void {
    this.pickerSheet.close();
    this.emit('cancel', {});
  }

  /** What a form collects: the last confirmed value, else the `value` property, else the mode's empty value. */
  get formValue(): unknown {
    if (this.hasConfirmed) return this.confirmed;
    const value = this.prop('value');
    if (value !== null && value !== undefined) return value;
    const mode = this.prop<string>('mode');
    return mode === 'selector' ? 0 : mode === 'multiSelector' || mode === 'region' ? [] : '';
  }

  resetFormValue(): void {
    this.hasConfirmed = false;
  }
}
