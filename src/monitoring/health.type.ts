import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum HealthStatus {
  OK = 'OK',
  DEGRADED = 'DEGRADED',
  DOWN = 'DOWN',
}
registerEnumType(HealthStatus, { name: 'HealthStatus', description: 'OK, DEGRADED (working without something), or DOWN.' });

@ObjectType({ description: 'How one dependency answered a probe just now.' })
export class DependencyHealth {
  @Field(() => HealthStatus)
  status!: HealthStatus;

  @Field(() => Float, { nullable: true, description: 'Round trip of the probe, in ms (null when it did not answer).' })
  latencyMs!: number | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, or which backend answered.' })
  detail!: string | null;
}

@ObjectType({ description: 'Liveness and readiness of the server and its dependencies.' })
export class Health {
  @Field(() => HealthStatus, { description: 'DOWN when the database does not answer; DEGRADED when the cache is impaired.' })
  status!: HealthStatus;

  @Field(() => Float)
  uptimeSeconds!: number;

  @Field(() => DependencyHealth)
  database!: DependencyHealth;

  @Field(() => DependencyHealth)
  cache!: DependencyHealth;
}
