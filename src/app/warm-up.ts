import type { Knex } from '@mikro-orm/knex';
import { rankingOf } from '../engine/ranking';
import type { WarmRun } from '../platform/http/warm-up';

/**
 * The documents that warm the request path before `/ready` (`warmedReadiness`): a ranking of
 * candidates for a position that has requirements (the ranking, its page, the fits it
 * explains, the employees it names) and a page of employees with their current competencies,
 * each twice (the second run is compiled, as a client's second request is). The rankings they
 * made are then dropped: a committee's first ranking of any position is still scored anew.
 */
export function warmUpRequests(primary: Knex) {
  return async (run: WarmRun): Promise<void> => {
    const codes = (await primary('position as p')
      .whereExists(primary('position_requirement as r').whereRaw('r.position_id = p.id'))
      .orderBy('p.id')
      .limit(1)
      .pluck('p.code')) as string[];
    const position = codes.length > 0 ? { code: codes[0] } : undefined;
    try {
      for (let i = 0; i < 2; i++) {
        if (position) await run(CANDIDATES, { p: position.code });
        await run(EMPLOYEES);
      }
    } finally {
      rankingOf(primary).forgetRankings();
    }
  };
}

const CANDIDATES = `query WarmUpCandidates($p: String!) {
  candidates(positionCode: $p, first: 20) {
    totalCount
    nodes { jobPersonMatch qualified category gaps { gap } employee { nip name } }
  }
}`;

const EMPLOYEES = `query WarmUpEmployees {
  employees(first: 20) {
    nodes { nip name rank { code } orgUnit { code } competencies { level competency { code } } }
  }
}`;
