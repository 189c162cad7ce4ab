// `node bench/profile.mjs FILE.cpuprofile [TOP]`: where the time went in a `node --cpu-prof` profile
// (e.g. the headless host's, from `BENCH_PROFILE=1 npm run bench`): self time by package and by
// function, and inclusive time by function. Runs on Node >= 22.18 (TypeScript type stripping).
import { readFileSync } from 'node:fs';
import { summarizeProfile } from './lib/cpu-profile.ts';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node bench/profile.mjs FILE.cpuprofile [TOP]');
  process.exit(2);
}
const s = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), Number(top));
const pct = (x) => `${(x * 100).toFixed(1).padStart(5)} %`;
const print = (title, rows) => {
  console.log(`\n${title}`);
  for (const r of rows) console.log(`${pct(r.share)} ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`);
};
console.log(`profile: ${s.totalMs.toFixed(0)} ms`);
print('self time by package', s.byPackage);
print('self time by function', s.bySelf);
print('inclusive time by function', s.byInclusive);
