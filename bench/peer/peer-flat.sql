-- The second peer's schema: what a PostGraphile user would write most simply for the bench's
-- reads, current levels as a table (one row per employee and competency, with its level and
-- date) beside copies of the tables the reads join, with the keys, foreign keys and indexes that
-- let the Amber preset expose every relation. The bench fills it from our tables in one
-- transaction (`scripts/bench-peer.ts`), and again only when the province's size changes: the few
-- assessments the bench records do not reach it.
set local work_mem = '256MB';
drop schema if exists peer_flat cascade;
create schema peer_flat;

create table peer_flat.agency as select id, code, name, kind from public.agency;
alter table peer_flat.agency add primary key (id), add unique (code);

create table peer_flat.rank as select code, name, grade, ordinal from public.rank;
alter table peer_flat.rank add primary key (code);

create table peer_flat.org_unit as select id, code, name, agency_id, parent_id from public.org_unit;
alter table peer_flat.org_unit add primary key (id), add unique (code),
  add foreign key (agency_id) references peer_flat.agency,
  add foreign key (parent_id) references peer_flat.org_unit;
create index on peer_flat.org_unit (agency_id);
create index on peer_flat.org_unit (parent_id);

create table peer_flat.competency as select id, code, name, type from public.competency;
alter table peer_flat.competency add primary key (id), add unique (code);

create table peer_flat.position as
  select id, code, title, category, org_unit_id from public.position;
alter table peer_flat.position add primary key (id), add unique (code),
  add foreign key (org_unit_id) references peer_flat.org_unit;
create index on peer_flat.position (org_unit_id);

create table peer_flat.position_requirement as
  select id, position_id, competency_id, level, weight, ordinal from public.position_requirement;
alter table peer_flat.position_requirement add primary key (id),
  add unique (position_id, competency_id),
  add foreign key (position_id) references peer_flat.position,
  add foreign key (competency_id) references peer_flat.competency;
create index on peer_flat.position_requirement (competency_id);

create table peer_flat.employee as
  select id, nip, name, employment_type, rank_code, education_code, org_unit_id, position_id,
         birth_date, appointed_on
    from public.employee;
alter table peer_flat.employee add primary key (id), add unique (nip),
  add foreign key (rank_code) references peer_flat.rank,
  add foreign key (org_unit_id) references peer_flat.org_unit,
  add foreign key (position_id) references peer_flat.position;
create index on peer_flat.employee (name, id);
create index on peer_flat.employee (rank_code);
create index on peer_flat.employee (org_unit_id);
create index on peer_flat.employee (position_id);

-- The latest result of each competency per employee, as the first peer's computed column reads it.
create table peer_flat.current_competency as
  select distinct on (a.employee_id, r.competency_id)
         a.employee_id, r.competency_id, r.level, a.assessed_on
    from public.assessment a join public.assessment_result r on r.assessment_id = a.id
   where a.assessed_on <= current_date
   order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc;
alter table peer_flat.current_competency add primary key (employee_id, competency_id),
  add foreign key (employee_id) references peer_flat.employee,
  add foreign key (competency_id) references peer_flat.competency;
create index on peer_flat.current_competency (competency_id);

-- The ranking of a position over the current levels: weighted and capped at the required level,
-- best first (the first peer's `rank_candidates` without the walk through the history).
create function peer_flat.rank_candidates(position_id int)
returns table (employee_id int, jpm numeric) as $$
  select e.id, round((100.0 * sum(q.weight * least(coalesce(c.level, 0), q.level)) / sum(q.weight * q.level))::numeric, 2)
    from peer_flat.employee e cross join peer_flat.position_requirement q
    left join peer_flat.current_competency c on c.employee_id = e.id and c.competency_id = q.competency_id
   where q.position_id = rank_candidates.position_id
   group by e.id order by 2 desc, e.id
$$ language sql stable;

analyze peer_flat.agency, peer_flat.rank, peer_flat.org_unit, peer_flat.competency,
  peer_flat.position, peer_flat.position_requirement, peer_flat.employee,
  peer_flat.current_competency;
