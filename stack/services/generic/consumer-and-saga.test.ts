import { describe, expect, it } from 'vitest';
import type { HttpDependency } from '../../../core/catalog/schema.ts';
import { missingFields } from './consumer.ts';
import { exampleRequest } from './sagas.ts';

describe('the generic consumer', () => {
  it('names every field it reads that a message lacks (all of them when the payload is not an object)', () => {
    expect(missingFields({ sample_id: 's1', sample_type: 'DNA' }, ['sample_id', 'sample_type'])).toEqual([]);
    expect(missingFields({ sample_id_drifted: 's1', sample_type: 'DNA' }, ['sample_id', 'sample_type'])).toEqual(['sample_id']);
    expect(missingFields([1], ['sample_id'])).toEqual(['sample_id']);
    expect(missingFields(null, ['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('a saga step', () => {
  it('sends its dependency\'s example request: path params filled, query appended, body and headers as given', () => {
    const dep: HttpDependency = {
      to: 'backup-service', name: 'cancel-backup', method: 'DELETE', path: '/api/v1/backups/{id}',
      example: { request: { params: { id: 'bkp 1' }, query: { reason: 'saga' }, headers: { 'x-trace': 't1' }, body: { why: 'compensate' } }, response: { status: 204 } },
    };
    expect(exampleRequest(dep)).toEqual({ path: '/api/v1/backups/bkp%201?reason=saga', body: { why: 'compensate' }, headers: { 'x-trace': 't1' } });
    expect(exampleRequest({ ...dep, path: '/api/v1/backups', example: { response: { status: 200 } } })).toEqual({ path: '/api/v1/backups', body: undefined, headers: {} });
  });
});
