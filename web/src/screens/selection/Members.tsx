import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import { checkMembers, sayProblem, type MemberRow, type MembersProblems } from '../../procedure';
import type { MemberData } from './query';

const ROLES: MemberRow['role'][] = ['CHAIR', 'SECRETARY', 'MEMBER'];

/** Records the members: what went wrong in words, or nothing when it was done. */
export type SetMembers = (members: MemberRow[]) => Promise<string | undefined>;

/**
 * The committee's members (panitia seleksi) in signing order, each with the role, name and NIP;
 * while the committee may still act, a form to set them.
 */
export function MembersCard(props: { members: readonly MemberData[]; onSet?: SetMembers }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { members, onSet } = props;
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('membersTitle')}
      </Title>
      {members.length === 0 ? (
        <Text size="sm">{t('membersNone')}</Text>
      ) : (
        <Table data-testid="members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberRole')}</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('nip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.nip}>
                <Table.Td>{t.label(member.role)}</Table.Td>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>{member.nip}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {onSet &&
        (editing ? (
          <MembersForm members={members} onSet={onSet} onDone={() => setEditing(false)} />
        ) : (
          <Group mt="sm">
            <Button variant="light" onClick={() => setEditing(true)}>
              {members.length === 0 ? t('setMembers') : t('editMembers')}
            </Button>
          </Group>
        ))}
    </Card>
  );
}

/** The rows the form starts with: the members recorded, or a chair and two members. */
function startingRows(members: readonly MemberData[]): MemberRow[] {
  if (members.length > 0) return members.map((m) => ({ name: m.name, nip: m.nip, role: m.role }));
  return [
    { name: '', nip: '', role: 'CHAIR' },
    { name: '', nip: '', role: 'MEMBER' },
    { name: '', nip: '', role: 'MEMBER' },
  ];
}

/**
 * Rows of name, NIP and role, added and removed at will, checked on the field by the API's rules
 * (odd number 3–15, one chair, at most one secretary, valid distinct NIPs) before they are sent.
 */
function MembersForm(props: {
  members: readonly MemberData[];
  onSet: SetMembers;
  onDone: () => void;
}) {
  const t = useT();
  const [rows, setRows] = useState<MemberRow[]>(() => startingRows(props.members));
  const [invalid, setInvalid] = useState<MembersProblems | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const change = (index: number, patch: Partial<MemberRow>) => {
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setInvalid(null);
  };
  const save = async () => {
    const found = checkMembers(rows);
    setInvalid(found);
    setProblem(undefined);
    if (found) return;
    setBusy(true);
    const failure = await props.onSet(
      rows.map((row) => ({ name: row.name.trim(), nip: row.nip.trim(), role: row.role })),
    );
    setBusy(false);
    setProblem(failure);
    if (!failure) props.onDone();
  };
  return (
    <Stack gap="xs" mt="sm" data-testid="members-form">
      {rows.map((row, i) => {
        const n = i + 1;
        const rowProblems = invalid?.rows[i];
        return (
          <Group key={i} gap="xs" align="start" wrap="nowrap">
            <TextInput
              aria-label={t('memberNameOf', { n })}
              placeholder={t('name')}
              w={260}
              value={row.name}
              error={rowProblems?.name && sayProblem(t, rowProblems.name)}
              onChange={(event) => change(i, { name: event.currentTarget.value })}
            />
            <TextInput
              aria-label={t('memberNipOf', { n })}
              placeholder={t('nip')}
              w={210}
              inputMode="numeric"
              value={row.nip}
              error={rowProblems?.nip && sayProblem(t, rowProblems.nip)}
              onChange={(event) => change(i, { nip: event.currentTarget.value })}
            />
            <NativeSelect
              aria-label={t('memberRoleOf', { n })}
              value={row.role}
              onChange={(event) =>
                change(i, { role: event.currentTarget.value as MemberRow['role'] })
              }
              data={ROLES.map((role) => ({ value: role, label: t.label(role) }))}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('removeMember', { n })}
              onClick={() => {
                setRows((list) => list.filter((_, j) => j !== i));
                setInvalid(null);
              }}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {invalid && invalid.list.length > 0 && (
        <Alert color="red" role="alert" data-testid="members-problems">
          {invalid.list.map((p) => sayProblem(t, p)).join(' ')}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          variant="default"
          onClick={() => {
            setRows((list) => [...list, { name: '', nip: '', role: 'MEMBER' }]);
            setInvalid(null);
          }}
        >
          {t('addMember')}
        </Button>
        <Button loading={busy} onClick={() => void save()}>
          {t('setMembers')}
        </Button>
        <Button variant="subtle" onClick={props.onDone}>
          {t('cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
