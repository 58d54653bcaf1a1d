// Preloaded into a benchmark child (`node --import ./bench/rss-probe.mjs …`): on exit, writes the process's peak
// resident set size (process.resourceUsage().maxRSS, in KiB) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is best effort; the action's own exit code matters more
    }
  });
}
