/**
 * `node out/bench/hotspots.js FILE.cpuprofile [N]`: the functions a `node --cpu-prof` profile spent its time
 * in, by self time and by total time (the function and what it called), with their source locations.
 */
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Hotspot {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file =
    url === '' ? '' : ` ${path.relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${file}`;
}

export function hotspots(profile: Profile): Hotspot[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const result = new Map<string, Hotspot>();
  const entry = (name: string) => {
    let hotspot = result.get(name);
    if (!hotspot) result.set(name, (hotspot = { name, selfMs: 0, totalMs: 0 }));
    return hotspot;
  };
  // Total time of a node: its own samples and its descendants'. Recursion counts once per function.
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id) as ProfileNode;
    const name = label(node);
    const own = self.get(id) ?? 0;
    entry(name).selfMs += own;
    const nested = open.has(name);
    if (!nested) open.add(name);
    const total = own + (node.children ?? []).reduce((sum, child) => sum + walk(child, open), 0);
    if (!nested) {
      open.delete(name);
      entry(name).totalMs += total;
    }
    return total;
  };
  walk(profile.nodes[0].id, new Set());
  return [...result.values()];
}

function main(): void {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: node out/bench/hotspots.js FILE.cpuprofile [N]');
  const spots = hotspots(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
  const print = (title: string, key: 'selfMs' | 'totalMs') => {
    console.log(`\n${title}`);
    for (const spot of [...spots].sort((a, b) => b[key] - a[key]).slice(0, Number(count))) {
      console.log(`${spot[key].toFixed(0).padStart(8)} ms  ${spot.name}`);
    }
  };
  print('Self time', 'selfMs');
  print('Total time', 'totalMs');
}

if (require.main === module) main();
