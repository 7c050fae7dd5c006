import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Select,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, request, useApi } from '../api';
import { graphql } from '../gql';
import type { ConsoleSuccessionPlanQuery, ReadinessHorizon } from '../gql/graphql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';

const HORIZONS: ReadinessHorizon[] = ['READY_NOW', 'ONE_TO_TWO_YEARS', 'LATER'];
const KEY_CATEGORIES = ['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'];

/** Whether a position's category makes it a key position, with a succession plan. */
export function isKeyPosition(category: string): boolean {
  return KEY_CATEGORIES.includes(category);
}

const SuccessionPlanQuery = graphql(`
  query ConsoleSuccessionPlan($code: String!) {
    position(code: $code) {
      code
      name
      category
      successionPlan {
        version
        status
        approvedAt
        successors {
          readiness
          emergency
          employee {
            id
            nip
            name
          }
        }
      }
      successionPlans {
        version
        status
        createdAt
        approvedAt
        successors {
          readiness
          emergency
          employee {
            name
          }
        }
      }
    }
    succession(positionCode: $code, first: 20) {
      box
      fit {
        readinessHorizon
        employee {
          id
          nip
          name
        }
      }
    }
  }
`);

const NominateMutation = graphql(`
  mutation ConsoleNominateSuccessor($input: NominateSuccessorInput!) {
    nominateSuccessor(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ConsoleApproveSuccession($code: String!) {
    approveSuccession(input: { positionCode: $code }) {
      userErrors {
        field
        message
      }
    }
  }
`);

type Plan = NonNullable<NonNullable<ConsoleSuccessionPlanQuery['position']>['successionPlan']>;
type Candidate = NonNullable<ConsoleSuccessionPlanQuery['succession']>[number];

/**
 * A key position's succession plan: the plan in force or in draft with its successors, its
 * history, and (COMMITTEE) the computed candidates to nominate from and the approval.
 */
export function SuccessionScreen(props: { code: string }) {
  const t = useT();
  const { token, claims } = useSession();
  const loaded = useApi(SuccessionPlanQuery, { code: props.code }, token);
  const [problem, setProblem] = useState<string>();
  const [approving, setApproving] = useState(false);
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const position = loaded.data.position;
  if (!position) return <Text>{t('notFound')}</Text>;
  const decides = claims.role === 'COMMITTEE';
  const plan = position.successionPlan;
  const draft = plan?.status === 'DRAFT' ? plan : null;

  const act = async (run: () => Promise<{ message: string }[]>) => {
    setProblem(undefined);
    try {
      const errors = await run();
      if (errors.length > 0) setProblem(errors.map((e) => e.message).join(' '));
      loaded.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  const nominate = (employee: string, readiness: ReadinessHorizon, emergency: boolean) =>
    act(
      async () =>
        (
          await request(
            NominateMutation,
            { input: { positionCode: position.code, employee, readiness, emergency } },
            token,
          )
        ).nominateSuccessor.userErrors,
    );
  const approve = () =>
    act(async () => {
      setApproving(false);
      return (await request(ApproveMutation, { code: position.code }, token)).approveSuccession
        .userErrors;
    });

  return (
    <>
      <Anchor href={href(['positions', position.code])} size="sm">
        ← {position.name}
      </Anchor>
      <Title order={2} mt="xs">
        {t('successionPlanTitle', { position: position.name })}
      </Title>
      {problem && (
        <Alert color="red" mt="sm" role="alert">
          {problem}
        </Alert>
      )}
      {!isKeyPosition(position.category) ? (
        <Text mt="md">{t('notKeyPosition')}</Text>
      ) : (
        <>
          <PlanCard plan={plan ?? null} />
          {decides && draft && draft.successors.length > 0 && (
            <Button mt="sm" onClick={() => setApproving(true)}>
              {t('approvePlan')}
            </Button>
          )}
          {decides && (
            <Nominations
              candidates={loaded.data.succession ?? []}
              draft={draft}
              onNominate={nominate}
            />
          )}
          <PlanHistory plans={position.successionPlans ?? []} />
        </>
      )}
      {approving && draft && (
        <Modal
          opened
          onClose={() => setApproving(false)}
          title={t('confirmApprovalTitle')}
          closeButtonProps={{ 'aria-label': t('cancel') }}
        >
          <Text size="sm" data-testid="confirm-approval">
            {t('confirmApproval', {
              position: position.name,
              version: draft.version,
              count: draft.successors.length,
            })}
          </Text>
          <Group mt="md" justify="flex-end">
            <Button variant="default" onClick={() => setApproving(false)}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void approve()}>{t('approvePlan')}</Button>
          </Group>
        </Modal>
      )}
    </>
  );
}

/** The current version: its status, and its successors with readiness and the emergency mark. */
function PlanCard(props: { plan: Plan | null }) {
  const t = useT();
  const { plan } = props;
  return (
    <Card withBorder mt="md" data-testid="succession-plan">
      {!plan ? (
        <Text size="sm">{t('successionPlanNone')}</Text>
      ) : (
        <>
          <Group gap="sm" mb="xs">
            <Title order={3} size="h4">
              {t('planVersion', { version: plan.version })}
            </Title>
            <Badge
              color={plan.status === 'APPROVED' ? 'green' : 'yellow'}
              variant="light"
              data-testid="plan-status"
            >
              {t.label(plan.status)}
            </Badge>
            {plan.approvedAt && (
              <Text size="sm" c="dimmed">
                {t('planApprovedOn', { date: t.date(plan.approvedAt) })}
              </Text>
            )}
          </Group>
          {plan.successors.length === 0 ? (
            <Text size="sm">{t('noSuccessors')}</Text>
          ) : (
            <Table data-testid="successors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('readiness')}</Table.Th>
                  <Table.Th>{t('emergencySuccessor')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.successors.map((s, i) => (
                  <Table.Tr key={s.employee?.id ?? i}>
                    <Table.Td>
                      {s.employee?.name}
                      <Text size="xs" c="dimmed">
                        {s.employee?.nip}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t.label(s.readiness)}</Table.Td>
                    <Table.Td>{s.emergency ? t('yes') : t('no')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}

/** The computed candidates (the talent pool by box, then fit), each to nominate. */
function Nominations(props: {
  candidates: Candidate[];
  draft: Plan | null;
  onNominate: (employee: string, readiness: ReadinessHorizon, emergency: boolean) => Promise<void>;
}) {
  const t = useT();
  const inDraft = new Set(props.draft?.successors.map((s) => s.employee?.id) ?? []);
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('computedCandidates')}
      </Title>
      <Table data-testid="succession-candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('talentBox')}</Table.Th>
            <Table.Th>{t('nominate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.candidates.map((c) => (
            <Table.Tr key={c.fit.employee.id} data-nip={c.fit.employee.nip ?? undefined}>
              <Table.Td>
                {c.fit.employee.name}
                <Text size="xs" c="dimmed">
                  {c.fit.employee.nip}
                </Text>
              </Table.Td>
              <Table.Td>
                {c.box !== null && c.box !== undefined && t('box', { box: c.box })}
              </Table.Td>
              <Table.Td>
                {inDraft.has(c.fit.employee.id) ? (
                  <Badge variant="outline">{t('nominated')}</Badge>
                ) : (
                  <NominationForm
                    name={c.fit.employee.name ?? c.fit.employee.id}
                    readiness={c.fit.readinessHorizon}
                    onNominate={(readiness, emergency) =>
                      props.onNominate(c.fit.employee.id, readiness, emergency)
                    }
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function NominationForm(props: {
  name: string;
  readiness: ReadinessHorizon;
  onNominate: (readiness: ReadinessHorizon, emergency: boolean) => Promise<void>;
}) {
  const t = useT();
  const [readiness, setReadiness] = useState<ReadinessHorizon>(props.readiness);
  const [emergency, setEmergency] = useState(false);
  return (
    <Group gap={6} wrap="nowrap">
      <Select
        size="xs"
        w={170}
        aria-label={`${t('readiness')}: ${props.name}`}
        value={readiness}
        allowDeselect={false}
        onChange={(value) => value && setReadiness(value as ReadinessHorizon)}
        data={HORIZONS.map((value) => ({ value, label: t.label(value) }))}
      />
      <Checkbox
        size="xs"
        label={t('emergencySuccessor')}
        aria-label={`${t('emergencySuccessor')}: ${props.name}`}
        checked={emergency}
        onChange={(event) => setEmergency(event.currentTarget.checked)}
      />
      <Button
        size="xs"
        variant="light"
        aria-label={t('nominateFor', { name: props.name })}
        onClick={() => void props.onNominate(readiness, emergency)}
      >
        {t('nominate')}
      </Button>
    </Group>
  );
}

/** Every version, newest first: status, dates and how many successors. */
function PlanHistory(props: {
  plans: NonNullable<ConsoleSuccessionPlanQuery['position']>['successionPlans'];
}) {
  const t = useT();
  const plans = props.plans ?? [];
  if (plans.length === 0) return null;
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('planHistory')}
      </Title>
      <List size="sm" data-testid="plan-history">
        {plans.map((p) => (
          <List.Item key={p.version}>
            {t('planVersion', { version: p.version })} · {t.label(p.status)} · {t.date(p.createdAt)}
            {p.approvedAt ? ` · ${t('planApprovedOn', { date: t.date(p.approvedAt) })}` : ''} ·{' '}
            {t('successors')}: {p.successors.map((s) => s.employee?.name).join(', ') || '—'}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
