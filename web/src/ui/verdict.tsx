import { Badge, Group, Progress, Table, Text, Tooltip } from '@mantine/core';
import { useT, type MessageKey, type UnmetConditionText } from '../i18n';
import { formatJpm } from '../../../src/domain/selection.format';

/** What the API says of one candidate for one position: a fit, a candidate, a best fit. */
export interface Verdict {
  jobPersonMatch: number;
  category: string;
  qualified: boolean;
  readiness: string;
  unmetConditions?: UnmetConditionText[];
}

/** The parts of a verdict a screen can show, in the order the screens show them. */
export const VERDICT_PARTS = ['jpm', 'category', 'qualified', 'readiness', 'unmet'] as const;
export type VerdictPart = (typeof VERDICT_PARTS)[number];

/** Each part's column (or row) heading. */
export const VERDICT_HEADINGS: Record<VerdictPart, MessageKey> = {
  jpm: 'jpm',
  category: 'category',
  qualified: 'qualified',
  readiness: 'readiness',
  unmet: 'unmet',
};

/**
 * The headings over verdict cells (as `VerdictCells` lays them out): a cell is headed by its
 * first part.
 */
export function VerdictHeadings(props: { cells: VerdictPart[][] }) {
  const t = useT();
  return (
    <>
      {props.cells.map((parts) => (
        <Table.Th key={parts.join('+')}>{t(VERDICT_HEADINGS[parts[0]])}</Table.Th>
      ))}
    </>
  );
}

/**
 * A verdict as the cells of a table row, one cell for each list of parts. Badges sharing a cell
 * stand side by side; the JPM bar takes a line of its own, anything after it goes below.
 */
export function VerdictCells(props: { verdict: Verdict; cells: VerdictPart[][] }) {
  return (
    <>
      {props.cells.map((parts) => (
        <Table.Td key={parts.join('+')}>
          {parts.length > 1 && !parts.includes('jpm') ? (
            <Group gap={4}>
              <VerdictParts verdict={props.verdict} parts={parts} />
            </Group>
          ) : (
            <VerdictParts verdict={props.verdict} parts={parts} />
          )}
        </Table.Td>
      ))}
    </>
  );
}

/** Some parts of a verdict, one after the other, with no wrapper of their own. */
export function VerdictParts(props: { verdict: Verdict; parts: VerdictPart[] }) {
  return (
    <>
      {props.parts.map((part) => (
        <VerdictValue key={part} verdict={props.verdict} part={part} />
      ))}
    </>
  );
}

/** One part of a verdict: the JPM as a bar, a badge, or the unmet conditions as chips. */
export function VerdictValue(props: { verdict: Verdict; part: VerdictPart }) {
  const { verdict } = props;
  switch (props.part) {
    case 'jpm':
      return <JpmBar value={verdict.jobPersonMatch} category={verdict.category} />;
    case 'category':
      return <CategoryBadge category={verdict.category} />;
    case 'qualified':
      return <QualifiedBadge qualified={verdict.qualified} />;
    case 'readiness':
      return <ReadinessBadge readiness={verdict.readiness} />;
    case 'unmet':
      return <ConditionChips conditions={verdict.unmetConditions ?? []} />;
  }
}

const CATEGORY_COLOURS: Record<string, string> = {
  OPTIMAL: 'teal',
  MEMENUHI_SYARAT: 'teal',
  CUKUP_OPTIMAL: 'yellow',
  MASIH_MEMENUHI_SYARAT: 'yellow',
  KURANG_OPTIMAL: 'red',
  KURANG_MEMENUHI_SYARAT: 'red',
};

/** The JPM as a bar with its number: the number carries the meaning, the colour repeats it. */
function JpmBar(props: { value: number; category: string }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" miw={150}>
      <Progress
        value={Math.min(100, props.value)}
        color={CATEGORY_COLOURS[props.category] ?? 'gray'}
        w={90}
        size="lg"
        aria-label={`${t('jpm')} ${formatJpm(props.value, t.language)}`}
      />
      <Text size="sm" fw={600} data-testid="jpm">
        {formatJpm(props.value, t.language)}
      </Text>
    </Group>
  );
}

function CategoryBadge(props: { category: string }) {
  const t = useT();
  return (
    <Badge color={CATEGORY_COLOURS[props.category] ?? 'gray'} variant="light" tt="none">
      {t.label(props.category)}
    </Badge>
  );
}

const READINESS_COLOURS: Record<string, string> = {
  READY_NOW: 'teal',
  AFTER_TRAINING: 'blue',
  NEEDS_ASSESSMENT: 'orange',
  BLOCKED: 'red',
};

function ReadinessBadge(props: { readiness: string }) {
  const t = useT();
  return (
    <Badge color={READINESS_COLOURS[props.readiness] ?? 'gray'} variant="outline" tt="none">
      {t.label(props.readiness)}
    </Badge>
  );
}

function QualifiedBadge(props: { qualified: boolean }) {
  const t = useT();
  return (
    <Badge
      color={props.qualified ? 'teal' : 'gray'}
      variant="filled"
      tt="none"
      className="nowrap-badge"
    >
      {props.qualified ? `✓ ${t('qualified')}` : `✗ ${t('notQualified')}`}
    </Badge>
  );
}

/** Unmet conditions as chips with words; the server's full reason is the chip's tooltip. */
export function ConditionChips(props: { conditions: UnmetConditionText[] }) {
  const t = useT();
  if (props.conditions.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {props.conditions.map((condition) => (
        <Tooltip key={condition.code} label={t.condition(condition)} multiline w={280}>
          <Badge
            color="red"
            variant="light"
            tt="none"
            title={t.condition(condition)}
            data-code={condition.code}
          >
            {t.label(condition.code)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
