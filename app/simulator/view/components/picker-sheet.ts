// The bottom sheet a <picker> opens: a modal <dialog> in the top layer of the page (above every stacking
// context), the WeUI action bar (取消 / title / 确定), columns with a centre band and fading masks.
import { ITEM_HEIGHT_PX, PICKER_COLUMN_CSS, PickerColumn, VISIBLE_ITEMS } from './picker-column';
import type { PickerState } from './picker-modes';
import { uiText } from './ui-text';

export const PICKER_SHEET_CSS = `
${PICKER_COLUMN_CSS}
dialog {
  position: fixed; inset: auto 0 0 0; width: 100%; max-width: 100%; margin: 0; padding: 0; border: 0;
  background: #ffffff; color: #000000; font-size: 17px; box-sizing: border-box;
  font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Helvetica Neue", sans-serif;
  animation: slide-up .3s ease;
}
dialog:focus { outline: none; }
dialog::backdrop { background: rgba(0, 0, 0, .6); animation: fade-in .3s ease; }
@keyframes slide-up { from { transform: translateY(100%); } to { transform: none; } }
@keyframes fade-in { from { opacity: 0; } to { opacity: 1; } }
.action { display: flex; align-items: center; justify-content: space-between; height: 50px; padding: 0 6px; position: relative; }
.action::after { content: ""; position: absolute; left: 0; right: 0; bottom: 0; border-bottom: 1px solid #e5e5e5; transform: scaleY(.5); }
.action button { border: 0; background: none; font: inherit; padding: 0 12px; height: 100%; cursor: pointer; outline: none; }
.cancel { color: #888888; }
.confirm { color: #1aad19; }
.title { flex: 1; text-align: center; color: #000000; font-size: 17px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.body { position: relative; display: flex; padding: 0 16px; height: ${ITEM_HEIGHT_PX * VISIBLE_ITEMS}px; overflow: hidden; }
.mask {
  position: absolute; inset: 0; pointer-events: none; z-index: 2;
  background-image: linear-gradient(180deg, rgba(255, 255, 255, .95), rgba(255, 255, 255, .6)), linear-gradient(0deg, rgba(255, 255, 255, .95), rgba(255, 255, 255, .6));
  background-position: top, bottom; background-size: 100% ${(ITEM_HEIGHT_PX * (VISIBLE_ITEMS - 1)) / 2}px; background-repeat: no-repeat;
}
.indicator {
  position: absolute; left: 0; right: 0; top: ${(ITEM_HEIGHT_PX * (VISIBLE_ITEMS - 1)) / 2}px; height: ${ITEM_HEIGHT_PX}px;
  pointer-events: none; z-index: 3; border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5; box-sizing: border-box;
}
.empty { flex: 1; }
:host-context(html[data-wx-style=v2]) dialog { border-radius: 12px 12px 0 0; }
:host-context(html[data-wx-style=v2]) .action { height: 56px; padding: 0 12px; }
:host-context(html[data-wx-style=v2]) .action::after { display: none; }
:host-context(html[data-wx-style=v2]) .cancel { color: rgba(0, 0, 0, .9); }
:host-context(html[data-wx-style=v2]) .confirm {
  height: 32px; padding: 0 12px; border-radius: 4px; background: #07c160; color: #ffffff; font-size: 14px; font-weight: 600;
}
`;

export interface PickerSheetHandlers {
  columnSettled(column: number, index: number): void;
  confirm(): void;
  cancel(): void;
}

export class PickerSheet {
  readonly dialog: HTMLDialogElement;
  private readonly title: HTMLSpanElement;
  private readonly body: HTMLDivElement;
  private columns: PickerColumn[] = [];
  private indexes: number[] = [];

  constructor(private readonly handlers: PickerSheetHandlers) {
    this.dialog = document.createElement('dialog');
    this.dialog.setAttribute('part', 'sheet');
    // Marks a native-like overlay: the runtime's gesture capture should not turn taps in it into page taps.
    this.dialog.setAttribute('data-wx-overlay', 'picker');
    // Focus the sheet itself on open, not the 取消 button (no focus ring on a touch-style sheet).
    this.dialog.tabIndex = -1;
    this.dialog.autofocus = true;
    this.dialog.innerHTML =
      '<div class="action" part="action"><button type="button" class="cancel" part="cancel"></button>' +
      '<span class="title" part="title"></span><button type="button" class="confirm" part="confirm"></button></div>' +
      '<div class="body" part="body"><div class="mask"></div><div class="indicator" part="indicator"></div></div>';
    this.title = this.dialog.querySelector('.title')!;
    this.body = this.dialog.querySelector('.body')!;
    this.dialog.querySelector('.cancel')!.addEventListener('click', () => this.handlers.cancel());
    this.dialog.querySelector('.confirm')!.addEventListener('click', () => this.handlers.confirm());
    // A click on the backdrop lands on the dialog itself; Escape fires the dialog's own cancel.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.handlers.cancel();
    });
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.handlers.cancel();
    });
  }

  get open(): boolean {
    return this.dialog.open;
  }

  /** The indexes the columns rest on now. */
  get selected(): readonly number[] {
    return this.indexes;
  }

  show(headerText: string, state: PickerState): void {
    this.title.textContent = headerText;
    this.dialog.querySelector('.cancel')!.textContent = uiText('cancel');
    this.dialog.querySelector('.confirm')!.textContent = uiText('confirm');
    if (!this.dialog.open) this.dialog.showModal();
    this.update(state);
  }

  update(state: PickerState): void {
    while (this.columns.length > state.columns.length) this.columns.pop()!.element.remove();
    while (this.columns.length < state.columns.length) {
      const at = this.columns.length;
      const column = new PickerColumn((index) => {
        this.indexes[at] = index;
        this.handlers.columnSettled(at, index);
      });
      this.columns.push(column);
      this.body.append(column.element);
    }
    this.indexes = [...state.indexes];
    state.columns.forEach((labels, i) => this.columns[i]!.setItems(labels, state.indexes[i] ?? 0));
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }
}
