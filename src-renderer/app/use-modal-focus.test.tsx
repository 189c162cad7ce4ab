// The modal focus trap shared by the app's dialogs: where focus starts, that Tab cycles inside, where it goes back.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useModalFocus } from './use-modal-focus';

afterEach(cleanup);

function Dialog({ autofocus }: { autofocus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
  return (
    <div ref={ref} role="dialog" aria-modal="true" aria-label="Test" tabIndex={-1} onKeyDown={trapTab}>
      <button type="button">First</button>
      <button type="button" disabled>
        Disabled
      </button>
      <button type="button" tabIndex={-1}>
        Roving
      </button>
      <input aria-label="Middle" data-autofocus={autofocus ? '' : undefined} />
      <button type="button">Last</button>
    </div>
  );
}

function Page({ autofocus = false }: { autofocus?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen((v) => !v)}>
        Opener
      </button>
      {open ? <Dialog autofocus={autofocus} /> : null}
    </>
  );
}

const focused = () => (document.activeElement as HTMLElement | null)?.textContent || document.activeElement?.getAttribute('aria-label');

describe('useModalFocus', () => {
  it('starts on the first focusable element, cycles with Tab and Shift+Tab, and gives focus back on close', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Opener' }));
    expect(focused()).toBe('First');
    await user.tab();
    expect(focused()).toBe('Middle');
    await user.tab();
    expect(focused()).toBe('Last');
    await user.tab();
    expect(focused()).toBe('First');
    await user.tab({ shift: true });
    expect(focused()).toBe('Last');
    // Focus on the dialog itself (not one of its fields) goes to its first field on Tab.
    screen.getByRole('dialog').focus();
    await user.keyboard('{Tab}');
    expect(focused()).toBe('First');
    // Closing (a click that does not move focus) gives focus back to the opener.
    fireEvent.click(screen.getByRole('button', { name: 'Opener' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(focused()).toBe('Opener');
  });

  it('starts on the element marked data-autofocus', async () => {
    const user = userEvent.setup();
    render(<Page autofocus />);
    await user.click(screen.getByRole('button', { name: 'Opener' }));
    expect(focused()).toBe('Middle');
  });
});
