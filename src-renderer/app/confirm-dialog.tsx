// The app's own confirmation, instead of the browser's plain confirm(): a modal alert dialog that says what will
// happen, starts on the safe choice, answers no on Esc, Cancel or a click outside, and gives focus back.
//   const confirm = useConfirm();  ...  if (!(await confirm.ask({ ... }))) return;  ...  {confirm.dialog}
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModalFocus } from './use-modal-focus';

export interface ConfirmRequest {
  title: string;
  message: string;
  /** The button that does it ("Delete for good"). */
  confirmLabel: string;
  danger?: boolean;
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (yes: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
  // On the body, above whatever asked (Settings asks before Revoke); React events still bubble to the asker, so
  // this dialog keeps its keys and clicks to itself.
  return createPortal(
    <div
      className="overlay confirm-overlay"
      role="presentation"
      onClick={(e) => {
        e.stopPropagation();
        onAnswer(false);
      }}
    >
      <div
        ref={ref}
        className="sheet confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The keys stay here: Delete or Space must not reach the list under the dialog.
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onAnswer(false);
          }
          trapTab(e);
        }}
      >
        <h2 id="confirm-title">{request.title}</h2>
        <p id="confirm-message" dir="auto">
          {request.message}
        </p>
        <div className="confirm-actions">
          <button type="button" className="button" data-autofocus onClick={() => onAnswer(false)}>
            Cancel
          </button>
          <button type="button" className={request.danger ? 'button button-danger' : 'button button-primary'} onClick={() => onAnswer(true)}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

export interface Confirm {
  /** Opens the question; resolves true for the confirm button, false for anything else. */
  ask: (request: ConfirmRequest) => Promise<boolean>;
  /** Render this where the dialog lives (nothing while no question is open). */
  dialog: ReactNode;
}

export function useConfirm(): Confirm {
  const [open, setOpen] = useState<{ request: ConfirmRequest; answer: (yes: boolean) => void } | null>(null);
  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        // A question asked while another is open answers the earlier one "no" (never left pending).
        setOpen((previous) => {
          previous?.answer(false);
          return { request, answer: resolve };
        });
      }),
    [],
  );
  const dialog = open ? (
    <ConfirmDialog
      request={open.request}
      onAnswer={(yes) => {
        setOpen(null);
        open.answer(yes);
      }}
    />
  ) : null;
  return { ask, dialog };
}
