import { describe, expect, it } from 'vitest';
import type { Submission } from '../driver/virtual-student.js';
import { addCount, compareWithDatabase, type PairCounts, type Snapshot, type StoredAttempt } from './integrity.js';

const sub = (key: string, over: Partial<Submission> = {}): Submission => ({
  key,
  studentId: 1,
  exerciseId: 10,
  expectedCorrect: true,
  acknowledged: true,
  correct: true,
  pointsEarned: 10,
  ...over,
});
const row = (key: string, over: Partial<StoredAttempt> = {}): StoredAttempt => ({ key, studentId: 1, exerciseId: 10, correct: true, pointsEarned: 10, ...over });
const snapshot = (points: [number, number][], progress: [string, number][]): Snapshot => {
  const counts: PairCounts = new Map();
  for (const [pair, n] of progress) {
    const [student, exercise] = pair.split(':').map(Number);
    addCount(counts, student!, exercise!, n);
  }
  return { points: new Map(points), progress: counts };
};

describe('compareWithDatabase', () => {
  it('passes when every acknowledged answer is stored once and totals moved by exactly that', () => {
    const subs = [sub('k1'), sub('k2', { exerciseId: 11, correct: false, expectedCorrect: false, pointsEarned: 0 })];
    const stored = [row('k1'), row('k2', { exerciseId: 11, correct: false, pointsEarned: 0 })];
    const r = compareWithDatabase(subs, stored, snapshot([[1, 100]], [['1:10', 2]]), snapshot([[1, 110]], [['1:10', 3], ['1:11', 1]]));
    expect(r).toMatchObject({ submitted: 2, acknowledged: 2, stored: 2, lost: 0, doubled: 0, mismatched: 0, pointsDrift: 0, progressDrift: 0, pointsAcknowledged: 10, pointsStored: 10, ok: true });
  });

  it('finds a lost answer, and a student whose points did not move with it', () => {
    const r = compareWithDatabase([sub('k1')], [], snapshot([[1, 100]], []), snapshot([[1, 110]], []));
    expect(r.lost).toBe(1);
    expect(r.pointsDrift).toBe(1); // gained 10 with nothing stored to show for it
    expect(r.ok).toBe(false);
    expect(r.examples.join('\n')).toContain('lost: k1');
  });

  it('finds doubles: a key stored twice, or a row never sent', () => {
    const r = compareWithDatabase([sub('k1')], [row('k1'), row('k1'), row('ghost')], snapshot([[1, 0]], []), snapshot([[1, 30]], [['1:10', 3]]));
    expect(r.doubled).toBe(2);
    expect(r.pointsDrift).toBe(0);
    expect(r.progressDrift).toBe(0);
    expect(r.ok).toBe(false);
  });

  it('finds an answer stored with other points than the student was told', () => {
    const r = compareWithDatabase([sub('k1', { pointsEarned: 10 })], [row('k1', { pointsEarned: 20 })], snapshot([[1, 0]], []), snapshot([[1, 20]], [['1:10', 1]]));
    expect(r.mismatched).toBe(1);
    expect(r.ok).toBe(false);
  });

  it('accepts answers in doubt either way, as long as the totals add up', () => {
    const subs = [sub('k1', { acknowledged: false, correct: null, pointsEarned: null }), sub('k2', { acknowledged: false, correct: null, pointsEarned: null })];
    const r = compareWithDatabase(subs, [row('k1')], snapshot([[1, 0]], []), snapshot([[1, 10]], [['1:10', 1]]));
    expect(r).toMatchObject({ inDoubt: 2, inDoubtStored: 1, lost: 0, doubled: 0, ok: true });
  });

  it('finds a progress counter that moved by other than the stored answers (a lost update)', () => {
    const r = compareWithDatabase([sub('k1'), sub('k2', { pointsEarned: 0 })], [row('k1'), row('k2', { pointsEarned: 0 })], snapshot([[1, 0]], []), snapshot([[1, 10]], [['1:10', 1]]));
    expect(r.progressDrift).toBe(1);
    expect(r.ok).toBe(false);
  });

  it('compares each (student, exercise) row on its own: a count on the wrong row, or on none, is a drift', () => {
    // Student 1's answer is stored for exercise 10, its counter moved on exercise 11; student 2's
    // answer is stored, and no progress row of student 2 exists after the run.
    const stored = [row('k1'), row('k2', { studentId: 2 })];
    const subs = [sub('k1'), sub('k2', { studentId: 2 })];
    const r = compareWithDatabase(subs, stored, snapshot([[1, 0], [2, 0]], [['1:10', 4]]), snapshot([[1, 10], [2, 10]], [['1:10', 4], ['1:11', 1]]));
    expect(r.progressDrift).toBe(3);
    expect(r.examples.filter((e) => e.startsWith('progress:')).sort()).toEqual([
      'progress: 1:10 counted 0 more attempts, 1 were stored',
      'progress: 1:11 counted 1 more attempts, 0 were stored',
      'progress: 2:10 counted 0 more attempts, 1 were stored',
    ]);
  });
});
