import { describe, expect, it } from 'vitest';
import { formatAnswer } from './format-answer.ts';

describe('the can-i-deploy answer text', () => {
  it('lists each integration and ends with the verdict and its reason', () => {
    const text = formatAnswer({ pacticipant: 'sample-service', version: 'abc', environment: 'staging' }, {
      outcome: 'fail',
      reason: '1 of 2 integrations failed verification',
      integrations: [
        { role: 'provider', consumer: 'api-gateway', provider: 'sample-service', status: 'failed', reason: 'verification failed' },
        { role: 'consumer', consumer: 'sample-service', provider: 'storage-service', status: 'verified', reason: 'verified' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'can-i-deploy sample-service@abc to staging (local matrix)',
      '  FAIL api-gateway -> sample-service (as provider): verification failed',
      '  ok   sample-service -> storage-service (as consumer): verified',
      'no: 1 of 2 integrations failed verification',
    ]);
  });
});
