import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_PROFESSIONALISM_RULES } from '../src/domain/professionalism';
import { DEFAULT_CUTOFFS } from '../src/domain/talent-box';
import { DEFAULT_BOX_ACTIONS } from '../src/domain/talent.defaults';

/** Seeds the default talent cut-offs, box actions and professionalism rules (scope `*`). */
export class Migration20261123114859_talent_defaults extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    this.addSql(
      knex
        .insert({
          scope: '*',
          potential_medium_from: DEFAULT_CUTOFFS.potentialMediumFrom,
          potential_high_from: DEFAULT_CUTOFFS.potentialHighFrom,
          above_ratings: `{${DEFAULT_CUTOFFS.aboveRatings.join(',')}}`,
          meets_ratings: `{${DEFAULT_CUTOFFS.meetsRatings.join(',')}}`,
        })
        .into('talent_policy'),
    );
    this.addSql(knex.insert(DEFAULT_BOX_ACTIONS).into('talent_box_action'));
    this.addSql(knex.insert({ scope: '*', rules: JSON.stringify(DEFAULT_PROFESSIONALISM_RULES) }).into('professionalism_rules'));
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "professionalism_rules" where scope = '*';`);
    this.addSql(`delete from "talent_box_action";`);
    this.addSql(`delete from "talent_policy" where scope = '*';`);
  }
}
