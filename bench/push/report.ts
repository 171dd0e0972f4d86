/** Markdown tables of the push benchmark results, with the targets of the brief. */
interface Results {
  latency: Array<{
    mode: string;
    members: number;
    events: number;
    rate: number;
    p50?: number;
    p99?: number;
    max?: number;
  }>;
  throughput: Array<{
    mode: string;
    frames: number;
    seconds: number;
    framesPerSecond: number;
    sendLoopMs: number;
  }>;
  memory: Array<{ mode: string; connections: number; bytesPerConnection: number }>;
}

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));

export function printTables(results: Results): void {
  console.log('\n### (a) delivery latency, publish -> receipt on every socket (target p99 < 100 ms)\n');
  console.log('| path | members | events | rate/s | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results.latency) {
    console.log(
      `| ${r.mode} | ${r.members} | ${r.events} | ${r.rate} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`,
    );
  }
  console.log('\n### (b) fan-out throughput, same clients and payload (target hub >= 0.7x bare)\n');
  console.log('| server | frames | seconds | frames/s | server send loop ms | ratio |');
  console.log('|---|---|---|---|---|---|');
  const bare = results.throughput.find((r) => r.mode === 'bare')?.framesPerSecond ?? Number.NaN;
  for (const r of results.throughput) {
    const ratio = (r.framesPerSecond / bare).toFixed(2);
    console.log(
      `| ${r.mode} | ${r.frames} | ${r.seconds.toFixed(2)} | ${Math.round(r.framesPerSecond)} | ${r.sendLoopMs.toFixed(0)} | ${ratio} |`,
    );
  }
  console.log('\n### (c) RSS per idle authenticated connection (target hub <= 1.5x bare and < 10 KiB)\n');
  console.log('| connections | hub bytes/conn | bare bytes/conn | ratio |');
  console.log('|---|---|---|---|');
  for (const hub of results.memory.filter((r) => r.mode === 'hub')) {
    const bare = results.memory.find((r) => r.mode === 'bare' && r.connections === hub.connections);
    const ratio = bare ? (hub.bytesPerConnection / bare.bytesPerConnection).toFixed(2) : '-';
    console.log(
      `| ${hub.connections} | ${Math.round(hub.bytesPerConnection)} | ${Math.round(bare?.bytesPerConnection ?? Number.NaN)} | ${ratio} |`,
    );
  }
}
