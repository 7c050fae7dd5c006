import { describe, expect, it } from 'vitest';
import { LogLines } from '../../src/platform/http/log-lines';

describe('the log lines buffer', () => {
  it('writes whole lines in blocks once a block is full, and the rest on flush or end', () => {
    const written: string[] = [];
    const lines = new LogLines({ write: (text: string) => written.push(text) }, 20, 60_000);
    lines.write('{"a":1}\n');
    lines.write('{"b":2}\n');
    expect(written).toEqual([]);
    lines.write('{"c":3}\n'); // 24 characters: a block
    expect(written).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n']);
    lines.write('{"d":4}\n');
    lines.flush();
    lines.flush(); // nothing left: no empty write
    lines.write('{"e":5}\n');
    lines.end();
    expect(written).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n', '{"d":4}\n', '{"e":5}\n']);
  });

  it('writes what it holds at least every interval', async () => {
    const written: string[] = [];
    const lines = new LogLines({ write: (text: string) => written.push(text) }, 1 << 20, 5);
    lines.write('{"a":1}\n');
    await expect.poll(() => written).toEqual(['{"a":1}\n']);
    lines.end();
  });
});
