// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self and inclusive time
// per function, and self time per package (node_modules/<pkg>, node:internal, app code). Pure.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface TimeShare {
  name: string;
  ms: number;
  /** Share of all samples, 0..1. */
  share: number;
}

/** "node_modules/hono", "node:internal", "app", or the V8 pseudo-frames "(garbage collector)" etc. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return `node_modules/${m[1]}`;
  return 'app';
}

function frameName(n: CpuProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url
    ? url.replace(/^.*\/(node_modules\/)/, '$1').replace(/^file:\/\/.*\/(out|src-main)\//, '$1/')
    : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

export interface ProfileSummary {
  totalMs: number;
  bySelf: TimeShare[];
  byInclusive: TimeShare[];
  byPackage: TimeShare[];
}

export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Hits per node: from the samples array when present, else hitCount.
  const hits = new Map<number, number>();
  if (profile.samples?.length) for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  else for (const n of profile.nodes) if (n.hitCount) hits.set(n.id, n.hitCount);
  const totalHits = [...hits.values()].reduce((a, b) => a + b, 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = totalHits ? totalMs / totalHits : 0;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id);
    if (!node) continue;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + count);
    const p = packageOf(node.callFrame.url, node.callFrame.functionName);
    pkg.set(p, (pkg.get(p) ?? 0) + count);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const fn = frameName(n);
      if (seen.has(fn)) continue; // recursion: count a function once per stack
      seen.add(fn);
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + count);
    }
  }
  const rank = (m: Map<string, number>, limit: number): TimeShare[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, count]) => ({ name, ms: count * msPerHit, share: totalHits ? count / totalHits : 0 }));
  return { totalMs, bySelf: rank(self, top), byInclusive: rank(inclusive, top), byPackage: rank(pkg, 50) };
}
