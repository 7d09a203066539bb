import { describe, expect, it } from 'vitest';
import { formatServerLine } from './server-log';

const base = { time: 1, pid: 2, hostname: 'vm' };
const line = (value: object): string => JSON.stringify({ ...base, ...value });

describe('formatServerLine', () => {
  it('shows the message of a log entry without the plumbing', () => {
    expect(
      formatServerLine(
        line({ level: 30, msg: 'OrderLine server listening on http://0.0.0.0:7420' }),
      ),
    ).toBe('OrderLine server listening on http://0.0.0.0:7420');
  });

  it('marks warnings and errors and keeps their details', () => {
    expect(formatServerLine(line({ level: 40, msg: 'Demo users created' }))).toBe(
      'WARN: Demo users created',
    );
    expect(formatServerLine(line({ level: 50, msg: 'failed', database: 'sqlite x' }))).toBe(
      'ERROR: failed database=sqlite x',
    );
  });

  it('drops routine request lines but keeps server errors', () => {
    expect(
      formatServerLine(
        line({ level: 30, reqId: 'r1', req: { url: '/api/health' }, msg: 'incoming request' }),
      ),
    ).toBeNull();
    expect(
      formatServerLine(
        line({ level: 30, reqId: 'r1', res: { statusCode: 200 }, msg: 'request completed' }),
      ),
    ).toBeNull();
    expect(
      formatServerLine(
        line({ level: 30, reqId: 'r1', res: { statusCode: 500 }, msg: 'request completed' }),
      ),
    ).toContain('request completed');
  });

  it('passes anything that is not a JSON object through unchanged', () => {
    expect(formatServerLine('Error: listen EADDRINUSE :::7420')).toBe(
      'Error: listen EADDRINUSE :::7420',
    );
    expect(formatServerLine('[1,2]')).toBe('[1,2]');
    expect(formatServerLine('')).toBe('');
  });

  it('passes everything through in verbose mode', () => {
    const raw = line({ level: 30, req: {}, msg: 'incoming request' });
    expect(formatServerLine(raw, true)).toBe(raw);
  });
});
