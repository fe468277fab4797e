import { useEffect, useRef, useState } from 'react';
import { useDialogStore } from '../../stores/dialog-store';

/** Renders the current in-app dialog; Enter picks the primary button, Escape cancels. */
export function DialogHost() {
  const dialog = useDialogStore((s) => s.current);
  const answer = useDialogStore((s) => s.answer);
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setValue(dialog?.input?.value ?? '');
    const focusTarget = dialog?.input ? inputRef.current : firstButton.current;
    setTimeout(() => {
      focusTarget?.focus();
      if (focusTarget instanceof HTMLInputElement) {
        const dot = focusTarget.value.lastIndexOf('.');
        focusTarget.setSelectionRange(0, dot > 0 ? dot : focusTarget.value.length);
      }
    }, 0);
  }, [dialog]);

  if (!dialog) return null;
  const problem = dialog.input?.validate?.(value) ?? null;
  const primary = dialog.buttons.find((b) => b.primary) ?? dialog.buttons[0];
  const choose = (button: string) => {
    if (button !== 'cancel' && dialog.input && problem) return;
    answer({ button, value });
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && choose('cancel')}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={dialog.title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') choose('cancel');
          else if (e.key === 'Enter' && primary && (e.target as HTMLElement).tagName !== 'BUTTON') choose(primary.id);
        }}
      >
        <div className="dialog-title">{dialog.title}</div>
        {dialog.message && <div className="dialog-message">{dialog.message}</div>}
        {dialog.input && (
          <>
            <input
              ref={inputRef}
              className="dialog-input"
              value={value}
              placeholder={dialog.input.placeholder}
              onChange={(e) => setValue(e.target.value)}
              spellCheck={false}
            />
            {problem && value !== '' && <div className="dialog-problem">{problem}</div>}
          </>
        )}
        <div className="dialog-buttons">
          {dialog.buttons.map((button, index) => (
            <button
              key={button.id}
              ref={index === 0 ? firstButton : undefined}
              className={`btn${button.primary ? ' primary' : ''}${button.danger ? ' danger' : ''}`}
              disabled={button.primary && dialog.input !== undefined && problem !== null}
              onClick={() => choose(button.id)}
            >
              {button.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
