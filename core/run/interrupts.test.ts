import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchInterrupts, type SignalSource } from './interrupts.ts';

const source = () => new EventEmitter() as EventEmitter & SignalSource;

describe('interrupts', () => {
  it('the first signal aborts the run and is remembered; nothing exits', () => {
    const exits: number[] = [];
    const signals = source();
    const interrupts = watchInterrupts((code) => exits.push(code), signals);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(interrupts.signal.aborted).toBe(true);
    expect(interrupts.received()).toBe('SIGTERM');
    expect(exits).toEqual([]);
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('a second %s exits at once with %i', (second, code) => {
    const exits: number[] = [];
    const signals = source();
    watchInterrupts((c) => exits.push(c), signals);
    signals.emit('SIGINT', 'SIGINT');
    signals.emit(second, second);
    expect(exits).toEqual([code]);
  });

  it('after dispose, signals are no longer watched', () => {
    const signals = source();
    const interrupts = watchInterrupts(() => {}, signals);
    interrupts.dispose();
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
    signals.emit('SIGINT', 'SIGINT');
    expect(interrupts.received()).toBeUndefined();
  });
});
