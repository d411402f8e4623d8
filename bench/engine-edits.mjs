// The engine alone on a 5,000-document file (no LSP): the first check, then characters typed
// at the end of the middle Deployment's `name:` line, then a comment typed there. Prints the
// CPU time of each checkTextWithFacts call and how the workspace stage ran (full, partial, reused).
// `--profile out.cpuprofile` writes a CPU profile of the name edits.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { manifestStream, middleDeployment } from './manifests.mjs';

const require = createRequire(import.meta.url);
const { checkTextWithFacts } = require('../out/server/src/service/engine/checkFile.js');
const { ChunkCache } = require('../out/server/src/service/engine/chunkCache.js');

const args = process.argv.slice(2);
const size = Number(args[args.indexOf('--size') + 1] || 5000) || 5000;
const profileTo = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const edits = Number(args.includes('--edits') ? args[args.indexOf('--edits') + 1] : 10);

const { text, kinds } = manifestStream(size);
const where = middleDeployment(text, kinds);
const lines = text.split('\n');
const cache = new ChunkCache();
const options = { languageId: 'yaml', cache, maxFileSizeBytes: 16 << 20 };
// CPU time of the process rather than wall time: the machine is shared, and a descheduled
// process's wall time says nothing about the engine.
const time = (t) => {
  const start = process.cpuUsage();
  const result = checkTextWithFacts(t, options);
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const first = time(text);
console.log(`first check: ${first.ms.toFixed(0)} ms, ${first.result.findings.length} findings, ${cache.workspace.lastRun}`);

let session;
if (profileTo) {
  session = new inspector.Session();
  session.connect();
  await new Promise((r) => session.post('Profiler.enable', r));
  await new Promise((r) => session.post('Profiler.start', r));
}
const typed = (suffix) => {
  const copy = [...lines];
  copy[where.nameLine] += suffix;
  return copy.join('\n');
};
const nameTimes = [];
const nameStage = [];
const runs = {};
for (let i = 1; i <= edits; i++) {
  const { ms } = time(typed('x'.repeat(i)));
  nameTimes.push(ms);
  if (cache.workspace.lastStats) nameStage.push(cache.workspace.lastStats.ms);
  runs[cache.workspace.lastRun] = (runs[cache.workspace.lastRun] ?? 0) + 1;
}
if (session) {
  const { profile } = await new Promise((r, j) => session.post('Profiler.stop', (e, p) => (e ? j(e) : r(p))));
  fs.writeFileSync(profileTo, JSON.stringify(profile));
}
console.log(
  `name edits: median ${median(nameTimes).toFixed(1)} ms (${nameTimes.map((t) => t.toFixed(0)).join(' ')}) runs ${JSON.stringify(runs)}` +
    (nameStage.length > 0 ? `; workspace stage median ${median(nameStage).toFixed(1)} ms (wall)` : ''),
);
if (cache.workspace.lastStats) console.log('last name edit:', JSON.stringify(cache.workspace.lastStats));
const commentTimes = [];
for (let i = 1; i <= edits; i++) commentTimes.push(time(typed(' #' + 'c'.repeat(i))).ms);
console.log(`comment edits: median ${median(commentTimes).toFixed(1)} ms, last run ${cache.workspace.lastRun}`);
if (cache.workspace.lastStats) console.log('last comment edit:', JSON.stringify(cache.workspace.lastStats));
