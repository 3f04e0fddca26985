import { randomBytes } from 'node:crypto';
import { compareWithDatabase, storedAttempts, takeSnapshot, type IntegrityReport } from '../checks/integrity.js';
import { readMonitoringOfAll, type MonitoringReport } from '../checks/monitoring.js';
import { exactlyCheck, type Check } from '../checks/thresholds.js';
import { runLoad, type LoadRun } from '../driver/spawn.js';
import type { Route } from '../driver/graphql-http.js';
import type { CapacityPlan, ClassroomPlan, StudentsResult } from '../driver/students.js';
import type { Behaviour, StudentAccount } from '../driver/virtual-student.js';
import { Recorder } from '../measure/recorder.js';
import { signInAdmin } from '../setup/admin.js';
import { fetchAnswerKey } from '../setup/answer-key.js';
import { demoStudents } from '../setup/accounts.js';
import { classTeachers } from '../setup/teachers.js';
import type { TeacherAccount, TeacherBehaviour } from '../driver/virtual-teacher.js';
import { analyzeWhileRunning, vacuumIfNoAutovacuum } from '../setup/maintenance.js';
import { openTarget, type Env, type Target } from '../setup/target.js';

/**
 * What classroom and capacity share: the answer key read as an admin, the database snapshot
 * before, the virtual students in the worker, then the server's monitoring figures and the
 * database compared with what the students were told.
 */
export interface StudentsRun {
  load: LoadRun<StudentsResult>;
  recorder: Recorder;
  monitoring: MonitoringReport;
  integrity: IntegrityReport;
  target: Target['describe'];
  /** Teachers that watched their classes' overview. */
  teachers: number;
}

export interface StudentsSettings {
  students: number;
  /** Tokens made beforehand (capacity) rather than a login per student (classroom's storm). */
  tokens: boolean;
  connections: number;
  /** With several instances: how requests are spread over them. */
  route: Route;
  timeoutS: number;
  thinkS: [number, number];
  correctRate: number;
  duplicateRate: number;
  /** Teachers of the students' classes with their overview open (at most this many; 0: none). */
  teachers?: number;
  teacherBehaviour?: TeacherBehaviour;
}

/** Opens the target, prepares the students, runs them, and closes the target (even on failure). */
export async function runStudentsScenario(
  env: Env,
  settings: StudentsSettings,
  plan: ClassroomPlan | CapacityPlan,
  log: (line: string) => void,
  instances?: number,
  serverEnv: Record<string, string> = {},
): Promise<StudentsRun> {
  const target = await openTarget(env, serverEnv, instances);
  try {
    const accounts = await demoStudents(target, settings.students, { tokens: settings.tokens });
    const teachers = settings.teachers ? await classTeachers(target, accounts, settings.teachers) : [];
    if (teachers.length) log(`${teachers.length} teachers watching their classes' overview`);
    if (target.db) {
      const vacuumed = await vacuumIfNoAutovacuum(target.db);
      if (vacuumed) log(vacuumed);
    }
    const stopAnalyzing = target.db ? await analyzeWhileRunning(target.db) : async () => undefined;
    const behaviour = { thinkMs: [settings.thinkS[0] * 1000, settings.thinkS[1] * 1000] as [number, number], correctRate: settings.correctRate, duplicateRate: settings.duplicateRate };
    try {
      return await runStudentsAgainst(
        target,
        accounts,
        { connections: settings.connections, route: settings.route, timeoutMs: settings.timeoutS * 1000, behaviour, plan, teachers, teacherBehaviour: settings.teacherBehaviour },
        env,
        log,
      );
    } finally {
      const analyzed = await stopAnalyzing();
      if (analyzed) log(analyzed);
    }
  } finally {
    await target.close();
  }
}

interface LoadSettings {
  connections: number;
  route: Route;
  timeoutMs: number;
  behaviour: Omit<Behaviour, 'runId'>;
  plan: ClassroomPlan | CapacityPlan;
  teachers: TeacherAccount[];
  teacherBehaviour: TeacherBehaviour | undefined;
}

async function runStudentsAgainst(target: Target, accounts: StudentAccount[], settings: LoadSettings, env: Env, log: (line: string) => void): Promise<StudentsRun> {
  const db = target.db!;
  const admin = await signInAdmin(target.url, { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD });
  try {
    const answers = await fetchAnswerKey(admin);
    const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const ids = accounts.map((a) => a.id);
    const before = await takeSnapshot(db, ids);
    log(`run ${runId}: ${accounts.length} students against ${target.url}`);
    const load = await runLoad<StudentsResult>(
      { kind: 'students', url: target.url, connections: settings.connections, route: settings.route, timeoutMs: settings.timeoutMs, students: accounts, answers, behaviour: { ...settings.behaviour, runId }, plan: settings.plan, teachers: settings.teachers, teacherBehaviour: settings.teacherBehaviour },
      { serverInProcess: target.inProcess, progress: log },
    );
    const monitoring = await readMonitoringOfAll(target.url.split(','), admin.token);
    const [stored, after] = await Promise.all([storedAttempts(db, ids, runId), takeSnapshot(db, ids)]);
    return {
      load,
      recorder: Recorder.from(load.result.recorder),
      monitoring,
      integrity: compareWithDatabase(load.result.submissions, stored, before, after),
      target: target.describe,
      teachers: settings.teachers.length,
    };
  } finally {
    await admin.close();
  }
}

/** Nothing lost, doubled or misgraded: the checks every run that sends answers is held to. */
export function answerChecks(run: StudentsRun): Check[] {
  const i = run.integrity;
  const r = run.load.result;
  return [
    exactlyCheck('acknowledged answers not stored (lost)', i.lost, 0),
    exactlyCheck('answers stored twice (doubled)', i.doubled, 0),
    exactlyCheck('answers stored with other points or grade than acknowledged', i.mismatched, 0),
    exactlyCheck("students' points or progress counters off their stored answers", i.pointsDrift + i.progressDrift, 0),
    exactlyCheck('grades contradicting the answer key', r.gradingMismatches, 0),
    exactlyCheck('double taps answered differently', r.replayMismatches, 0),
  ];
}
