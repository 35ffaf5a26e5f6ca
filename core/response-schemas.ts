import { z } from 'zod';

/**
 * Named response schemas. The catalog names them (endpoints[].schema); the smoke suite checks
 * responses against them; the reference stack produces bodies that satisfy them.
 */
const id = z.string().min(1);
const isoTime = z.string().min(1);

export const HealthStatus = z.enum(['healthy', 'degraded', 'unhealthy']);

export const Health = z.object({
  status: HealthStatus,
  service: z.string().min(1),
  version: z.string().optional(),
  uptime_seconds: z.number().nonnegative().optional(),
});

export const DependencyHealth = z.object({
  status: HealthStatus,
  /** Where the service looks for the dependency (so a wrong address is visible). */
  target: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const HealthDetailed = Health.extend({
  dependencies: z.record(z.string(), DependencyHealth),
});

export const User = z.object({ id, email: z.string().includes('@'), role: z.string().min(1) });

export const LoginResponse = z.object({
  access_token: z.string().min(10),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  user: User,
});

export const SampleStatus = z.enum(['received', 'stored', 'sequencing', 'sequenced', 'failed']);

export const Sample = z.object({
  id,
  barcode: z.string().min(1),
  sample_type: z.string().min(1),
  status: SampleStatus,
  storage_location_id: z.string().nullable(),
  created_at: isoTime,
});

export const SampleList = z.object({ data: z.array(Sample), total: z.number().int().nonnegative() });

export const Location = z.object({
  id,
  name: z.string(),
  temperature_c: z.number(),
  capacity: z.number().int(),
  used: z.number().int(),
});
export const LocationList = z.object({ data: z.array(Location) });

export const Assignment = z.object({ id, sample_id: id, location_id: id, position: z.string() });

export const TemplateList = z.object({ data: z.array(z.object({ id, name: z.string(), version: z.number().int() })) });

export const JobStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);
export const Job = z.object({ id, sample_id: id, status: JobStatus, platform: z.string() });
export const JobList = z.object({ data: z.array(Job) });

export const NotificationList = z.object({
  data: z.array(z.object({ id, channel: z.string(), recipient: z.string(), subject: z.string() })),
});

export const TopicList = z.object({
  topics: z.array(z.object({ name: z.string(), subscribers: z.number().int(), published: z.number().int() })),
});

export const TransactionList = z.object({
  data: z.array(z.object({ id, status: z.enum(['running', 'completed', 'compensated', 'failed']), steps: z.array(z.string()) })),
});

export const RagAnswer = z.object({ answer: z.string().min(1), confidence: z.number().min(0).max(1), sources: z.array(z.string()) });
export const LibraryList = z.object({ data: z.array(z.object({ id, sample_id: z.string(), kit: z.string() })) });
export const QcResultList = z.object({ data: z.array(z.object({ id, sample_id: z.string(), passed: z.boolean(), score: z.number() })) });
export const ReportList = z.object({ data: z.array(z.object({ id, title: z.string(), generated_at: isoTime })) });
export const SpreadsheetList = z.object({ data: z.array(z.object({ id, name: z.string(), version: z.number().int() })) });
export const Dashboard = z.object({ samples: z.number().int(), jobs: z.number().int(), services: z.number().int() });

/** Every schema a catalog endpoint may name. */
export const responseSchemas = {
  Health,
  HealthDetailed,
  User,
  LoginResponse,
  Sample,
  SampleList,
  LocationList,
  Assignment,
  TemplateList,
  Job,
  JobList,
  NotificationList,
  TopicList,
  TransactionList,
  RagAnswer,
  LibraryList,
  QcResultList,
  ReportList,
  SpreadsheetList,
  Dashboard,
} as const satisfies Record<string, z.ZodType>;

export type ResponseSchemaName = keyof typeof responseSchemas;

export function isResponseSchemaName(name: string): name is ResponseSchemaName {
  return Object.hasOwn(responseSchemas, name);
}
