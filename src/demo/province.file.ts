import { createReadStream, createWriteStream, openSync, closeSync, readSync } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { disciplineOfNips } from './demo.discipline';
import { provinceParts, type ProvinceOptions } from './province.generate';

/** Told how many employees have been written so far, of how many. */
export type WriteProgress = (done: number, total: number) => void;

/** A file written through its stream in pieces of about a megabyte, waiting for the disk. */
class TextFile {
  private readonly stream: Writable;
  private pending = '';
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    if (text && !this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Appends another file's bytes. */
  async append(path: string): Promise<void> {
    await this.flush();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** NIPs are 18 digits: the NIP file is a list of fixed-width entries, read back by position. */
const NIP_WIDTH = 18;

/**
 * Writes the province of `generateProvince` to `out` as a dataset document, byte for byte what
 * writing the whole document one record per line gives, without holding it: the people are made
 * one employee at a time, the employees written straight out while their assessments, trainings
 * and NIPs go to side files beside `out`, which are appended (or read back, for the discipline)
 * and removed. Returns the counts of the sections.
 */
export async function writeProvinceFile(
  options: ProvinceOptions,
  out: string,
  onProgress: WriteProgress = () => undefined,
): Promise<Record<string, number>> {
  const { catalogue, people } = provinceParts(options);
  const file = new TextFile(out);
  const side = {
    assessments: new TextFile(`${out}.assessments.part`),
    trainings: new TextFile(`${out}.trainings.part`),
    nips: new TextFile(`${out}.nips.part`),
  };
  const counts: Record<string, number> = {};
  let first = true;
  const open = async (section: string) => {
    await file.write(`${first ? '' : ','}\n"${section}": [`);
    first = false;
  };
  try {
    await file.write('{');
    for (const [section, records] of Object.entries(catalogue)) {
      await open(section);
      for (const [i, record] of (records as unknown[]).entries())
        await file.write(`${i === 0 ? '' : ','}\n${JSON.stringify(record)}`);
      await file.write('\n]');
      counts[section] = (records as unknown[]).length;
    }
    await open('employees');
    let employees = 0;
    let assessments = 0;
    let trainings = 0;
    let withNip = 0;
    for (const person of people()) {
      await file.write(`${employees === 0 ? '' : ','}\n${JSON.stringify(person.employee)}`);
      for (const a of person.assessments)
        await side.assessments.write(`${assessments++ === 0 ? '' : ','}\n${JSON.stringify(a)}`);
      for (const t of person.trainings)
        await side.trainings.write(`${trainings++ === 0 ? '' : ','}\n${JSON.stringify(t)}`);
      if (person.employee.nip) {
        await side.nips.write(person.employee.nip.padEnd(NIP_WIDTH));
        withNip++;
      }
      if (++employees % 10_000 === 0) onProgress(employees, options.employees);
    }
    onProgress(employees, options.employees);
    await file.write('\n]');
    Object.assign(counts, { employees, assessments, trainings });
    for (const part of [side.assessments, side.trainings, side.nips]) await part.close();
    for (const [section, part] of [
      ['assessments', side.assessments],
      ['trainings', side.trainings],
    ] as const) {
      await open(section);
      await file.append(part.path);
      await file.write('\n]');
    }
    await open('discipline');
    counts.discipline = await writeDiscipline(file, side.nips.path, withNip, options.today);
    await file.write('\n]');
    await file.write('\n}\n');
    await file.close();
  } finally {
    for (const part of Object.values(side)) await rm(part.path, { force: true });
  }
  return counts;
}

/** The discipline section, its NIPs read back from the NIP file by position. */
async function writeDiscipline(
  file: TextFile,
  nipFile: string,
  withNip: number,
  today: string,
): Promise<number> {
  const fd = openSync(nipFile, 'r');
  const buffer = Buffer.alloc(NIP_WIDTH);
  const nipAt = (i: number) => {
    readSync(fd, buffer, 0, NIP_WIDTH, i * NIP_WIDTH);
    return buffer.toString('latin1').trimEnd();
  };
  let count = 0;
  try {
    for (const record of disciplineOfNips(withNip, nipAt, today))
      await file.write(`${count++ === 0 ? '' : ','}\n${JSON.stringify(record)}`);
  } finally {
    closeSync(fd);
  }
  return count;
}
