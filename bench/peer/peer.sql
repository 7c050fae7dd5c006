-- What a PostGraphile user would add to the plain schema for the bench's three reads: the
-- current level per competency as a computed column of employee, and the ranking of a position
-- as a function (the plain SQL: latest level per required competency up to the date, weighted
-- and capped at the required level, best first). Idempotent; only the bench database has it.
create or replace function employee_current_competencies(e employee)
returns setof assessment_result as $$
  select distinct on (r.competency_id) r.*
    from assessment a join assessment_result r on r.assessment_id = a.id
   where a.employee_id = e.id and a.assessed_on <= current_date
   order by r.competency_id, a.assessed_on desc, a.id desc
$$ language sql stable;

create or replace function rank_candidates(position_id int, as_of date)
returns table (employee_id int, jpm numeric) as $$
  with req as (select competency_id, level, weight from position_requirement q
                where q.position_id = rank_candidates.position_id),
  latest as (
    select distinct on (a.employee_id, r.competency_id) a.employee_id, r.competency_id, r.level
      from assessment a join assessment_result r on r.assessment_id = a.id
     where r.competency_id in (select competency_id from req) and a.assessed_on <= as_of
     order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc)
  select e.id, round((100.0 * sum(q.weight * least(coalesce(l.level, 0), q.level)) / sum(q.weight * q.level))::numeric, 2)
    from employee e cross join req q
    left join latest l on l.employee_id = e.id and l.competency_id = q.competency_id
   group by e.id order by 2 desc, e.id
$$ language sql stable;
