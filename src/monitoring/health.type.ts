import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum HealthStatus {
  OK = 'OK',
  DEGRADED = 'DEGRADED',
  DOWN = 'DOWN',
}
registerEnumType(HealthStatus, { name: 'HealthStatus', description: 'OK, DEGRADED (working without something), or DOWN.' });

@ObjectType({ description: 'How one dependency answered a probe just now.' })
export class DependencyHealth {
  @Field(() => HealthStatus, { description: 'OK, DEGRADED or DOWN.' })
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

  @Field(() => Float, { description: 'Seconds since this server instance started.' })
  uptimeSeconds!: number;

  @Field(() => DependencyHealth, { description: 'The database (PostgreSQL or the embedded PGlite).' })
  database!: DependencyHealth;

  @Field(() => DependencyHealth, { description: 'The shared cache (Redis, or memory).' })
  cache!: DependencyHealth;
}
