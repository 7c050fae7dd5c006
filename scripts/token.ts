import { loadConfig } from '../src/platform/config/config';
import { Role } from '../src/platform/auth/auth.types';
import { signToken } from '../src/platform/auth/tokens';

/** `npm run token -- --role ROLE [--agency CODE] [--nip NIP] [--expires 12h]`: prints a signed token. */
function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const role = option('role');
  if (!role || !(Object.values(Role) as string[]).includes(role)) {
    console.error(
      `usage: npm run token -- --role ${Object.values(Role).join('|')} [--agency CODE] [--nip NIP] [--expires 12h]`,
    );
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.auth.secret && !config.auth.privateKey) {
    console.error('Set JWT_SECRET (or JWT_PRIVATE_KEY) to the key the server is configured with.');
    process.exit(2);
  }
  try {
    console.log(
      signToken(
        config.auth,
        { role: role as Role, agency: option('agency'), nip: option('nip') },
        option('expires') ?? '12h',
      ),
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

main();
