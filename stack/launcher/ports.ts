import type { Service } from '../../core/catalog/schema.ts';

/** The lowest catalog port of the HTTP services (8000 for TracSeq): `--port-base N` maps it to N. */
export function lowestPort(services: readonly Service[]): number {
  return Math.min(...services.map((s) => s.port));
}

/**
 * Port a service listens on: its catalog port when `portBase` is undefined, 0 (OS-chosen) when it is 0,
 * otherwise `portBase + (catalog port - lowest catalog port)`, e.g. base 20000 puts the gateway (8089) on 20089.
 */
export function portFor(service: Service, portBase: number | undefined, lowest: number): number {
  if (portBase === undefined) return service.port;
  if (portBase === 0) return 0;
  return portBase + (service.port - lowest);
}

/**
 * Where a service that never listens (down, exit-at-start) is said to be: its planned port, or, when
 * ports are OS-chosen, port 1 on loopback (never bound by an unprivileged process, so always refused).
 * Replica n > 1 of a service is at 127.0.0.n:1 (also loopback, also refused), so each has its own URL.
 */
export function closedUrl(host: string, plannedPort: number, replica = 1): string {
  if (plannedPort !== 0) return `http://${host}:${plannedPort}`;
  return `http://${replica > 1 && host === '127.0.0.1' ? `127.0.0.${Math.min(replica, 254)}` : host}:1`;
}
