import { describe, expect, it } from 'vitest';
import { firstTaker, notTaken, RoundRobin } from './balancer.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

describe('round-robin over replicas', () => {
  it('starts each request at the next replica, wrapping around', () => {
    const rr = new RoundRobin();
    const firsts = Array.from({ length: 4 }, () => rr.order(['a', 'b', 'c'])[0]);
    expect(firsts).toEqual(['a', 'b', 'c', 'a']);
    expect(rr.order(['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
    expect(new RoundRobin().order([])).toEqual([]);
  });

  it('skips a replica that refuses the connection and answers from the next', async () => {
    const sent: string[] = [];
    const result = await firstTaker(['down', 'up'], async (r) => {
      sent.push(r);
      if (r === 'down') throw new Error('fetch failed', { cause: refused() });
      return 200;
    });
    expect(result).toEqual({ replica: 'up', answer: 200, tried: 2 });
    expect(sent).toEqual(['down', 'up']);
  });

  it('throws the last refusal when no replica takes the request, and at once when one took it and failed', async () => {
    await expect(firstTaker(['a', 'b'], async () => { throw refused(); })).rejects.toThrow(/ECONNREFUSED/);
    const sent: string[] = [];
    await expect(firstTaker(['a', 'b'], async (r) => { sent.push(r); throw new Error('headers timeout'); })).rejects.toThrow('headers timeout');
    expect(sent).toEqual(['a']);
    expect(notTaken(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))).toBe(false);
  });
});
