import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { resolveCatalog } from '../../core/catalog/resolve.ts';
import { checkTarget, isLoopback } from './allowlist.ts';

const catalog = loadCatalog();
const local = resolveCatalog(catalog, 'local', {});
const staging = resolveCatalog(catalog, 'staging', {});
const production = resolveCatalog(catalog, 'production', {});

describe('the load target allowlist', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]', '::1'])('treats %s as loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it('allows loopback', () => {
    expect(checkTarget('http://127.0.0.1:41215', local, false).allowedAs).toBe('loopback');
    expect(checkTarget('http://[::1]:8089', local, false).allowedAs).toBe('loopback');
  });

  it("allows a non-production environment's own hosts", () => {
    expect(checkTarget('http://api-gateway.staging.tracseq.internal:8089', staging, false).allowedAs).toBe('environment staging');
  });

  it('refuses production without --allow-production, exit 2', () => {
    expect(() => checkTarget('https://api-gateway.tracseq.example', production, false)).toThrow(/production environment "production".*--allow-production/);
    try {
      checkTarget('https://api-gateway.tracseq.example', production, false);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('refuses a production host reached through another environment name', () => {
    expect(() => checkTarget('https://api-gateway.tracseq.example', staging, false)).toThrow(/host of the production environment/);
  });

  it('allows production when asked to on purpose', () => {
    expect(checkTarget('https://api-gateway.tracseq.example', production, true).allowedAs).toMatch(/production environment production/);
  });

  it('refuses a host that is in no catalog environment, listing the allowed ones', () => {
    expect(() => checkTarget('http://10.0.0.5:8089', local, false)).toThrow(/not on the allowlist/);
    expect(() => checkTarget('not a url', local, false)).toThrow(/not a URL/);
  });

  it('allows a host on no catalog environment only when named with --allow-host, never a production one', () => {
    expect(() => checkTarget('http://10.0.0.5:8089', local, false, ['10.0.0.6'])).toThrow(/pass --allow-host 10\.0\.0\.5 to do it on purpose/);
    expect(checkTarget('http://10.0.0.5:8089', local, false, ['10.0.0.5']).allowedAs).toBe('named by --allow-host');
    expect(() => checkTarget('https://api-gateway.tracseq.example', staging, false, ['api-gateway.tracseq.example'])).toThrow(/--allow-production/);
    expect(() => checkTarget('http://10.0.0.5:8089', production, false, ['10.0.0.5'])).toThrow(/--allow-production/);
  });
});
