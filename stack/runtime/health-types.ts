import type { z } from 'zod';
import type { DependencyHealth as DependencyHealthSchema, HealthDetailed as HealthDetailedSchema } from '../../core/response-schemas.ts';

export type DependencyHealth = z.infer<typeof DependencyHealthSchema>;
export type HealthDetailedBody = z.infer<typeof HealthDetailedSchema>;
