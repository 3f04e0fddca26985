import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Level } from '../common/enums.js';

@InputType({ description: 'A teacher account to create.' })
export class NewTeacherInput {
  @Field(() => String, { description: 'The login name: 3 to 64 lower-case letters, digits, dots, dashes or underscores.' })
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3 to 64 lower-case letters, digits, ".", "-" or "_"' })
  username!: string;

  @Field(() => String, { description: 'The name the children and parents know the teacher by, 1 to 80 characters.' })
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters' })
  displayName!: string;
}

@InputType({ description: 'A class to create.' })
export class NewClassroomInput {
  @Field(() => String, { description: 'The name of the class, 1 to 60 characters, e.g. "CE1 B".' })
  @Length(1, 60, { message: 'name must be 1 to 60 characters' })
  name!: string;

  @Field(() => Level, { description: 'The level of the class.' })
  level!: Level;

  @Field(() => ID, { nullable: true, description: 'ADMIN only: the teacher the class belongs to.' })
  teacherId?: string | null;
}

@InputType({ description: 'A child to enrol in a class. Its account and login card are made by the service.' })
export class NewStudentInput {
  @Field(() => String, { description: 'The first name, 1 to 40 characters, as the app greets the child.' })
  firstName!: string;

  @Field(() => Level, { description: "The child's level (a class may mix levels)." })
  level!: Level;

  @Field(() => String, { nullable: true, description: 'One of the avatars of the sign-in screen; chosen at random when not given.' })
  avatar?: string | null;
}
