import { signIn, waitFor, stopChild } from '/work/main/scripts/bench/server.js';
import { spawn } from 'node:child_process';
import { BENCH_PASSWORD } from '/work/main/scripts/seed-large/index.js';
import autocannon from 'autocannon';
import { copyFileSync } from 'node:fs';
const [paths, flags] = [process.argv[2].split(','), process.argv[3] ?? ''];
copyFileSync('/work/main/bench/data/large-1.db', '/tmp/prof/l1.db');
const origin='http://127.0.0.1:4690';
const child = spawn(process.execPath, [...flags.split(' ').filter(Boolean), 'build'], { stdio: ['ignore','ignore','inherit'], env: { ...process.env, DATABASE_PATH: '/tmp/prof/l1.db', HOST: '127.0.0.1', PORT: '4690', ORIGIN: origin, BENCH_ROUTES: '1', JOBS_DISABLED: '1' } });
await waitFor(origin + '/health');
const app = { origin, child, stop: () => stopChild(child) };
const cookie = await signIn(app.origin, 'user2@org1.example.org', BENCH_PASSWORD);
for (const p of paths) {
  const r = await autocannon({ url: app.origin + p, connections: 50, duration: 8, headers: { cookie } });
  const one = await autocannon({ url: app.origin + p, connections: 1, duration: 4, headers: { cookie } });
  const body = await (await fetch(app.origin + p, { headers: { cookie } })).text();
  console.log(p, 'req/s', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx, '| 1conn p50', one.latency.p50, 'p99', one.latency.p99, 'KB', (body.length/1024).toFixed(1));
}
const status = (await import('node:fs')).readFileSync(`/proc/${app.child.pid}/status`, 'utf8');
console.log('VmHWM', /VmHWM:\s+(\d+)/.exec(status)[1]);
await app.stop();
