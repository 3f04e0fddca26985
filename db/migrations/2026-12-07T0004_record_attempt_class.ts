import { type Kysely, sql } from 'kysely';

// Frozen. record_attempt (migration 2026-11-26T0005) returns the student as the answer left it;
// since the schools migration a student also has a class and an avatar, which the app keeps with
// the profile it caches after an answer: the function now returns them too. The body is 0005's
// with the two columns added to what it returns (a function's result type cannot be altered in
// place: it is dropped and created again, within this migration's transaction).

const RECORD_ATTEMPT = `
    create function record_attempt(
      _student integer, _exercise integer, _key text, _answer jsonb, _correct boolean,
      _duration integer, _hints integer, _at timestamptz, _session_since timestamptz,
      _day date, _previous_day date, _expected_attempts integer, _points integer,
      _status text, _attempts integer, _successes integer, _points_total integer,
      _first_success_at timestamptz, _mastered_at timestamptz, _next_review_at timestamptz,
      _review_interval_days integer, _review_state jsonb
    ) returns table (
      outcome text,
      attempt_id bigint, attempt_exercise_id integer, attempt_answer jsonb, attempt_correct boolean,
      attempt_points_earned integer, attempt_session_id integer, attempt_created_at timestamptz,
      status text, attempts integer, successes integer, points_earned integer,
      last_attempt_at timestamptz, first_success_at timestamptz, mastered_at timestamptz,
      next_review_at timestamptz, review_interval_days integer, review_state jsonb,
      id integer, username text, first_name text, last_name text, level text, total_points integer,
      streak_days integer, streak_last_day date, last_active_at timestamptz, token_version integer,
      classroom_id integer, avatar text
    ) language plpgsql as $fn$
    #variable_conflict use_column
    declare
      cur progress%rowtype;
      first_attempt attempts%rowtype;
      new_id bigint;
      v_session integer;
    begin
      select * into cur from progress p where p.student_id = _student and p.exercise_id = _exercise for update;

      select a.* into first_attempt from attempt_keys k
        join attempts a on a.id = k.attempt_id and a.created_at = k.created_at
        where k.student_id = _student and k.idempotency_key = _key;
      if found then
        return query select 'replayed'::text,
          first_attempt.id, first_attempt.exercise_id, first_attempt.answer, first_attempt.correct,
          first_attempt.points_earned, first_attempt.session_id, first_attempt.created_at,
          p.status, p.attempts, p.successes, p.points_earned, p.last_attempt_at, p.first_success_at,
          p.mastered_at, p.next_review_at, p.review_interval_days, null::jsonb,
          s.id, s.username, s.first_name, s.last_name, s.level, s.total_points, s.streak_days,
          s.streak_last_day, s.last_active_at, s.token_version, s.classroom_id, s.avatar
          from students s left join progress p on p.student_id = s.id and p.exercise_id = first_attempt.exercise_id
          where s.id = _student;
        return;
      end if;

      if coalesce(cur.attempts, 0) <> _expected_attempts then
        return query select 'stale'::text, null::bigint, null::integer, null::jsonb, null::boolean, null::integer, null::integer, null::timestamptz,
          cur.status, cur.attempts, cur.successes, cur.points_earned, cur.last_attempt_at, cur.first_success_at,
          cur.mastered_at, cur.next_review_at, cur.review_interval_days, cur.review_state,
          null::integer, null::text, null::text, null::text, null::text, null::integer, null::integer, null::date, null::timestamptz, null::integer, null::integer, null::text;
        return;
      end if;

      new_id := nextval('attempts_id_seq');
      insert into attempt_keys (student_id, idempotency_key, attempt_id, created_at)
        values (_student, _key, new_id, _at) on conflict (student_id, idempotency_key) do nothing;
      if not found then
        raise exception 'idempotency key claimed concurrently' using errcode = 'serialization_failure';
      end if;

      select ls.id into v_session from learning_sessions ls
        where ls.student_id = _student and ls.ended_at is null and ls.last_activity_at >= _session_since
        limit 1;
      insert into attempts (id, student_id, exercise_id, session_id, idempotency_key, answer, correct, duration_seconds, hints_used, points_earned, created_at)
        values (new_id, _student, _exercise, v_session, _key, _answer, _correct, _duration, _hints, _points, _at);
      if v_session is not null then
        update learning_sessions ls set
          attempted = ls.attempted + 1,
          succeeded = ls.succeeded + (case when _correct then 1 else 0 end),
          points_earned = ls.points_earned + _points,
          last_activity_at = greatest(ls.last_activity_at, _at)
          where ls.id = v_session and ls.ended_at is null;
      end if;

      if cur.student_id is null then
        insert into progress (student_id, exercise_id, status, attempts, successes, points_earned, last_attempt_at,
                              first_success_at, mastered_at, next_review_at, review_interval_days, review_state)
          values (_student, _exercise, _status, _attempts, _successes, _points_total, _at,
                  _first_success_at, _mastered_at, _next_review_at, _review_interval_days, _review_state)
          on conflict (student_id, exercise_id) do nothing;
        if not found then
          raise exception 'progress row created concurrently' using errcode = 'serialization_failure';
        end if;
      else
        update progress p set status = _status, attempts = _attempts, successes = _successes, points_earned = _points_total,
          last_attempt_at = _at, first_success_at = _first_success_at, mastered_at = _mastered_at,
          next_review_at = _next_review_at, review_interval_days = _review_interval_days, review_state = _review_state
          where p.student_id = _student and p.exercise_id = _exercise;
      end if;

      return query
      with s as (
        update students st set
          total_points = st.total_points + _points,
          streak_days = case when st.streak_last_day = _day then st.streak_days
                             when st.streak_last_day = _previous_day then st.streak_days + 1
                             else 1 end,
          streak_last_day = greatest(st.streak_last_day, _day),
          last_active_at = greatest(st.last_active_at, _at)
          where st.id = _student
          returning st.*
      )
      select 'recorded'::text, new_id, _exercise, _answer, _correct, _points, v_session, _at,
        _status, _attempts, _successes, _points_total, _at, _first_success_at, _mastered_at,
        _next_review_at, _review_interval_days, null::jsonb,
        s.id, s.username, s.first_name, s.last_name, s.level, s.total_points, s.streak_days,
        s.streak_last_day, s.last_active_at, s.token_version, s.classroom_id, s.avatar
        from s;
    end
    $fn$`;

/** 0005's function: the same text without the two columns. */
const PREVIOUS = RECORD_ATTEMPT.replace(',\n      classroom_id integer, avatar text\n    )', '\n    )')
  .replace(', null::integer, null::text;', ';')
  .replaceAll(', s.classroom_id, s.avatar\n', '\n');

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function record_attempt`.execute(db);
  await sql.raw(RECORD_ATTEMPT).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function record_attempt`.execute(db);
  await sql.raw(PREVIOUS).execute(db);
}
