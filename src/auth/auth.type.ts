import { Field, ObjectType } from 'type-graphql';
import { Role } from '../common/enums.js';
import { Student } from '../students/student.type.js';

@ObjectType({ description: 'A signed-in session: send `token` as `Authorization: Bearer <token>`.' })
export class AuthPayload {
  @Field(() => String, { description: 'A JWT, valid for a limited time.' })
  token!: string;

  @Field(() => Role, { description: 'Who signed in: a child, a teacher or an admin.' })
  role!: Role;

  @Field(() => Student, { nullable: true, description: 'The signed-in child; null for an adult.' })
  student!: Student | null;

  /** The signed-in teacher (AuthPayload.teacher, in schools/). */
  teacherId!: number | null;
}
