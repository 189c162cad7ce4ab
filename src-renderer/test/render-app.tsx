// Renders the whole app against a fake bridge and a fake task API, with layout stubs so the virtualized
// list has a size in happy-dom.
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { User } from '../../src-preload/contract';
import { App, createQueryClient } from '../app/app';
import type { OrgTask } from '../api/organize-api';
import { createFakeBridge } from './fake-bridge';
import { createFakeTaskServer } from './fake-task-server';

// A loaded 2-core machine can take more than the default 1 s for a fake request and a render: wait up to 5 s.
configure({ asyncUtilTimeout: 5_000 });

export function renderApp(options: { signedInAs?: User; seed?: string[]; seedExtra?: Partial<OrgTask> } = {}) {
  const fake = createFakeBridge();
  const server = createFakeTaskServer();
  if (options.signedInAs) {
    fake.signedInAs(options.signedInAs);
    server.seed(options.signedInAs.id, options.seed ?? [], options.seedExtra);
  }
  vi.stubGlobal('fetch', server.fetch);
  // happy-dom has no layout: its ResizeObserver reports 0×0, which would leave the virtual list empty.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  // TanStack Virtual sizes the viewport from clientWidth/clientHeight.
  // (Each test file gets its own happy-dom window, so this does not leak into other files.)
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  const user = userEvent.setup();
  const view = render(<App bridge={fake.bridge} queryClient={createQueryClient()} />);
  return { ...view, fake, server, user };
}
