import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, request, useApi } from '../api';
import { graphql } from '../gql';
import type { ConsoleTalentReviewQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { useSession } from '../session';
import { PagedList } from '../ui/list';
import { usePaging } from '../ui/paging';

const MAX_REASON = 2000;

const TalentReviewQuery = graphql(`
  query ConsoleTalentReview($agency: String, $year: Int!, $after: String) {
    employees(first: 20, after: $after, filter: { agencyCode: $agency }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        nip
        name
        talentBox(year: $year) {
          box
          computedBox
          calibrated
          reason
        }
      }
    }
  }
`);

const CalibrateMutation = graphql(`
  mutation ConsoleCalibrateTalentBox($input: CalibrateTalentBoxInput!) {
    calibrateTalentBox(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);

type Person = NonNullable<ConsoleTalentReviewQuery['employees']>['nodes'][number];

/**
 * The talent review of the committee's agency for a year: each person's computed box beside
 * the box in force, and (COMMITTEE) the calibration of a box with its reason, after a
 * confirmation.
 */
export function TalentReviewScreen(props: { params: URLSearchParams }) {
  const t = useT();
  const { token, claims } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(Number(props.params.get('year')) || thisYear);
  const paging = usePaging();
  const loaded = useApi(
    TalentReviewQuery,
    { agency: claims.agency ?? null, year, after: paging.after },
    token,
  );
  const [calibrating, setCalibrating] = useState<Person>();
  const [saved, setSaved] = useState(false);
  const decides = claims.role === 'COMMITTEE';
  return (
    <>
      <Title order={2}>{t('talentReviewTitle', { year })}</Title>
      <Text size="sm" mt={4} maw={760}>
        {t('talentReviewIntro')}
      </Text>
      <Group mt="md" mb="md" align="end">
        <NumberInput
          label={t('reviewYear')}
          w={120}
          min={2000}
          max={thisYear}
          value={year}
          onChange={(value) => {
            if (typeof value === 'number' && value >= 2000 && value <= thisYear) {
              setYear(value);
              paging.reset();
            }
          }}
        />
      </Group>
      {saved && (
        <Alert color="green" mb="sm" aria-live="polite" data-testid="calibration-saved">
          {t('calibrationSaved')}
        </Alert>
      )}
      <PagedList
        loaded={loaded}
        connection={loaded.data?.employees}
        paging={paging}
        count={(page) => t('employeesFound', { count: page.totalCount })}
      >
        {(page) => (
          <Table data-testid="talent-review">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('computedBox')}</Table.Th>
                <Table.Th>{t('boxInForce')}</Table.Th>
                <Table.Th>{t('calibrationReason')}</Table.Th>
                {decides && <Table.Th>{t('calibrate')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.nodes.map((person) => (
                <Table.Tr key={person.id} data-nip={person.nip ?? undefined}>
                  <Table.Td>
                    {person.name}
                    <Text size="xs" c="dimmed">
                      {person.nip}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="computed-box">
                    {person.talentBox
                      ? t('box', { box: person.talentBox.computedBox })
                      : t('notPlaced')}
                  </Table.Td>
                  <Table.Td data-testid="box-in-force">
                    {person.talentBox && (
                      <Group gap={6}>
                        {t('box', { box: person.talentBox.box })}
                        <Badge
                          variant="outline"
                          color={person.talentBox.calibrated ? 'blue' : 'gray'}
                        >
                          {person.talentBox.calibrated ? t('calibrated') : t('notCalibrated')}
                        </Badge>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="calibration-reason">{person.talentBox?.reason}</Table.Td>
                  {decides && (
                    <Table.Td>
                      {person.talentBox && (
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('calibrateFor', { name: person.name ?? person.id })}
                          onClick={() => {
                            setSaved(false);
                            setCalibrating(person);
                          }}
                        >
                          {t('calibrate')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
      {calibrating?.talentBox && (
        <CalibrationDialog
          person={calibrating}
          year={year}
          onClose={() => setCalibrating(undefined)}
          onSaved={() => {
            setCalibrating(undefined);
            setSaved(true);
            loaded.reload();
          }}
        />
      )}
    </>
  );
}

/**
 * The calibration form, checked on the spot (a box, a reason of 1–2,000 characters), then a
 * confirmation that says what is decided before the request is sent.
 */
function CalibrationDialog(props: {
  person: Person;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { token } = useSession();
  const computed = props.person.talentBox!.computedBox;
  const name = props.person.name ?? props.person.id;
  const [box, setBox] = useState(String(props.person.talentBox!.box));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const check = () => {
    const trimmed = reason.trim();
    const error = !trimmed
      ? t('reasonRequired')
      : trimmed.length > MAX_REASON
        ? t('reasonTooLong')
        : undefined;
    setReasonError(error);
    if (!error) setConfirming(true);
  };
  const send = async () => {
    setProblem(undefined);
    try {
      const answer = await request(
        CalibrateMutation,
        {
          input: {
            employee: props.person.id,
            year: props.year,
            box: Number(box),
            reason: reason.trim(),
          },
        },
        token,
      );
      const errors = answer.calibrateTalentBox.userErrors;
      if (errors.length > 0) {
        setConfirming(false);
        setProblem(errors.map((e) => e.message).join(' '));
      } else props.onSaved();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('calibrateFor', { name })}
      closeButtonProps={{ 'aria-label': t('cancel') }}
    >
      {problem && (
        <Alert color="red" mb="sm" role="alert">
          {problem}
        </Alert>
      )}
      {confirming ? (
        <>
          <Text size="sm" data-testid="confirm-calibration">
            {t('confirmCalibration', { name, year: props.year, box, computed })}
          </Text>
          <Group mt="md" justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void send()}>{t('confirm')}</Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm">
            {t('computedBox')}: {t('box', { box: computed })}
          </Text>
          <Select
            mt="sm"
            label={t('newBox')}
            value={box}
            allowDeselect={false}
            onChange={(value) => value && setBox(value)}
            data={Array.from({ length: 9 }, (_, i) => ({
              value: String(9 - i),
              label: t('box', { box: 9 - i }),
            }))}
          />
          <Textarea
            mt="sm"
            label={t('calibrationReason')}
            required
            autosize
            minRows={3}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(undefined);
            }}
          />
          <Group mt="md" justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel')}
            </Button>
            <Button onClick={check}>{t('calibrate')}</Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
