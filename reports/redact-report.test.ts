import { describe, expect, it } from 'vitest';
import { redactText } from './redact-report.ts';

describe('redactText', () => {
  it.each([
    ['http://svc:s3cret@127.0.0.1:1/health', 'http://***@127.0.0.1:1/health'],
    ['https://ghp_abcdef123456@github.com/x', 'https://***@github.com/x'],
    ['postgresql://admin:pw@db:5432/lab', 'postgresql://***@db:5432/lab'],
    ['http://h/?access_token=abc123&limit=20', 'http://h/?access_token=***&limit=20'],
    ['GET /api/v1/query?query=up&api_key=k-9&token=t', 'GET /api/v1/query?query=up&api_key=***&token=***'],
    ['rejected (Authorization: Bearer abc.def-ghi_123)', 'rejected (Authorization: Bearer ***)'],
    ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic ***'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXZhbHVl in a body', 'token *** in a body'],
  ])('redacts %s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'http://127.0.0.1:8081/api/v1/samples?limit=20',
    'sample-service: 612.5 ms breaches p95 < 500 ms',
    'contact admin@lab.local for access',
    'Bearer *** already redacted',
    'key SLO failed: sample-service:availability',
  ])('leaves %s alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
