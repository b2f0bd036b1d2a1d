// Handler latency: the histogram's summary, and the webhook server measuring and logging it (on a fake
// clock: handlers that take 20-60 ms and a stats interval of 50 ms take no real time).
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/host/log.js';
import { LatencyStats } from '../../src/telegram/transport/latency-stats.js';
import { SECRET_HEADER, startWebhookServer } from '../../src/telegram/transport/webhook-server.js';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { startHarness } from './harness.js';
import { alice, privateChat, say } from './updates.js';

describe('LatencyStats', () => {
  it('summarises durations as count, p50, p99 and max in ms (3 significant digits)', () => {
    const stats = new LatencyStats();
    expect(stats.summary()).toEqual({ handled: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
    for (let i = 1; i <= 1000; i++) stats.record(i / 10); // 0.1 ms … 100 ms
    const s = stats.summary();
    expect(s.handled).toBe(1000);
    expect(s.p50Ms).toBeCloseTo(50, 0);
    expect(s.p99Ms).toBeCloseTo(99, 0);
    expect(s.maxMs).toBeCloseTo(100, 0);
    stats.reset();
    expect(stats.count).toBe(0);
  });

  it('keeps sub-millisecond durations and never records zero', () => {
    const stats = new LatencyStats();
    stats.record(0);
    stats.record(0.25);
    expect(stats.summary().handled).toBe(2);
    expect(stats.summary().maxMs).toBeCloseTo(0.25, 2);
  });
});

/**
 * A webhook server on 127.0.0.1 on a fake clock, whose log lines are kept, and a way to POST it an update
 * (time moves on while the update is handled: only the handler's own timers are pending then).
 */
async function serve(clock: FakeClock, statsIntervalMs: number, handleUpdate: () => Promise<void>) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', sink: { write: (line) => lines.push(line) } });
  const server = await startWebhookServer({
    path: '/hook',
    secret: 'secret_1',
    host: '127.0.0.1',
    port: 0,
    logger,
    statsIntervalMs,
    handleUpdate,
    clock,
  });
  let open = 0;
  // Each request being handled has its early-200 timer: when they match, no request is on its way.
  const quiet = () => clock.pending({ kind: 'timeout' }).length === open;
  const post = (id: number) => {
    open += 1;
    const request = fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: 'secret_1' },
      body: JSON.stringify({ update_id: id }),
    }).finally(() => (open -= 1));
    return clock.drive(request, { quiet });
  };
  const logged = (msg: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
  return { server, post, logged };
}

describe('webhook server handler latency', () => {
  it('measures each update from taking it to its handler settling, and logs the total when it stops', async () => {
    const delays = [20, 40, 60];
    let call = 0;
    const clock = fakeClock();
    const { server, post, logged } = await serve(clock, 0, async () => {
      const ms = delays[call++ % delays.length]!;
      await clock.sleep(ms);
      if (ms === 60) throw new Error('a failing handler is measured too');
    });
    for (const id of [1, 2, 3]) expect((await post(id)).status).toBe(200);
    expect((await post(1)).status).toBe(200); // a redelivery is not handled, nor measured
    expect((await post(0)).status).toBe(200);
    const latency = server.latency();
    expect(latency.handled).toBe(4);
    expect(latency.maxMs).toBeCloseTo(60, 0);
    expect(latency.p50Ms).toBeCloseTo(20, 0);
    await server.close();
    expect(logged('webhook stopped')[0]).toMatchObject({ handled: 4, maxMs: latency.maxMs, p99Ms: latency.p99Ms });
  });

  it('logs the latency of the last interval while updates come in, and nothing when idle', async () => {
    const clock = fakeClock();
    const { server, post, logged } = await serve(clock, 50, async () => undefined);
    expect((await post(7)).status).toBe(200);
    await clock.advance(200);
    await server.close();
    const stats = logged('webhook stats');
    expect(stats).toHaveLength(1); // one interval had an update; the idle ones after it log nothing
    expect(stats[0]).toMatchObject({ handled: 1, intervalMs: 50 });
  });
});

describe('polling handler latency', () => {
  it('measures each update the polling loop hands over, and logs the total when polling stops', async () => {
    const h = await startHarness({ webhook: { statsIntervalMs: 0 } });
    try {
      for (const question of ['浑南区有多少家国家高新技术企业？', '浑南区常住人口多少人？']) {
        await h.api.processed(say(h.api, privateChat(alice), alice, question).update_id);
      }
      expect(h.api.botMessages(alice.id)).toHaveLength(2);
    } finally {
      await h.stop();
    }
    const stopped = h.logs.records.find((r) => r.msg === 'polling stopped');
    expect(stopped).toMatchObject({ handled: 2 });
    expect(stopped!.maxMs).toBeGreaterThan(0);
  });
});
