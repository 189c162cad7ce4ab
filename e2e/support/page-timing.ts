// Timing inside the page (performance.now(), frame by frame), so Playwright's round trips are not measured.
import type { Page } from 'playwright-core';

/** Runs `action` (page-side JS) and resolves with the ms until `condition` (page-side JS) first holds on a frame. */
export async function timeInPage(page: Page, action: string, condition: string, timeoutMs = 60_000): Promise<number> {
  return page.evaluate(`(async () => {
    const cond = () => { ${condition} };
    const t0 = performance.now();
    ${action};
    while (!cond()) {
      if (performance.now() - t0 > ${timeoutMs}) throw new Error('timed out waiting for: ' + ${JSON.stringify(condition)});
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - t0;
  })()`);
}

/** Milliseconds since navigation start at which `condition` first holds (for first-render timings after a load). */
export async function sinceNavigation(page: Page, condition: string, timeoutMs = 60_000): Promise<number> {
  return page.evaluate(`(async () => {
    const cond = () => { ${condition} };
    while (!cond()) {
      if (performance.now() > ${timeoutMs}) throw new Error('timed out waiting for: ' + ${JSON.stringify(condition)});
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now();
  })()`);
}

export interface ScrollStats {
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  maxRowsInDom: number;
}

/**
 * Scrolls the task grid and reports frame times and DOM size: `steps` frames from `startFraction` of the list,
 * moving `pxPerFrame` each frame (or, without it, spreading the whole list over the steps: a fling).
 */
export async function scrollThrough(page: Page, steps: number, pxPerFrame?: number, startFraction = 0): Promise<ScrollStats> {
  return page.evaluate(`(async () => {
    const grid = document.querySelector('[role="treegrid"]');
    const range = grid.scrollHeight - grid.clientHeight;
    const start = range * ${startFraction};
    grid.scrollTop = start;
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    const deltas = [];
    let maxRows = 0;
    let last = performance.now();
    for (let i = 1; i <= ${steps}; i++) {
      grid.scrollTop = ${pxPerFrame ?? 'null'} === null ? range * (i / ${steps}) : start + ${pxPerFrame ?? 0} * i;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, grid.querySelectorAll('[role="row"]').length);
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      frames: deltas.length,
      meanFrameMs: deltas.reduce((a, b) => a + b, 0) / deltas.length,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)],
      maxFrameMs: sorted[sorted.length - 1],
      maxRowsInDom: maxRows,
    };
  })()`);
}

export interface FrameStats {
  frames: number;
  maxFrameMs: number;
  p95FrameMs: number;
  totalMs: number;
}

/**
 * Runs `steps` times: `action` (page-side JS), then waits until `condition` holds, recording every frame's
 * duration (requestAnimationFrame to requestAnimationFrame) from the first action to the last condition.
 */
export async function framesDuring(page: Page, action: string, condition: string, steps: number, timeoutMs = 60_000): Promise<FrameStats> {
  return page.evaluate(`(async () => {
    const deltas = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    await new Promise((r) => requestAnimationFrame(r));
    last = performance.now();
    requestAnimationFrame(tick);
    const t0 = performance.now();
    for (let step = 0; step < ${steps}; step++) {
      ${action};
      const cond = () => { ${condition} };
      while (!cond()) {
        if (performance.now() - t0 > ${timeoutMs}) throw new Error('timed out waiting for: ' + ${JSON.stringify(condition)});
        await new Promise((r) => requestAnimationFrame(r));
      }
    }
    await new Promise((r) => requestAnimationFrame(r));
    running = false;
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      frames: deltas.length,
      maxFrameMs: sorted[sorted.length - 1] ?? 0,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      totalMs: performance.now() - t0,
    };
  })()`);
}
