import { type Kysely, sql } from 'kysely';

// Frozen. A teacher assigns modules to a class, optionally due by a date; the class's children see
// them first in their recommendations. One row per class and module (assigning again moves the due
// date); a class's rows go with the class.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('classroom_id', 'integer', (c) => c.notNull().references('classrooms.id').onDelete('cascade'))
    .addColumn('module_id', 'integer', (c) => c.notNull().references('modules.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('due_at', 'timestamptz')
    .addUniqueConstraint('assignments_classroom_module_key', ['classroom_id', 'module_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignments').execute();
}
