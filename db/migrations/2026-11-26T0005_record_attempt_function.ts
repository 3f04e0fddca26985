import { type Kysely, sql } from 'kysely';

// Frozen. An answer was recorded in one transaction of five round trips (BEGIN, lock the progress
// row, insert the attempt, apply progress and points, COMMIT): under load the round trips, not the
// statements, were what the server paid for. record_attempt does the same work in one call, so in
// one implicit transaction: all of it or none of it.
//
// The new progress state is decided by the caller (the FSRS scheduler runs in the app) from the
// row as it read it; `_expected_attempts` says which row that was (attempts only ever grow, by one
// per attempt, so they identify a row's state; 0 = no row yet). The function:
//   1. locks the progress row (a concurrent attempt on the same exercise waits here);
//   2. finds the idempotency key already used: returns 'replayed' with the first attempt, writing
//      nothing;
//   3. finds the row changed since the caller read it: returns 'stale' with the row as it is now
//      (scheduler state included), writing nothing; the caller decides again and calls again;
//   4. otherwise claims the key, inserts the attempt, adds it to the open session's figures, writes
//      the progress row and the student's points and streak, and returns 'recorded' with them.
// A concurrent first attempt on the same exercise (no row to lock yet) or a concurrent claim of the
// same key makes it raise serialization_failure (40001): nothing is kept, and the caller retries.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
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
      streak_days integer, streak_last_day date, last_active_at timestamptz, token_version integer
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
          s.streak_last_day, s.last_active_at, s.token_version
          from students s left join progress p on p.student_id = s.id and p.exercise_id = first_attempt.exercise_id
          where s.id = _student;
        return;
      end if;

      if coalesce(cur.attempts, 0) <> _expected_attempts then
        return query select 'stale'::text, null::bigint, null::integer, null::jsonb, null::boolean, null::integer, null::integer, null::timestamptz,
          cur.status, cur.attempts, cur.successes, cur.points_earned, cur.last_attempt_at, cur.first_success_at,
          cur.mastered_at, cur.next_review_at, cur.review_interval_days, cur.review_state,
          null::integer, null::text, null::text, null::text, null::text, null::integer, null::integer, null::date, null::timestamptz, null::integer;
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
        s.streak_last_day, s.last_active_at, s.token_version
        from s;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function record_attempt`.execute(db);
}
