// While a scenario runs: GET /api/health back to back (one in flight, 10 ms apart) and record each latency, so a
// report can say how responsive the API stayed. Used by bench/hardening.ts and bench/recurrence-budget.ts.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes until stopped; stop() answers each latency in ms. */
export function probeHealth(baseUrl: string): { stop: () => Promise<number[]> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  let running = true;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get({ host: url.hostname, port: url.port, path: '/api/health', agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', () => {
        latencies.push(performance.now() - started);
        resolve();
      });
    });
  const loop = (async () => {
    while (running) {
      await one();
      await sleep(10);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      agent.destroy();
      return latencies;
    },
  };
}
