/** WeChat's bottom action sheet (wx.showActionSheet, and the "take photo / choose from album" question). */

export interface ActionSheetOptions {
  readonly itemList: readonly string[];
  readonly itemColor: string;
  readonly alertText: string;
  readonly cancelText: string;
  /** Bottom safe-area inset of the device, kept clear below the Cancel button. */
  readonly safeBottom: number;
}

/** Shows the sheet over `screen`; `done` gets the tapped index, or null when the mask or Cancel closed it. */
export function showActionSheet(screen: HTMLElement, options: ActionSheetOptions, done: (tapIndex: number | null) => void): void {
  const mask = document.createElement('div');
  mask.className = 'ms-sheet-mask';
  const sheet = document.createElement('div');
  sheet.className = 'ms-action-sheet';
  sheet.setAttribute('role', 'dialog');
  let closed = false;
  const close = (tapIndex: number | null) => {
    if (closed) return;
    closed = true;
    mask.classList.remove('ms-sheet-open');
    // the slide-down plays, then the sheet goes; the answer does not wait for it
    setTimeout(() => mask.remove(), 200);
    done(tapIndex);
  };
  if (options.alertText) {
    const alert = document.createElement('div');
    alert.className = 'ms-action-sheet-alert';
    alert.textContent = options.alertText;
    sheet.appendChild(alert);
  }
  const menu = document.createElement('div');
  menu.className = 'ms-action-sheet-menu';
  options.itemList.forEach((text, index) => {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'ms-action-sheet-item';
    item.textContent = text;
    item.style.color = options.itemColor;
    item.addEventListener('click', (event) => {
      event.stopPropagation();
      close(index);
    });
    menu.appendChild(item);
  });
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'ms-action-sheet-item ms-action-sheet-cancel';
  cancel.textContent = options.cancelText;
  // the home-indicator inset stays clear below the text, in the button's colour, as on a phone
  cancel.style.paddingBottom = `${16 + options.safeBottom}px`;
  cancel.addEventListener('click', (event) => {
    event.stopPropagation();
    close(null);
  });
  sheet.append(menu, cancel);
  sheet.addEventListener('click', (event) => event.stopPropagation());
  mask.addEventListener('click', () => close(null));
  mask.appendChild(sheet);
  screen.appendChild(mask);
  // next frame, so the slide-up transition starts from the closed position
  requestAnimationFrame(() => mask.classList.add('ms-sheet-open'));
}
