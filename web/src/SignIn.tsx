import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from './i18n';
import type { SignInConfig } from './provider';
import { ROLES } from './session';

/**
 * Sign-in: with the agency's identity provider when the server names one, with a pasted token,
 * and, when the server runs in demo mode, with a role picker.
 */
export function SignIn(props: {
  /** Signs in with a token; false when its claims cannot be read. */
  onSignIn: (token: string) => boolean;
  provider: SignInConfig | null | undefined;
  providerError?: string;
  onProviderSignIn: () => void;
}) {
  const t = useT();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [demo, setDemo] = useState<Record<string, string>>();
  useEffect(() => {
    fetch('/demo/tokens')
      .then((response) =>
        response.ok ? (response.json() as Promise<Record<string, string>>) : undefined,
      )
      .then(setDemo, () => setDemo(undefined));
  }, []);
  const submit = () => {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (!props.onSignIn(trimmed)) setInvalid(true);
  };
  return (
    <Stack maw={560} mx="auto" mt="xl">
      <Title order={2}>{t('signInTitle')}</Title>
      {props.provider && (
        <Card withBorder>
          <Text size="sm" mb="sm">
            {t('providerSignInIntro', { issuer: new URL(props.provider.issuer).host })}
          </Text>
          <Button data-testid="provider-sign-in" onClick={props.onProviderSignIn}>
            {t('providerSignIn')}
          </Button>
        </Card>
      )}
      {props.providerError && (
        <Alert color="red" role="alert">
          {t('providerFailed', { reason: props.providerError })}
        </Alert>
      )}
      {demo && (
        <Card withBorder>
          <Title order={3} size="h4">
            {t('demoRoles')}
          </Title>
          <Text size="sm" mb="sm">
            {t('demoRolesIntro')}
          </Text>
          <Group data-testid="demo-roles">
            {ROLES.filter((role) => demo[role]).map((role) => (
              <Button
                key={role}
                variant="light"
                data-role={role}
                onClick={() => props.onSignIn(demo[role])}
              >
                {t.label(role)}
              </Button>
            ))}
          </Group>
        </Card>
      )}
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Text size="sm" mb="xs">
            {t('signInIntro')}
          </Text>
          <Textarea
            label={t('token')}
            value={token}
            onChange={(event) => {
              setToken(event.currentTarget.value);
              setInvalid(false);
            }}
            autosize
            minRows={3}
            error={invalid ? t('tokenInvalid') : undefined}
          />
          <Button type="submit" mt="sm" disabled={!token.trim()}>
            {t('signIn')}
          </Button>
        </form>
      </Card>
      {invalid && (
        <Alert color="red" role="alert">
          {t('tokenInvalid')}
        </Alert>
      )}
    </Stack>
  );
}
