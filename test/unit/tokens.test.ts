import { afterEach, describe, expect, it, vi } from 'vitest';
import jwt from 'jsonwebtoken';
import { Role } from '../../src/platform/auth/auth.types';
import { signToken, viewerFromHeader } from '../../src/platform/auth/tokens';
import { tokenKeys } from '../../src/app/bootstrap';
import { loadConfig } from '../../src/platform/config/config';

const keys = { secret: 'a-secret-for-this-file-only-0123456789abcdef' };
const bearer = (token: string) => `Bearer ${token}`;
const refusal = async (header: string) => {
  try {
    await viewerFromHeader(keys, header);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

afterEach(() => vi.useRealTimers());

describe('tokens, checked once and remembered until they expire', () => {
  it('answers the same viewer for a token seen before, and a frozen one', async () => {
    const token = signToken(keys, { role: Role.HR, agency: 'KAB-MALRA' });
    const first = await viewerFromHeader(keys, bearer(token));
    expect(first).toEqual({
      role: Role.HR,
      subject: 'hr@KAB-MALRA',
      agencyCode: 'KAB-MALRA',
      nip: null,
    });
    expect(await viewerFromHeader(keys, bearer(token))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z') });
    const token = signToken(keys, { role: Role.ADMIN }, '1m');
    expect((await viewerFromHeader(keys, bearer(token)))?.role).toBe(Role.ADMIN);
    vi.setSystemTime(new Date('2026-11-30T08:00:59Z'));
    expect((await viewerFromHeader(keys, bearer(token)))?.role).toBe(Role.ADMIN);
    vi.setSystemTime(new Date('2026-11-30T08:01:00Z'));
    expect(await refusal(bearer(token))).toBe('The token has expired.');
  });

  it('never remembers a refusal: a token altered after one good check is still refused', async () => {
    const token = signToken(keys, { role: Role.ANALYST });
    await viewerFromHeader(keys, bearer(token));
    const [head, body] = token.split('.');
    const forged = jwt.sign(jwt.decode(token) as object, 'another-secret-0123456789abcdef0123');
    expect(await refusal(bearer(`${head}.${body}.${forged.split('.')[2]}`))).toBe(
      'The token is not valid.',
    );
    expect(await refusal(bearer(forged))).toBe('The token is not valid.');
  });

  it('keeps what it remembers per key set: another secret does not accept the token', async () => {
    const token = signToken(keys, { role: Role.ADMIN });
    await viewerFromHeader(keys, bearer(token));
    await expect(
      viewerFromHeader({ secret: 'some-other-secret-0123456789abcdef01' }, bearer(token)),
    ).rejects.toThrow('The token is not valid.');
  });
});

describe('demo tokens across restarts (tokenKeys)', () => {
  const demoConfig = (env: Record<string, string>) =>
    loadConfig({
      DEMO_MODE: 'true',
      SELECTION_KEY: 'a-selection-key-for-this-file-0123456789',
      ...env,
    });

  it('stay valid after a restart when JWT_SECRET is given', async () => {
    const config = demoConfig({ JWT_SECRET: keys.secret });
    const token = signToken(tokenKeys(config), { role: Role.ADMIN });
    // A second start reads the same configuration and makes its keys again.
    expect((await viewerFromHeader(tokenKeys(config), bearer(token)))?.role).toBe(Role.ADMIN);
  });

  it('die with the run without JWT_SECRET: each start makes a random secret', async () => {
    const config = demoConfig({});
    const token = signToken(tokenKeys(config), { role: Role.ADMIN });
    await expect(viewerFromHeader(tokenKeys(config), bearer(token))).rejects.toThrow(
      'The token is not valid.',
    );
  });
});
