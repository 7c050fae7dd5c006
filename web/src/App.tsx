import {
  Anchor,
  AppShell,
  Badge,
  Button,
  Container,
  Group,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { LanguageProvider, translator, useT, type Language } from './i18n';
import { href, useRoute, type Route } from './router';
import { SkillsScreen } from './screens/Skills';
import { SessionContext, storeSession, storedSession, readClaims, type Session } from './session';
import {
  finishSignIn,
  isSignInAnswer,
  refresh,
  signInConfig,
  signOutAddress,
  startSignIn,
  type ProviderTokens,
  type SignInConfig,
} from './provider';
import { SignIn } from './SignIn';
import { CompareScreen } from './screens/Compare';
import { EmployeeScreen } from './screens/Employee';
import { FitScreen } from './screens/Fit';
import { PositionScreen } from './screens/Position';
import { PositionsScreen } from './screens/Positions';
import { ReportScreen } from './screens/Report';
import { AgencyScreen, UnitScreen } from './screens/Unit';
import { UnitsScreen } from './screens/Units';
import { SelectionScreen } from './screens/Selection';
import { VacanciesScreen } from './screens/Vacancies';
import { SuccessionScreen } from './screens/Succession';
import { TalentReviewScreen } from './screens/TalentReview';
import { mayOpen } from './access';

const LANGUAGE_KEY = 'competency-graph.language';

export function App() {
  const [language, setLanguage] = useState<Language>(
    localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id',
  );
  const [session, setSession] = useState<Session | undefined>(storedSession);
  useEffect(() => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
    document.title = `${translator(language)('appTitle')} · competency-graph`;
  }, [language]);
  // The identity provider the server offers (null: none; undefined: not known yet).
  const [provider, setProvider] = useState<SignInConfig | null>();
  const [providerError, setProviderError] = useState<string>();
  /** Signs in with a token if its claims can be read; a provider's by the provider's mapping. */
  const signIn = (token: string, tokens?: ProviderTokens): boolean => {
    const claims = readClaims(token, tokens?.claims ?? pathsOf(token, provider));
    if (!claims) return false;
    storeSession({ token, provider: tokens });
    setSession({ token, claims, provider: tokens });
    return true;
  };
  const signOut = () => {
    const tokens = session?.provider;
    storeSession(undefined);
    setSession(undefined);
    // The provider's session ends too where it offers RP-initiated logout.
    if (tokens && provider)
      void signOutAddress(provider, tokens).then((address) => {
        if (address) window.location.assign(address);
      });
  };
  useEffect(() => {
    void signInConfig().then(async (found) => {
      setProvider(found);
      if (!found || !isSignInAnswer()) return;
      try {
        const answer = await finishSignIn(found);
        if (!signIn(answer.accessToken, answer.provider))
          setProviderError('the token names no role of this console');
      } catch (error) {
        setProviderError(error instanceof Error ? error.message : String(error));
      }
    });
  }, []);
  // A provider's access token is refreshed a minute before it ends; failing that, signed out.
  useEffect(() => {
    const tokens = session?.provider;
    if (!tokens?.refreshToken || !provider) return;
    const timer = setTimeout(
      () =>
        void refresh(provider, tokens).then(
          (next) => signIn(next.accessToken, next.provider),
          () => signOut(),
        ),
      Math.max(5_000, tokens.expiresAt - Date.now() - 60_000),
    );
    return () => clearTimeout(timer);
  }, [session, provider]);
  return (
    <LanguageProvider language={language}>
      <AppShell header={{ height: 64 }} padding="md">
        <AppShell.Header className="no-print">
          <Header
            session={session}
            language={language}
            onLanguage={setLanguage}
            onSignOut={signOut}
          />
        </AppShell.Header>
        <AppShell.Main>
          <Container size="xl">
            {session ? (
              <SessionContext.Provider value={session}>
                <Screen />
              </SessionContext.Provider>
            ) : (
              <SignIn
                onSignIn={signIn}
                provider={provider}
                providerError={providerError}
                onProviderSignIn={() => {
                  if (provider)
                    startSignIn(provider).catch((error: unknown) =>
                      setProviderError(error instanceof Error ? error.message : String(error)),
                    );
                }}
              />
            )}
          </Container>
        </AppShell.Main>
      </AppShell>
    </LanguageProvider>
  );
}

/** Where a pasted token's claims are: the provider's mapping for the provider's tokens. */
function pathsOf(token: string, provider: SignInConfig | null | undefined) {
  if (!provider) return undefined;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      iss?: unknown;
    };
    return payload.iss === provider.issuer ? provider.claims : undefined;
  } catch {
    return undefined;
  }
}

function Header(props: {
  session?: Session;
  language: Language;
  onLanguage: (language: Language) => void;
  onSignOut: () => void;
}) {
  const t = useT();
  const claims = props.session?.claims;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <div>
          <Title order={1} size="h4">
            <Anchor href="#/" c="inherit" underline="never">
              {t('appTitle')}
            </Anchor>
          </Title>
          <Text size="xs" c="dimmed">
            {t('appSubtitle')}
          </Text>
        </div>
        {claims && (
          <nav aria-label="main">
            <Group gap="md">
              <Anchor href={href(['positions'])}>{t('navPositions')}</Anchor>
              {mayOpen(claims, 'units') && <Anchor href={href(['units'])}>{t('navUnits')}</Anchor>}
              {(claims.agency || claims.role === 'ADMIN') && mayOpen(claims, 'vacancies') && (
                <Anchor href={href(['vacancies'])}>{t('navVacancies')}</Anchor>
              )}
              {mayOpen(claims, 'skills') && (
                <Anchor href={href(['skills'])}>{t('navSkills')}</Anchor>
              )}
              {(claims.role === 'COMMITTEE' || claims.role === 'HR') && (
                <Anchor href={href(['talent-review'])}>{t('navTalentReview')}</Anchor>
              )}
              {claims.nip && mayOpen(claims, 'employee', { nip: claims.nip }) && (
                <Anchor href={href(['employees', claims.nip])}>{t('navMyPage')}</Anchor>
              )}
            </Group>
          </nav>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SegmentedControl
          aria-label={t('language')}
          size="xs"
          value={props.language}
          onChange={(value) => props.onLanguage(value === 'en' ? 'en' : 'id')}
          // Language codes are identifiers, not words (and the API's `Language` enum's values).
          data={[
            { value: 'id', label: <span translate="no">ID</span> },
            { value: 'en', label: <span translate="no">EN</span> },
          ]}
        />
        {claims && (
          <>
            <Badge variant="outline" tt="none" data-testid="role">
              {t('signedInAs', {
                role: claims.agency
                  ? `${t.label(claims.role)} · ${claims.agency}`
                  : t.label(claims.role),
              })}
            </Badge>
            <Button size="xs" variant="default" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          </>
        )}
      </Group>
    </Group>
  );
}

function Screen() {
  const route: Route = useRoute();
  switch (route.screen) {
    case 'positions':
      return <PositionsScreen />;
    case 'position':
      return <PositionScreen key={route.code} code={route.code} params={route.params} />;
    case 'fit':
      return <FitScreen code={route.code} nip={route.nip} params={route.params} />;
    case 'compare':
      return <CompareScreen code={route.code} nips={route.nips} params={route.params} />;
    case 'report':
      return <ReportScreen code={route.code} params={route.params} />;
    case 'employee':
      return <EmployeeScreen key={route.nip} nip={route.nip} />;
    case 'units':
      return <UnitsScreen />;
    case 'unit':
      return <UnitScreen key={route.code} code={route.code} params={route.params} />;
    case 'agency':
      return <AgencyScreen key={route.code} code={route.code} params={route.params} />;
    case 'selection':
      return <SelectionScreen key={route.id} id={route.id} />;
    case 'skills':
      return <SkillsScreen params={route.params} />;
    case 'vacancies':
      return <VacanciesScreen />;
    case 'succession':
      return <SuccessionScreen key={route.code} code={route.code} />;
    case 'talent-review':
      return <TalentReviewScreen params={route.params} />;
  }
}
