// Renderer entry: mounts the app on #root with the preload bridge.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './api/bridge';
import { App, createQueryClient } from './app/app';
import './styles/base.css';
import './styles/auth.css';
import './styles/tasks.css';
import './styles/overlays.css';
import './styles/organize.css';
import './styles/account.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

try {
  const bridge = getBridge();
  createRoot(root).render(
    <StrictMode>
      <App bridge={bridge} queryClient={createQueryClient()} />
    </StrictMode>,
  );
} catch (error) {
  root.textContent = error instanceof Error ? error.message : 'Tasks could not start.';
  root.className = 'fatal';
}
