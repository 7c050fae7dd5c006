import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMINISTRATOR_STAGES,
  DEFAULT_JPT_STAGES,
  DEFAULT_STAGE_TEMPLATES,
  FALLBACK_STAGES,
  normalStages,
  scoreIssue,
  stageIssues,
  StageKind,
  type SelectionStageSpec,
  type StageSpec,
} from '../../src/domain/selection-stages';
import {
  proposedNames,
  standingsOf,
  TieBreak,
  type CandidateScores,
} from '../../src/domain/selection-standings';
import { reweighed, standingsUnderWeights } from '../../src/domain/selection-what-if';

const { ADMINISTRATION, COMPETENCY, TECHNICAL, INTERVIEW, HEALTH_PSYCHOLOGY, PAPER } = StageKind;

/** Five stages: administration, competency (pass 68), technical (pass 60), interview, health. */
const STAGES: SelectionStageSpec[] = [
  { id: 11, order: 1, kind: ADMINISTRATION, name: 'Administrasi', weight: 0, passMark: 100 },
  { id: 12, order: 2, kind: COMPETENCY, name: 'Kompetensi', weight: 40, passMark: 68 },
  { id: 13, order: 3, kind: TECHNICAL, name: 'Teknis', weight: 30, passMark: 60 },
  { id: 14, order: 4, kind: INTERVIEW, name: 'Wawancara', weight: 30, passMark: null },
  { id: 15, order: 5, kind: HEALTH_PSYCHOLOGY, name: 'Kesehatan', weight: 0, passMark: 100 },
];
const [ADM, COMP, TECH, INT, HEALTH] = STAGES.map((s) => s.id);

/** A candidate with scores by stage id, in the frozen ranking at `frozenRank`. */
const candidate = (
  employeeId: number,
  scores: [number, number][],
  jobPersonMatch = 80,
  frozenRank = employeeId,
): CandidateScores => ({ employeeId, frozenRank, jobPersonMatch, scores: new Map(scores) });
const all = (comp: number, tech: number, int: number): [number, number][] => [
  [ADM, 100],
  [COMP, comp],
  [TECH, tech],
  [INT, int],
  [HEALTH, 100],
];
const one = (c: CandidateScores) => standingsOf(STAGES, [c])[0];

describe('a candidate walks the stages in order and leaves at the first pass mark missed', () => {
  it.each([
    ['fails administration', [[ADM, 0]], null, ADM],
    [
      'is below the competency pass mark',
      [
        [ADM, 100],
        [COMP, 67.5],
      ],
      null,
      COMP,
    ],
    [
      'has a frozen JPM below the competency pass mark and no score entered',
      [[ADM, 100]],
      60,
      COMP,
    ],
    [
      'is below the technical pass mark',
      [
        [ADM, 100],
        [COMP, 70],
        [TECH, 59],
      ],
      null,
      TECH,
    ],
    [
      'fails the health and psychological tests',
      [...all(70, 70, 70).slice(0, 4), [HEALTH, 0]],
      null,
      HEALTH,
    ],
    [
      'fails administration with later scores already entered',
      [
        [ADM, 0],
        [COMP, 90],
        [TECH, 90],
      ],
      null,
      ADM,
    ],
  ] as [string, [number, number][], number | null, number][])(
    'dropped: %s',
    (_, scores, jpm, stage) => {
      const standing = one(candidate(1, scores, jpm ?? 80));
      expect(standing).toMatchObject({
        droppedAt: stage,
        rank: null,
        total: null,
        complete: false,
      });
    },
  );

  it.each([
    [
      'at the pass mark exactly',
      [
        [ADM, 100],
        [COMP, 68],
        [TECH, 60],
      ],
    ],
    ['low where there is no pass mark', [...all(70, 70, 0)]],
    ['with stages not taken yet', [[ADM, 100]]],
    ['with nothing entered and a JPM that passes', []],
  ] as [string, [number, number][]][])('still in: %s', (_, scores) => {
    expect(one(candidate(1, scores))).toMatchObject({ droppedAt: null, rank: 1 });
  });

  it('shows a later score entered before an earlier one was corrected down, without counting it', () => {
    const standing = one(
      candidate(1, [
        [ADM, 100],
        [COMP, 50],
        [TECH, 95],
      ]),
    );
    expect(standing.scores.map((s) => [s.stageId, s.score])).toEqual([
      [ADM, 100],
      [COMP, 50],
      [TECH, 95],
    ]);
    expect(standing.total).toBeNull();
  });
});

describe('the total', () => {
  it.each([
    // Σ weight × score / 100: 40·80 + 30·70 + 30·90 = 80.
    [all(80, 70, 90), 80, true],
    [all(100, 100, 100), 100, true],
    [all(68, 60, 0), 45.2, true],
    // Only what is entered so far counts: 40·80 + 30·70 = 53; not complete.
    [
      [
        [ADM, 100],
        [COMP, 80],
        [TECH, 70],
      ],
      53,
      false,
    ],
    // The JPM stands in for competency: 40·75 = 30.
    [[[ADM, 100]], 30, false],
  ] as [[number, number][], number, boolean][])(
    'of %j is %d (complete: %s)',
    (scores, total, complete) => {
      const standing = one(candidate(1, scores, 75));
      expect(standing.total).toBeCloseTo(total, 9);
      expect(standing.complete).toBe(complete);
    },
  );

  it('takes the frozen JPM as the competency score until one is entered, and the entered one after', () => {
    const byJpm = one(
      candidate(
        1,
        [
          [ADM, 100],
          [TECH, 70],
          [INT, 70],
          [HEALTH, 100],
        ],
        77.5,
      ),
    );
    expect(byJpm.scores.find((s) => s.stageId === COMP)).toEqual({
      stageId: COMP,
      score: 77.5,
      fromJobPersonMatch: true,
    });
    expect(byJpm.complete).toBe(true);
    const entered = one(candidate(1, all(90, 70, 70), 77.5));
    expect(entered.scores.find((s) => s.stageId === COMP)).toEqual({
      stageId: COMP,
      score: 90,
      fromJobPersonMatch: false,
    });
    expect(entered.total! - byJpm.total!).toBeCloseTo(0.4 * (90 - 77.5), 9);
  });

  it('does not substitute the JPM for a candidate who left before the competency stage', () => {
    expect(one(candidate(1, [[ADM, 0]])).scores).toEqual([
      { stageId: ADM, score: 0, fromJobPersonMatch: false },
    ]);
  });
});

describe('the ranking', () => {
  it('puts complete standings first, then the higher total; the dropped last, the furthest first', () => {
    const standings = standingsOf(STAGES, [
      candidate(1, [[ADM, 0]]),
      candidate(2, all(70, 70, 70)),
      candidate(3, [
        [ADM, 100],
        [COMP, 100],
        [TECH, 100],
        [INT, 100],
      ]),
      candidate(4, all(90, 90, 90)),
      candidate(5, [
        [ADM, 100],
        [COMP, 70],
        [TECH, 10],
      ]),
    ]);
    expect(standings.map((s) => [s.employeeId, s.rank])).toEqual([
      [4, 1],
      [2, 2],
      [3, 3],
      [5, null],
      [1, null],
    ]);
  });

  it.each([
    // Equal totals of 78: 40·90+30·70+30·70 and 40·75+30·80+30·80.
    [
      'the higher competency score',
      [candidate(1, all(75, 80, 80)), candidate(2, all(90, 70, 70))],
      [2, 1],
      TieBreak.COMPETENCY_SCORE,
      'placed after it by the higher competency score (75 against 90)',
    ],
    [
      'the higher frozen JPM',
      [candidate(1, all(80, 80, 80), 70), candidate(2, all(80, 80, 80), 85)],
      [2, 1],
      TieBreak.JOB_PERSON_MATCH,
      'placed after it by the higher frozen JPM (70 against 85)',
    ],
    [
      'the earlier place in the frozen ranking',
      [candidate(2, all(80, 80, 80), 80, 5), candidate(1, all(80, 80, 80), 80, 3)],
      [1, 2],
      TieBreak.FROZEN_RANKING,
      'placed after it by the earlier place in the frozen ranking (6 against 4)',
    ],
  ] as [string, CandidateScores[], number[], TieBreak, string][])(
    'breaks a tie by %s, and says so on both standings',
    (_, candidates, order, rule, note) => {
      const standings = standingsOf(STAGES, candidates);
      expect(standings.map((s) => s.employeeId)).toEqual(order);
      expect(standings.map((s) => s.tieBreak)).toEqual([rule, rule]);
      expect(standings[1].tieNote).toContain(`with rank 1: ${note}`);
      expect(standings[0].tieNote).toContain('with rank 2: placed before it');
    },
  );

  it('names no tie rule between different totals', () => {
    const standings = standingsOf(STAGES, [
      candidate(1, all(80, 80, 80)),
      candidate(2, all(81, 80, 80)),
    ]);
    expect(standings.map((s) => s.tieBreak)).toEqual([null, null]);
  });
});

describe('proposedNames', () => {
  it.each([
    [5, 3],
    [3, 3],
    [2, 2],
    [0, 0],
  ])('of %d complete candidates (beside incomplete and dropped ones) is %d, best first', (n, k) => {
    const complete = Array.from({ length: n }, (_, i) => candidate(i + 1, all(70 + i, 70, 70)));
    const standings = standingsOf(STAGES, [
      ...complete,
      candidate(90, [
        [ADM, 100],
        [COMP, 100],
        [TECH, 100],
      ]),
      candidate(91, [[ADM, 0]]),
    ]);
    const proposed = proposedNames(standings);
    expect(proposed).toHaveLength(k);
    expect(proposed.map((s) => s.employeeId)).toEqual(
      complete
        .map((c) => c.employeeId)
        .reverse()
        .slice(0, k),
    );
    expect(proposed.map((s) => s.rank)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
  });
});

describe('a what-if over the weights', () => {
  const candidates = [candidate(1, all(95, 60, 60)), candidate(2, all(70, 90, 90))];

  it('moves the ranks and keeps the ranks under the selection’s weights beside them', () => {
    expect(standingsOf(STAGES, candidates).map((s) => s.employeeId)).toEqual([2, 1]);
    const { stages, issues } = reweighed(STAGES, [
      { stageId: COMP, weight: 80 },
      { stageId: TECH, weight: 10 },
      { stageId: INT, weight: 10 },
    ]);
    expect(issues).toEqual([]);
    const moved = standingsUnderWeights(STAGES, stages, candidates);
    expect(moved.map((s) => [s.employeeId, s.rank, s.baseRank])).toEqual([
      [1, 1, 2],
      [2, 2, 1],
    ]);
    expect(moved[0].total).toBeCloseTo(0.8 * 95 + 0.1 * 60 + 0.1 * 60, 9);
  });

  it('keeps the weights it is not given', () => {
    const { stages, issues } = reweighed(STAGES, [
      { stageId: TECH, weight: 40 },
      { stageId: INT, weight: 20 },
    ]);
    expect(issues).toEqual([]);
    expect(stages.map((s) => s.weight)).toEqual([0, 40, 40, 20, 0]);
  });

  it.each([
    [[{ stageId: 99, weight: 10 }], 'weights[0].stage: not a stage of this selection'],
    [
      [
        { stageId: TECH, weight: 30 },
        { stageId: TECH, weight: 30 },
      ],
      'weights[1].stage: Teknis is given twice',
    ],
    [[{ stageId: TECH, weight: -1 }], 'weights[0].weight: between 0 and 100, got -1'],
    [[{ stageId: ADM, weight: 10 }], 'weights[0].weight: Administrasi only passes or fails'],
    [[{ stageId: TECH, weight: 40 }], "weights: the stages' weights would add up to 110, not 100"],
    [
      Array.from({ length: 11 }, () => ({ stageId: TECH, weight: 30 })),
      'weights: at most 10, got 11',
    ],
  ])('refuses %j: %s', (weights, message) => {
    expect(reweighed(STAGES, weights).issues.join('; ')).toContain(message);
  });
});

describe('templates', () => {
  it('has valid defaults for the JPT categories and the administrator, and a valid fallback', () => {
    for (const stages of [DEFAULT_JPT_STAGES, DEFAULT_ADMINISTRATOR_STAGES, FALLBACK_STAGES])
      expect(stageIssues(stages)).toEqual([]);
    expect([...DEFAULT_STAGE_TEMPLATES.keys()]).toEqual([
      'JPT_UTAMA',
      'JPT_MADYA',
      'JPT_PRATAMA',
      'ADMINISTRATOR',
    ]);
    expect(DEFAULT_JPT_STAGES.map((s) => s.kind)).toEqual(Object.values(StageKind));
  });

  const valid: StageSpec[] = [
    { order: 1, kind: ADMINISTRATION, name: 'Administrasi', weight: 0, passMark: 100 },
    { order: 2, kind: COMPETENCY, name: 'Kompetensi', weight: 60, passMark: 68 },
    { order: 3, kind: INTERVIEW, name: 'Wawancara', weight: 40, passMark: null },
  ];
  const change = (index: number, values: Partial<StageSpec>) =>
    valid.map((s, i) => (i === index ? { ...s, ...values } : s));

  it.each([
    [change(1, { name: '  ' }), 1, 'name', 'REQUIRED'],
    [change(1, { name: 'x'.repeat(101) }), 1, 'name', 'OUT_OF_RANGE'],
    [change(2, { order: 1 }), 2, 'order', 'DUPLICATE'],
    [change(2, { order: 0 }), 2, 'order', 'OUT_OF_RANGE'],
    [change(2, { order: 2.5 }), 2, 'order', 'OUT_OF_RANGE'],
    [change(1, { weight: 160 }), 1, 'weight', 'OUT_OF_RANGE'],
    [change(0, { weight: 10 }), 0, 'weight', 'INVALID'],
    [change(0, { passMark: 50 }), 0, 'passMark', 'INVALID'],
    [change(1, { passMark: 101 }), 1, 'passMark', 'OUT_OF_RANGE'],
    [change(2, { kind: COMPETENCY }), 2, 'kind', 'DUPLICATE'],
    [change(2, { weight: 30 }), null, 'stages', 'OUT_OF_RANGE'],
    [[], null, 'stages', 'OUT_OF_RANGE'],
    [
      Array.from({ length: 11 }, (_, i) => ({ ...valid[2], kind: PAPER, order: i + 1 })),
      null,
      'stages',
      'OUT_OF_RANGE',
    ],
  ] as [StageSpec[], number | null, string, string][])(
    'names the stage and field of what is wrong (%#)',
    (stages, index, field, code) => {
      const issues = stageIssues(stages);
      expect(issues).toContainEqual(expect.objectContaining({ index, field, code }));
      if (index !== null)
        expect(issues[0].message).toMatch(new RegExp(`^stages\\[${index}\\]\\.${field}: `));
    },
  );

  it('stores a template in order, trimmed, its pass/fail stages passing at 100', () => {
    const stored = normalStages([
      { ...valid[2], name: ' Wawancara ' },
      { ...valid[0], passMark: null },
      valid[1],
    ]);
    expect(stored.map((s) => [s.order, s.name, s.passMark])).toEqual([
      [1, 'Administrasi', 100],
      [2, 'Kompetensi', 68],
      [3, 'Wawancara', null],
    ]);
  });
});

describe('scoreIssue', () => {
  it.each([
    [TECHNICAL, 0, null],
    [TECHNICAL, 100, null],
    [TECHNICAL, 72.5, null],
    [TECHNICAL, -0.1, 'between 0 and 100, got -0.1'],
    [TECHNICAL, 100.5, 'between 0 and 100, got 100.5'],
    [TECHNICAL, Number.NaN, 'between 0 and 100, got NaN'],
    [ADMINISTRATION, 100, null],
    [ADMINISTRATION, 0, null],
    [ADMINISTRATION, 70, 'ADMINISTRATION only passes or fails: 100 (passes) or 0 (fails), got 70'],
    [HEALTH_PSYCHOLOGY, 99, 'HEALTH_PSYCHOLOGY only passes or fails'],
  ] as [StageKind, number, string | null][])('%s, %d: %s', (kind, score, issue) => {
    const found = scoreIssue(kind, score);
    if (issue === null) expect(found).toBeNull();
    else expect(found).toContain(issue);
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('standings, on 300 random selections', () => {
  it('rank those still in 1..n by (complete, total), total the weighted sum, and drop exactly those below a pass mark', () => {
    const next = random(30);
    for (let round = 0; round < 300; round++) {
      const candidates = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => {
        const scores: [number, number][] = [];
        for (const stage of STAGES) {
          if (next() < 0.2) continue;
          const passFail = stage.kind === ADMINISTRATION || stage.kind === HEALTH_PSYCHOLOGY;
          scores.push([
            stage.id,
            passFail ? (next() < 0.85 ? 100 : 0) : Math.round(next() * 20) * 5,
          ]);
        }
        return candidate(i + 1, scores, 50 + Math.round(next() * 10) * 5, i);
      });
      const standings = standingsOf(STAGES, candidates);
      expect(standings).toHaveLength(candidates.length);
      const ranked = standings.filter((s) => s.rank !== null);
      expect(ranked.map((s) => s.rank)).toEqual(ranked.map((_, i) => i + 1));
      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1], ranked[i]];
        expect(a.complete || !b.complete).toBe(true);
        if (a.complete === b.complete) expect(a.total!).toBeGreaterThanOrEqual(b.total!);
      }
      for (const c of candidates) {
        const standing = standings.find((s) => s.employeeId === c.employeeId)!;
        // The plain definition: walk the stages; the first score below its pass mark drops.
        let dropped: number | null = null;
        let sum = 0;
        for (const stage of STAGES) {
          const score =
            c.scores.get(stage.id) ?? (stage.kind === COMPETENCY ? c.jobPersonMatch : undefined);
          if (score === undefined) continue;
          if (stage.passMark !== null && score < stage.passMark) {
            dropped = stage.id;
            break;
          }
          sum += (stage.weight * score) / 100;
        }
        expect(standing.droppedAt).toBe(dropped);
        if (dropped === null) expect(standing.total).toBeCloseTo(sum, 6);
      }
      expect(proposedNames(standings).every((s) => s.complete && s.rank! <= 3)).toBe(true);
    }
  });
});
