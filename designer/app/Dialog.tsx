/** A modal dialog: focus moves into it, Tab stays inside, Escape or a click outside closes it, and focus goes back to what opened it. */
import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  /** The dialog's accessible name, or the id of its heading in `labelledBy`. */
  label?: string;
  labelledBy?: string;
  onClose: () => void;
  className?: string;
  style?: CSSProperties;
  testId?: string;
  /** Makes the dialog a form: Enter in a field submits it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

export function Dialog({ label, labelledBy, onClose, className, style, testId, onSubmit, children }: Props) {
  const ref = useRef<HTMLDivElement & HTMLFormElement>(null);
  // Read while rendering, before a field's autoFocus takes focus at commit.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : undefined));
  useEffect(() => {
    const dialog = ref.current!;
    // A field with autoFocus has taken focus already; otherwise the first control, or the dialog itself.
    if (!dialog.contains(document.activeElement)) (dialog.querySelector<HTMLElement>(focusable) ?? dialog).focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...ref.current!.querySelectorAll<HTMLElement>(focusable)];
    if (items.length === 0) return event.preventDefault();
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const props = {
    ref,
    className: className ? `dialog card ${className}` : 'dialog card',
    style,
    role: 'dialog',
    'aria-modal': true,
    'aria-label': label,
    'aria-labelledby': labelledBy,
    tabIndex: -1,
    onKeyDown,
    onClick: (event: { stopPropagation: () => void }) => event.stopPropagation(),
    'data-testid': testId,
  };
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      {onSubmit ? (
        <form {...props} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...props}>{children}</div>
      )}
    </div>
  );
}
