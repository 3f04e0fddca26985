import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';

/**
 * Docker does not run where CI runs, so compose.yaml is checked here: it parses, it has the shape
 * Compose expects for what it uses (a strict schema of that subset: a misspelt key fails), the app's
 * environment passes the app's own config validation, and every host, port and variable the
 * services name agrees with another service and with the README.
 */
const file = readFileSync(new URL('../compose.yaml', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const compose = parse(file, { merge: true });

const dependsOn = z.union([z.array(z.string()), z.record(z.string(), z.strictObject({ condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']) }))]);
const service = z.strictObject({
  image: z.string().regex(/^[a-z0-9./_-]+:[\w.-]+$/),
  build: z.strictObject({ context: z.string(), dockerfile_inline: z.string() }).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
  volumes: z.array(z.string()).optional(),
  configs: z.array(z.strictObject({ source: z.string(), target: z.string() })).optional(),
  depends_on: dependsOn.optional(),
  healthcheck: z.strictObject({ test: z.array(z.string()), interval: z.string(), timeout: z.string(), retries: z.number().int() }).optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
  stop_grace_period: z.string().optional(),
});
const schema = z.strictObject({
  name: z.string(),
  'x-app': z.unknown(),
  services: z.record(z.string(), service),
  volumes: z.record(z.string(), z.object({})),
  configs: z.record(z.string(), z.strictObject({ content: z.string() })),
});

const interpolate = (value: string) => value.replace(/\$\{JWT_SECRET:\?[^}]*\}/g, 'q7Vx2mK9pL4wR8nT1cY6bH3jF5dS0aZe');

describe('compose.yaml', () => {
  const c = schema.parse(compose);
  const apps = ['app1', 'app2'];

  it('has the app twice behind nginx, with PostgreSQL, Redis, an OpenTelemetry collector, Jaeger and Prometheus', () => {
    expect(Object.keys(c.services).sort()).toEqual(['app1', 'app2', 'jaeger', 'lb', 'otel-collector', 'postgres', 'prometheus', 'redis']);
    for (const s of Object.values(c.services)) {
      for (const dep of Object.keys(Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, 1])) : (s.depends_on ?? {}))) expect(c.services).toHaveProperty(dep);
      for (const cfg of s.configs ?? []) expect(c.configs).toHaveProperty(cfg.source);
    }
  });

  it("gives each app an environment the app's own configuration accepts", () => {
    for (const name of apps) {
      const env = Object.fromEntries(Object.entries(c.services[name]!.environment!).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(config.host).toBe('0.0.0.0');
      expect(new URL(config.database.url!).hostname).toBe('postgres');
      expect(new URL(config.redisUrl!).hostname).toBe('redis');
      expect(config.monitoring.prometheus).toBe(true);
      const pg = c.services.postgres!.environment!;
      expect(config.database.url).toBe(`postgres://${pg.POSTGRES_USER}:${pg.POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`);
    }
  });

  it('sends telemetry to the collector, traces on to Jaeger, and metrics to Prometheus', () => {
    const otel = parse(c.configs.otelcol!.content);
    const endpoint = new URL(c.services.app1!.environment!.OTEL_EXPORTER_OTLP_ENDPOINT!);
    expect(c.services).toHaveProperty(endpoint.hostname);
    expect(otel.receivers.otlp.protocols.http.endpoint).toBe(`0.0.0.0:${endpoint.port}`);
    expect(otel.exporters['otlp/jaeger'].endpoint.split(':')[0]).toBe('jaeger');
    for (const pipeline of Object.values(otel.service.pipelines) as { receivers: string[]; exporters: string[] }[]) {
      for (const r of pipeline.receivers) expect(otel.receivers).toHaveProperty(r);
      for (const e of pipeline.exporters) expect(otel.exporters).toHaveProperty(e);
    }
    const prometheus = parse(c.configs.prometheus!.content);
    const targets = prometheus.scrape_configs.flatMap((s: { static_configs: { targets: string[] }[] }) => s.static_configs.flatMap((x) => x.targets));
    expect(targets).toContain(`otel-collector:${otel.exporters.prometheus.endpoint.split(':')[1]}`);
    for (const name of apps) expect(targets).toContain(`${name}:${c.services[name]!.environment!.PORT}`);
    for (const t of targets) expect(c.services).toHaveProperty(t.split(':')[0]);
  });

  it("balances both apps in nginx, a student's requests to one, escapes nginx variables from Compose, and hides /metrics", () => {
    const nginx = c.configs.nginx!.content;
    for (const name of apps) expect(nginx).toContain(`server ${name}:${c.services[name]!.environment!.PORT}`);
    // Affinity on the token (each instance's in-process cache then holds its own students); a
    // request without one (a sign-in) is spread by its request id, not all sent to one instance.
    const upstream = /upstream reved_api \{([^}]*)\}/.exec(nginx)![1]!;
    expect(upstream).toMatch(/^\s*hash \$\$reved_affinity consistent;$/m);
    const affinity = /map \$\$http_authorization \$\$reved_affinity \{([^}]*)\}/.exec(nginx)![1]!;
    expect(affinity.trim().split('\n').map((l) => l.trim().split(/\s+/))).toEqual([
      ['""', '$$request_id;'],
      ['default', '$$http_authorization;'],
    ]);
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
    expect(nginx.match(/(?<!\$)\$(?!\$)[a-z_]+/g) ?? []).toEqual([]); // a single $ would be interpolated by Compose
    const [published, listen] = c.services.lb!.ports![0]!.split(':');
    expect(nginx).toContain(`listen ${listen};`);
    expect(readme).toContain(`http://localhost:${published}/graphql`);
  });

  it('is documented in the README with the same ports and variables', () => {
    expect(readme).toContain('docker compose up');
    for (const s of ['jaeger', 'prometheus']) for (const p of c.services[s]!.ports!) expect(readme).toContain(`localhost:${p.split(':')[0]}`);
    for (const key of Object.keys(c.services.app1!.environment!)) expect(readme, key).toContain(`\`${key}\``);
  });
});
