export type { DependencyHealth, HealthDetailed as HealthDetailedBody } from '../../core/health-detailed.ts';
