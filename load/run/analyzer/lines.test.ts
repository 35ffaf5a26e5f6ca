import { describe, expect, it } from 'vitest';
import { csvParser, splitCsv } from './csv-line.ts';
import { parseJsonLine } from './json-line.ts';
import { parseTimeMs } from './time.ts';

const point = '{"metric":"http_req_duration","type":"Point","data":{"time":"2026-11-25T00:15:54.959499254Z","value":22.417675,"tags":{"endpoint":"login","expected_response":"true","service":"auth-service","status":"200"}}}';

describe('k6 JSON lines', () => {
  it('parses an analyzed point with its tags and millisecond time', () => {
    const s = parseJsonLine(point);
    expect(s).toMatchObject({ metric: 'http_req_duration', value: 22.417675, tags: { service: 'auth-service', status: '200' } });
    expect(typeof s === 'object' && 'timeMs' in s ? s.timeMs : 0).toBeCloseTo(Date.UTC(2026, 10, 25, 0, 15, 54) + 959.499254, 3);
  });

  it('skips metric definitions and metrics it does not analyze without parsing them', () => {
    expect(parseJsonLine('{"type":"Metric","data":{"name":"http_reqs"},"metric":"http_reqs"}')).toBe('skip');
    expect(parseJsonLine('{"metric":"http_req_blocked","type":"Point", broken')).toBe('skip');
  });

  it('reports a truncated line and a wrong field by name', () => {
    expect(parseJsonLine('{"metric":"http_req_duration","type":"Point","data":{"ti')).toEqual({ error: 'truncated or invalid JSON' });
    expect(parseJsonLine('{"metric":"vus","type":"Point","data":{"time":"2026-11-25T00:00:00Z","value":"7"}}')).toMatchObject({ error: expect.stringContaining('data.value') });
  });

  it('reads times with an offset and without a fraction', () => {
    expect(parseTimeMs('2026-11-25T02:00:00.5+02:00')).toBe(Date.UTC(2026, 10, 25, 0, 0, 0) + 500);
    expect(parseTimeMs('2026-11-25T00:00:01Z')).toBe(Date.UTC(2026, 10, 25, 0, 0, 1));
    expect(parseTimeMs('yesterday')).toBeNaN();
  });
});

describe('k6 CSV lines', () => {
  const header = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
  it('parses a row with system tags, extra tags and a quoted field', () => {
    const parser = csvParser(header);
    const row = 'http_req_duration,1795565754123,12.500000,,"dial: a, b",1212,false,,GET,"GET /api/v1/samples?limit=20",,browse,sample-service,0,,,,endpoint=list-samples&x=y,vu=3';
    expect(parser.parse(row)).toEqual({
      metric: 'http_req_duration',
      timeMs: 1795565754123,
      value: 12.5,
      tags: expect.objectContaining({ service: 'sample-service', endpoint: 'list-samples', status: '0', expected_response: 'false', error: 'dial: a, b' }),
    });
  });

  it('takes Unix seconds as seconds and skips other metrics', () => {
    const parser = csvParser(header);
    const cells = splitCsv(header).map(() => '');
    cells[0] = 'vus';
    cells[1] = '1795565754';
    cells[2] = '4.000000';
    expect(parser.parse(cells.join(','))).toMatchObject({ timeMs: 1795565754000, value: 4 });
    expect(parser.parse('http_reqs,1,1.0')).toBe('skip');
  });

  it('names the missing column of a bad header', () => {
    expect(() => csvParser('metric_name,timestamp')).toThrow(/"metric_value"/);
  });
});
