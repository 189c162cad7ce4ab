// Queries shared by the task screen's component tests.
import { screen } from '@testing-library/react';

export const ada = { id: 'user-1', name: 'Ada Lovelace', email: 'ada@example.test' };

export const titles = () => Array.from(document.querySelectorAll('.row-title')).map((el) => el.textContent);

export const rowOf = (title: string): HTMLElement => {
  const row = screen.getByText(title, { selector: '.row-title' }).closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error(`no row for ${title}`);
  return row;
};

export const grid = () => screen.getByRole('treegrid');

/** A sidebar entry by its visible label. */
export const sideButton = (label: string | RegExp) => screen.getByRole('button', { name: typeof label === 'string' ? new RegExp(`^${label}`) : label });
