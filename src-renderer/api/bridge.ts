// The preload bridge (window.tasks), typed from the IPC contract. The renderer never imports electron.
import type { TasksBridge } from '../../src-preload/contract';

declare global {
  interface Window {
    tasks?: TasksBridge;
  }
}

export function getBridge(): TasksBridge {
  const bridge = window.tasks;
  if (!bridge) throw new Error('The Tasks bridge is missing: the preload script did not run.');
  return bridge;
}
