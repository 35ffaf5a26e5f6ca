import { describe, expect, it } from 'vitest';
import { databaseUrl } from './database-url.ts';
import { isPortTaken } from './free-port.ts';
import { newestVersion } from './postgres.ts';
import { UnreachableError } from '../core/errors.ts';

describe('newestVersion', () => {
  it('picks the newest major version Debian keeps side by side, by number, ignoring other names', () => {
    expect(newestVersion(['15', '9.6', '17', 'README'])).toBe('17');
    expect(newestVersion(['9.6', '10'])).toBe('10');
    expect(newestVersion(['share'])).toBeUndefined();
  });
});

describe('databaseUrl', () => {
  it('sets the database and keeps user, password, host and port', () => {
    expect(databaseUrl('postgresql://postgres@127.0.0.1:5433/postgres', 'tracseq_prod')).toBe('postgresql://postgres@127.0.0.1:5433/tracseq_prod');
    expect(databaseUrl('postgresql://app:p%40ss@db:5432', 'x')).toBe('postgresql://app:p%40ss@db:5432/x');
  });
});

describe('isPortTaken', () => {
  it("reads a server's own words for a port taken since freePort(): in the error or its last output lines", () => {
    expect(isPortTaken(new UnreachableError('cannot start PostgreSQL: postgres exited at start (code 1)', ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use']))).toBe(true);
    expect(isPortTaken(new Error('listen EADDRINUSE: address already in use 127.0.0.1:9090'))).toBe(true);
    expect(isPortTaken(new UnreachableError('cannot start PostgreSQL: initdb failed', ['initdb: error: could not create directory']))).toBe(false);
  });
});
