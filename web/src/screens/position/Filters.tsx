import { Button, Checkbox, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useT } from '../../i18n';
import { href, navigate } from '../../router';
import type { Profile } from './Profile';

/** Above the candidates: only the qualified, one unit, the scale, and comparing those chosen. */
export function CandidateFilters(props: {
  profile: Profile;
  scale: string;
  qualifiedOnly: boolean;
  onQualifiedOnly: (qualifiedOnly: boolean) => void;
  unit: string | null;
  onUnit: (unit: string | null) => void;
  selected: string[];
}) {
  const t = useT();
  const { profile, scale } = props;
  return (
    <Group align="end" mb="sm">
      <Checkbox
        label={t('qualifiedOnly')}
        checked={props.qualifiedOnly}
        onChange={(event) => props.onQualifiedOnly(event.currentTarget.checked)}
      />
      <Select
        label={t('unit')}
        placeholder={t('allUnits')}
        data={profile.orgUnit.agency.orgUnits.nodes.map((u) => ({
          value: u.code,
          label: u.name,
        }))}
        value={props.unit}
        onChange={props.onUnit}
        clearable
        searchable
        w={280}
      />
      <div>
        <Text size="sm" fw={500} id="scale-label">
          {t('scale')}
        </Text>
        <SegmentedControl
          aria-labelledby="scale-label"
          value={scale}
          onChange={(value) => navigate(href(['positions', profile.code], { scale: value }))}
          data={[
            { value: 'OPTIMAL', label: t('scaleOPTIMAL') },
            { value: 'ELIGIBILITY', label: t('scaleELIGIBILITY') },
          ]}
        />
      </div>
      <Button
        disabled={props.selected.length < 2}
        onClick={() =>
          navigate(
            href(['positions', profile.code, 'compare', props.selected.join(',')], { scale }),
          )
        }
        title={t('compareHint')}
      >
        {t('compareSelected', { count: props.selected.length })}
      </Button>
    </Group>
  );
}
