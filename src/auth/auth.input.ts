import { Length } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String, { description: 'The password in use now.' })
  @Length(1, 256, { message: 'currentPassword must be 1 to 256 characters' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password, 8 to 256 characters.' })
  @Length(8, 256, { message: 'newPassword must be 8 to 256 characters' })
  newPassword!: string;
}
