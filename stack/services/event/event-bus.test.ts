import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../events/envelope.ts';
import { EventBus, RETRY_DELAYS_MS } from './event-bus.ts';

function bus(deliver: (url: string, e: Envelope) => Promise<void>) {
  const counts: string[] = [];
  const sleeps: number[] = [];
  const b = new EventBus({
    deliver,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => new Date('2025-07-01T00:00:00Z'),
    count: (topic, outcome) => counts.push(`${topic}:${outcome}`),
  });
  return { b, counts, sleeps };
}

describe('EventBus', () => {
  it('delivers a published event to every subscriber of its topic only', async () => {
    const got: string[] = [];
    const { b, counts } = bus(async (url, e) => {
      got.push(`${url} ${e.topic} ${JSON.stringify(e.payload)}`);
    });
    expect(b.subscribe('sample.created', 'http://a/inbox')).toBe(true);
    expect(b.subscribe('sample.created', 'http://a/inbox')).toBe(false);
    b.subscribe('other', 'http://b/inbox');
    const { subscribers, delivered, envelope } = b.publish('sample.created', { id: 1 }, 'sample-service');
    await delivered;
    expect(subscribers).toBe(1);
    expect(envelope).toMatchObject({ topic: 'sample.created', source: 'sample-service', published_at: '2025-07-01T00:00:00.000Z' });
    expect(got).toEqual(['http://a/inbox sample.created {"id":1}']);
    expect(counts).toEqual(['sample.created:published', 'sample.created:delivered']);
  });

  it('retries a failing delivery, then dead-letters it with the last error', async () => {
    const { b, counts, sleeps } = bus(async (url) => {
      throw new Error(`${url} answered 422`);
    });
    b.subscribe('t', 'http://x/inbox');
    await b.publish('t', {}, undefined).delivered;
    expect(sleeps).toEqual(RETRY_DELAYS_MS);
    expect(b.deadLetters).toHaveLength(1);
    expect(b.deadLetters[0]).toMatchObject({ topic: 't', subscriber: 'http://x/inbox', attempts: 3, error: 'http://x/inbox answered 422' });
    expect(counts.filter((c) => c === 't:failed')).toHaveLength(3);
    expect(counts).toContain('t:dead_lettered');
  });

  it('succeeds on a retry without dead-lettering', async () => {
    let calls = 0;
    const { b } = bus(async () => {
      calls += 1;
      if (calls === 1) throw new Error('ECONNRESET');
    });
    b.subscribe('t', 'http://x/inbox');
    await b.publish('t', {}, undefined).delivered;
    expect(b.deadLetters).toHaveLength(0);
  });

  it('keeps subscriptions when its data is cleared', async () => {
    const { b } = bus(async () => {});
    b.subscribe('t', 'http://x/inbox');
    b.publish('t', {}, undefined);
    b.clear();
    expect(b.published.size).toBe(0);
    expect(b.subscribers.get('t')?.size).toBe(1);
  });

  it('gives each message to one replica of a consumer, round-robin, and retries on the next replica', async () => {
    const got: string[] = [];
    const { b } = bus(async (url) => {
      if (url === 'http://ai-2/inbox') throw new Error('ECONNREFUSED');
      got.push(url);
    });
    b.subscribe('sample.created', 'http://ai-1/inbox', 'ai-service');
    expect(b.subscribe('sample.created', 'http://ai-2/inbox', 'ai-service')).toBe(true);
    b.subscribe('sample.created', 'http://audit-1/inbox', 'audit-service');
    for (let i = 0; i < 3; i += 1) await b.publish('sample.created', { i }, 'sample-service').delivered;
    expect(got.filter((u) => u.startsWith('http://ai'))).toEqual(['http://ai-1/inbox', 'http://ai-1/inbox', 'http://ai-1/inbox']);
    expect(got.filter((u) => u.startsWith('http://audit'))).toHaveLength(3);
    expect(b.deadLetters).toEqual([]);
    expect(b.subscribers.get('sample.created')?.size).toBe(2);
  });

  it('counts dead letters per consumer, 0 for every subscribed consumer without any', async () => {
    const { b } = bus(async (url) => {
      if (url.includes('ai')) throw new Error(`${url} answered 500`);
    });
    b.subscribe('sample.created', 'http://ai-1/inbox', 'ai-service');
    b.subscribe('sample.created', 'http://ai-2/inbox', 'ai-service');
    b.subscribe('sample.created', 'http://audit-1/inbox', 'audit-service');
    await b.publish('sample.created', {}, 'sample-service').delivered;
    expect(b.deadLetters[0]).toMatchObject({ consumer: 'ai-service', attempts: 3, subscriber: 'http://ai-1/inbox', error: 'http://ai-1/inbox answered 500' });
    expect(Object.fromEntries(b.deadLettersBy())).toEqual({ 'ai-service': 1, 'audit-service': 0 });
  });
});
