import { Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../api';
import { useT } from '../i18n';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';
import { Candidates, useCandidates } from './position/Candidates';
import { CandidateFilters } from './position/Filters';
import { PositionProfile, PositionQuery } from './position/Profile';

/** A position's job profile and its ranked candidates, with filters, paging and comparison. */
export function PositionScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const [qualifiedOnly, setQualifiedOnly] = useState(false);
  const [unit, setUnit] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const position = useApi(PositionQuery, { code: props.code }, token);
  const candidates = useCandidates(props.code, scale, { qualifiedOnly, unit });
  const profile = position.data?.position;
  const toggle = (nip: string) =>
    setSelected((list) =>
      list.includes(nip) ? list.filter((n) => n !== nip) : [...list, nip].slice(-3),
    );

  if (position.error) return <ErrorNotice error={position.error} onRetry={position.reload} />;
  if (position.loading && !profile) return <Loading />;
  if (!profile) return <Text>{t('notFound')}</Text>;
  return (
    <>
      <PositionProfile profile={profile} scale={scale} />

      <Title order={3} mt="lg" mb="xs">
        {t('candidates')}
      </Title>
      <CandidateFilters
        profile={profile}
        scale={scale}
        qualifiedOnly={qualifiedOnly}
        onQualifiedOnly={setQualifiedOnly}
        unit={unit}
        onUnit={setUnit}
        selected={selected}
      />
      <Candidates
        list={candidates}
        code={profile.code}
        scale={scale}
        selected={selected}
        onToggle={toggle}
      />
    </>
  );
}
