import { Rng } from '../../db/seeds/curriculum/prng.js';
import { COSTLY_SHAPES, costlyOperation } from './costly.js';

/**
 * Generated malformed and hostile requests for the fuzz test, from a seeded PRNG: the same seed
 * gives the same requests on every machine. None of them names the victim student (their
 * username never appears in a payload), so finding it in an answer is a leak.
 */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The role the token belongs to: only 'attacker' and 'none' answers are searched for leaks. */
  as: 'attacker' | 'admin' | 'none';
}

export interface FuzzTargets {
  attackerToken: string;
  adminToken: string;
  /** Ids to aim at: the victim's, an exercise's, a session's. */
  victimId: number;
  exerciseId: number;
  sessionId: string;
  /** Hostile tokens: forged, tampered, expired, alg none... */
  badTokens: string[];
}

export const HOSTILE_STRINGS = [
  "' OR 1=1 --", "'; DROP TABLE students; --", "1; SELECT pg_sleep(5)", '" OR ""="', "admin'--", "1' UNION SELECT password_hash FROM admins--",
  "%' AND 1=0 UNION ALL SELECT solution FROM exercises --", '$$; COPY students TO PROGRAM $$id$$', '\\x00', "') OR ('a'='a", 'NULL', 'undefined',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '#{7*7}', '__proto__', 'constructor',
  '{"__proto__":{"polluted":true}}', '../../../../etc/passwd', '%s%s%s%n', '\u0000', 'a\u0000b', '\ud800', '\udfff x', 'é', '👩‍🎓', '\u202egnp.exe',
  ' ', '', '\n\r\t', '0', '-1', '2147483648', '9007199254740993', '1e309', 'NaN', 'Infinity', 'true', '[]', '{}', 'eyJ9.e30.', 'WyJ4Il0', 'Wy0xLDFd',
  'student071', 'admin', 'ADMIN ', 'CP', 'stats', 'progress', 'cursor', 'Bearer x', '\\', '"', "'", '`', '${', '%00', '%27%20OR%201=1',
];

const INTS = [0, -1, 1, 2, 5, 20, 21, 100, 101, 365, 366, 3600, 3601, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1.5, -0.0001, 1e21];

/** Operation templates: every argument of the schema, as variables. */
type Kind = 'string' | 'id' | 'int' | 'enum' | 'input' | 'cursor' | 'teacherInput' | 'classroomInput' | 'students' | 'ints' | 'ids' | 'date';
const TEMPLATES: { query: string; vars: Record<string, Kind> }[] = [
  { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role student { id username } } }', vars: { u: 'string', p: 'string' } },
  { query: 'query($id: ID!) { student(id: $id) { id username firstName totalPoints progress { totalCount } stats { successRate } } }', vars: { id: 'id' } },
  { query: 'query($id: ID!) { student(id: $id) { recommendations { reason exercise { id title } } sessions { id attempted } } }', vars: { id: 'id' } },
  { query: 'query($id: ID!) { exercise(id: $id) { id title content module { id } } }', vars: { id: 'id' } },
  { query: 'query($l: Level, $f: Int, $a: String) { students(level: $l, first: $f, after: $a) { totalCount edges { node { username } } } }', vars: { l: 'enum', f: 'int', a: 'cursor' } },
  { query: 'query($l: Level, $s: Subject) { modules(level: $l, subject: $s) { id title exercises { id } } }', vars: { l: 'enum', s: 'enum' } },
  { query: 'query($n: Int) { me { id username recommendations(limit: $n) { reason exercise { id } } } }', vars: { n: 'int' } },
  { query: 'query($st: ProgressStatus, $s: Subject, $f: Int, $a: String) { me { progress(status: $st, subject: $s, first: $f, after: $a) { totalCount pageInfo { endCursor } edges { cursor node { status } } } } }', vars: { st: 'enum', s: 'enum', f: 'int', a: 'cursor' } },
  { query: 'query($d: Int) { me { sessions(days: $d) { id startedAt } } }', vars: { d: 'int' } },
  { query: 'mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct pointsEarned progress { status } student { id username totalPoints } } }', vars: { i: 'input' } },
  { query: 'mutation($id: ID!) { endSession(id: $id) { id attempted } }', vars: { id: 'id' } },
  { query: 'mutation { startSession { id } }', vars: {} },
  { query: 'mutation($n: String) { clearCache(namespace: $n) }', vars: { n: 'string' } },
  { query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }', vars: { c: 'string', n: 'string' } },
  { query: '{ health { status uptimeSeconds database { status } cache { status } } }', vars: {} },
  { query: '{ me { id username totalPoints streakDays stats { exercisesAttempted bySubject { subject completed } } } }', vars: {} },
  { query: 'mutation($i: NewTeacherInput!) { createTeacher(input: $i) { username } }', vars: { i: 'teacherInput' } },
  { query: 'mutation($i: NewClassroomInput!) { createClassroom(input: $i) { id classCode } }', vars: { i: 'classroomInput' } },
  { query: 'mutation($c: ID!, $s: [NewStudentInput!]!) { enrollStudents(classroomId: $c, students: $s) { pictures student { id username } } }', vars: { c: 'id', s: 'students' } },
  { query: 'mutation($s: ID!) { resetLoginCard(studentId: $s) { pictures } }', vars: { s: 'id' } },
  { query: 'mutation($c: ID!, $m: [ID!]!, $d: DateTime) { assignModules(classroomId: $c, moduleIds: $m, dueAt: $d) { id dueAt completedBy module { id } } }', vars: { c: 'id', m: 'ids', d: 'date' } },
  { query: 'query($id: ID!) { classroom(id: $id) { assignments { id dueAt completedBy module { title } } } }', vars: { id: 'id' } },
  { query: 'mutation($c: String!, $s: ID!, $p: [Int!]!) { loginWithPictures(classCode: $c, studentId: $s, pictures: $p) { token } }', vars: { c: 'string', s: 'id', p: 'ints' } },
  { query: 'query($c: String!) { signInRoster(classCode: $c) { classroomName children { id firstName avatar } } }', vars: { c: 'string' } },
  { query: 'query($id: ID!) { classroom(id: $id) { name classCode students { totalCount } teacher { username } } }', vars: { id: 'id' } },
  { query: 'query($id: ID!, $l: Level, $s: Subject, $p: Period) { classroom(id: $id) { overview(level: $l, subject: $s, period: $p) { modules { id } rows { student { id } cells { attempted recallAtPeriodEnd } } } } }', vars: { id: 'id', l: 'enum', s: 'enum', p: 'enum' } },
  { query: 'query($f: Int, $a: String) { classrooms(first: $f, after: $a) { totalCount edges { node { id } } } }', vars: { f: 'int', a: 'cursor' } },
  { query: '{ viewer { role student { id classroom { name } } teacher { id classrooms { id } } } }', vars: {} },
];
const ENUMS = ['CP', 'CE1', 'CM2', 'MATHEMATIQUES', 'ANGLAIS', 'COMPLETED', 'NOT_STARTED', 'MASTERED', 'cp', 'CM3', 'P1', '', 'ADMIN'];

export class RequestGenerator {
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly targets: FuzzTargets,
  ) {
    this.rng = new Rng(seed);
  }

  next(): FuzzRequest {
    const r = this.rng.int(0, 99);
    if (r < 40) return this.templated();
    if (r < 48) return this.inlined();
    if (r < 57) return this.mutatedDocument();
    if (r < 65) return this.structural();
    if (r < 77) return this.costly();
    if (r < 85) return this.malformedBody();
    if (r < 92) return this.wrongShapes();
    return this.getRequest();
  }

  private chance(percent: number): boolean {
    return this.rng.int(0, 99) < percent;
  }

  private token(): { headers: Record<string, string>; as: FuzzRequest['as'] } {
    const r = this.rng.int(0, 99);
    if (r < 55) return { headers: { authorization: `Bearer ${this.targets.attackerToken}` }, as: 'attacker' };
    if (r < 65) return { headers: { authorization: `Bearer ${this.targets.adminToken}` }, as: 'admin' };
    if (r < 80) return { headers: {}, as: 'none' };
    const odd = [`Bearer ${this.rng.pick(this.targets.badTokens)}`, 'Bearer', 'Basic YWRtaW46YWRtaW4xMjM0', `Bearer ${'x'.repeat(5_000)}`, `bearer  ${this.targets.attackerToken}x`, this.targets.attackerToken];
    return { headers: { authorization: this.rng.pick(odd) }, as: 'none' };
  }

  hostileString(): string {
    const base = this.rng.pick(HOSTILE_STRINGS);
    const r = this.rng.int(0, 99);
    if (r < 70) return base;
    if (r < 80) return base.repeat(this.rng.int(2, 300));
    if (r < 83) return 'x'.repeat(this.rng.int(1_000, 60_000));
    return Array.from({ length: this.rng.int(1, 40) }, () => String.fromCharCode(this.rng.int(0, 0xffff))).join('');
  }

  private int(): unknown {
    return this.chance(85) ? this.rng.pick(INTS) : this.anyValue(2);
  }

  /** A value of any JSON type, nested up to `depth`. */
  private anyValue(depth: number): unknown {
    const r = this.rng.int(0, depth > 0 ? 7 : 4);
    if (r === 0) return null;
    if (r === 1) return this.rng.bool();
    if (r === 2) return this.rng.pick(INTS);
    if (r <= 4) return this.hostileString();
    if (r <= 5) return Array.from({ length: this.rng.int(0, 5) }, () => this.anyValue(depth - 1));
    return Object.fromEntries(Array.from({ length: this.rng.int(0, 4) }, () => [this.rng.pick(['text', 'choice', 'value', 'order', '__proto__', 'constructor', this.hostileString().slice(0, 20)]), this.anyValue(depth - 1)]));
  }

  private valueFor(kind: Kind): unknown {
    if (this.chance(12)) return this.anyValue(3); // the wrong type
    switch (kind) {
      case 'string':
        return this.hostileString();
      case 'id':
        return this.rng.pick([String(this.targets.victimId), String(this.targets.exerciseId), this.targets.sessionId, this.hostileString(), '0', '-5', '01', '2147483648', String(this.rng.int(1, 5_000))]);
      case 'int':
        return this.int();
      case 'enum':
        return this.rng.pick(ENUMS);
      case 'cursor':
        return this.chance(50) ? Buffer.from(JSON.stringify(this.anyValue(2))).toString('base64url') : this.hostileString();
      case 'input': {
        const input: Record<string, unknown> = {
          exerciseId: this.chance(60) ? String(this.targets.exerciseId) : this.valueFor('id'),
          answer: this.chance(20) ? this.nested(this.rng.int(5, 60)) : this.anyValue(3),
          durationSeconds: this.int(),
          hintsUsed: this.chance(70) ? this.int() : undefined,
          idempotencyKey: this.chance(50) ? `fuzz-${this.rng.int(0, 10 ** 9)}` : this.hostileString(),
        };
        if (this.chance(10)) input.studentId = String(this.targets.victimId);
        if (this.chance(10)) delete input[this.rng.pick(Object.keys(input))];
        return input;
      }
      case 'teacherInput':
        return { username: this.chance(30) ? `fuzz-t${this.rng.int(0, 10 ** 6)}` : this.hostileString(), displayName: this.hostileString() };
      case 'classroomInput':
        return { name: this.hostileString(), level: this.rng.pick(ENUMS), ...(this.chance(50) ? { teacherId: this.valueFor('id') } : {}) };
      case 'students':
        return Array.from({ length: this.rng.pick([0, 1, 2, 5, 61, 200]) }, () => ({ firstName: this.hostileString(), level: this.rng.pick(ENUMS), ...(this.chance(30) ? { avatar: this.hostileString() } : {}) }));
      case 'ints':
        return Array.from({ length: this.rng.int(0, 8) }, () => this.int());
      case 'date':
        return this.chance(50) ? new Date(Date.now() + this.rng.pick([-5, 0, 1, 30, 500, -40_000]) * 86_400_000).toISOString() : this.hostileString();
      case 'ids':
        return Array.from({ length: this.rng.pick([0, 1, 3, 41, 500]) }, () => this.valueFor('id'));
    }
  }

  private nested(depth: number): unknown {
    let v: unknown = this.hostileString();
    for (let i = 0; i < depth; i++) v = this.chance(50) ? [v] : { text: v };
    return v;
  }

  private post(kind: string, body: unknown, auth = this.token(), raw?: string): FuzzRequest {
    return { kind, method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...auth.headers }, payload: raw ?? JSON.stringify(body), as: auth.as };
  }

  private templated(): FuzzRequest {
    const auth = this.token();
    // A password change is sent without a valid token only: it would end the run's sessions
    // (it cannot succeed anyway, no generated string is the password; logout is left out for the same reason).
    // A new login card for a random child as admin could end the attacker's session the same way.
    const t = this.rng.pick(auth.as === 'none' ? TEMPLATES : TEMPLATES.filter((x) => !x.query.includes('changePassword') && !(auth.as === 'admin' && x.query.includes('resetLoginCard'))));
    const variables = Object.fromEntries(Object.entries(t.vars).map(([name, kind]) => [name, this.valueFor(kind)]));
    if (this.chance(5)) variables[this.hostileString().slice(0, 10) || 'x'] = this.anyValue(2); // an unknown variable
    return this.post('templated', { query: t.query, variables }, auth);
  }

  /** The same operations with the hostile values written into the document as literals. */
  private inlined(): FuzzRequest {
    const t = this.rng.pick(TEMPLATES.filter((x) => !x.query.includes('changePassword') && !x.query.includes('resetLoginCard')));
    let query = t.query.replace(/^(query|mutation)\([^)]*\)/, '$1');
    for (const [name, kind] of Object.entries(t.vars)) {
      const value = this.valueFor(kind);
      const literal = kind === 'enum' && typeof value === 'string' && /^\w+$/.test(value) ? value : toLiteral(value);
      query = query.replaceAll(`$${name}`, literal);
    }
    return this.post('inlined', { query });
  }

  private mutatedDocument(): FuzzRequest {
    let query = this.rng.pick(TEMPLATES).query;
    for (let i = this.rng.int(1, 6); i > 0; i--) {
      const at = this.rng.int(0, query.length);
      const r = this.rng.int(0, 3);
      if (r === 0) query = query.slice(0, at) + query.slice(at + this.rng.int(1, 10));
      else if (r === 1) query = query.slice(0, at) + this.rng.pick(['{', '}', '(', ')', '[', ']', ':', '$', '!', '@', '"', '\\', '...', '#', 'on', '__typename', '\u0000', ' solution ', ' __schema { types { name } } ']) + query.slice(at);
      else if (r === 2) query = query.slice(0, at) + query.slice(at, at + this.rng.int(1, 40)).repeat(this.rng.int(2, 8)) + query.slice(at);
      else query = query.slice(at) + query.slice(0, at);
    }
    return this.post('mutated', { query, variables: this.chance(50) ? { id: this.valueFor('id') } : undefined });
  }

  private structural(): FuzzRequest {
    const n = this.rng.int(1, 60);
    const field = () => this.rng.pick(['me', 'health', 'modules', 'students(first: 100)', 'exercise(id: "1")']);
    const docs = [
      `{ ${'me { id '.repeat(n)}${'}'.repeat(n)} }`,
      `{ exercise(id: "${this.targets.exerciseId}") { ${'module { exercises { '.repeat(Math.min(n, 12))}id solution${' } }'.repeat(Math.min(n, 12))} } }`,
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field()} { __typename }`).join(' ')} }`,
      `{ health { status ${Array.from({ length: n }, () => this.rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@foo'])).join(' ')} } }`,
      'query A { ...F } fragment F on Query { ...G } fragment G on Query { ...F }',
      `{ __schema { types { name fields { name args { name } type { ofType { ofType { name } } } } } } }`,
      `query A { health { status } } query B { me { id } }`,
      'subscription { health { status } }',
      `{ ${'['.repeat(n)} }`,
      `{ modules { exercises { ${'...on Exercise { id } '.repeat(n)} } } }`,
      `{ ${'a'.repeat(this.rng.int(1, 20_000))} }`,
      `query(${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(', ')}) { health { status } }`,
    ];
    return this.post('structural', { query: this.rng.pick(docs), operationName: this.chance(20) ? this.hostileString() : undefined });
  }

  /** Small documents asking for a lot: cycles, aliased lists, huge first/limit, fragments (fuzz/costly.ts). */
  private costly(): FuzzRequest {
    const shape = this.rng.pick(COSTLY_SHAPES);
    return this.post(`costly:${shape}`, costlyOperation(this.rng, shape, this.targets.exerciseId));
  }

  private malformedBody(): FuzzRequest {
    const valid = JSON.stringify({ query: '{ health { status } }' });
    const bodies = [
      valid.slice(0, this.rng.int(0, valid.length - 1)),
      `{"query": "${'{'.repeat(this.rng.int(1, 5_000))}"}`,
      `${'['.repeat(this.rng.int(1, 50_000))}`,
      '{"query": "{ health { status } }",}',
      "{'query': '{ health { status } }'}",
      'null',
      '"just a string"',
      '12',
      Array.from({ length: this.rng.int(1, 200) }, () => String.fromCharCode(this.rng.int(0, 255))).join(''),
      `{"query": "{ health { status } }", "variables": {"x": "${'y'.repeat(this.rng.int(90_000, 120_000))}"}}`,
      `{"query": "{ health { status } }", "variables": ${'{"a":'.repeat(this.rng.int(100, 10_000))}1${'}'.repeat(this.rng.int(0, 10_000))}}`,
    ];
    const contentType = this.rng.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/json; charset=latin1', '']);
    const auth = this.token();
    return { kind: 'malformed', method: 'POST', url: '/graphql', headers: { ...(contentType ? { 'content-type': contentType } : {}), ...auth.headers }, payload: this.rng.pick(bodies), as: auth.as };
  }

  private wrongShapes(): FuzzRequest {
    const shapes = [
      { query: this.anyValue(2) },
      { query: '{ health { status } }', variables: this.rng.pick(['x', 1, [1, 2], true]) },
      { query: '{ health { status } }', operationName: this.anyValue(1) },
      { query: '{ health { status } }', extensions: { persistedQuery: { version: this.anyValue(0), sha256Hash: this.hostileString() } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } },
      [{ query: '{ health { status } }' }, { query: '{ me { id } }' }],
      { query: '{ me { id } }', unknownKey: this.anyValue(2) },
      {},
    ];
    if (this.chance(10)) return this.post('shapes', undefined, this.token(), '{"query":"{ me { id } }","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    return this.post('shapes', this.rng.pick(shapes));
  }

  private getRequest(): FuzzRequest {
    const auth = this.token();
    const query = this.chance(70) ? this.rng.pick(TEMPLATES).query.replace(/^(query|mutation)\([^)]*\)/, '$1').replace(/\$\w+/g, '"1"') : this.hostileString();
    const params = new URLSearchParams({ query });
    if (this.chance(30)) params.set('variables', this.chance(50) ? JSON.stringify({ id: this.valueFor('id') }) : this.hostileString());
    const headers = { ...auth.headers, ...(this.chance(70) ? { 'apollo-require-preflight': 'true' } : {}) };
    return { kind: 'get', method: 'GET', url: `/graphql?${params.toString().slice(0, 15_000)}`, headers, as: auth.as };
  }
}

/** A value as a GraphQL literal (strings JSON-escaped, which GraphQL reads the same). */
function toLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return Number.isFinite(value) || typeof value === 'boolean' ? String(value) : 'null';
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  return `{ ${Object.entries(value as object)
    .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
    .map(([k, v]) => `${k}: ${toLiteral(v)}`)
    .join(', ')} }`;
}
