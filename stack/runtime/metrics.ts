import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Buckets that resolve p95/p99 between 5 ms and 2 s (and show anything beyond). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

interface HttpSeries {
  readonly count: { inc(): void };
  readonly duration: { observe(value: number): void };
}

/**
 * One service's Prometheus registry. Every series carries `service` (a registry default label);
 * `route` is always the route template, never a raw id.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #duration: Histogram<'method' | 'route' | 'status'>;
  readonly #series = new Map<string, HttpSeries>();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    this.#requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.#duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Records one answered request (children are cached per method/route/status). */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let series = this.#series.get(key);
    if (!series) {
      const labels = { method, route, status: String(status) };
      series = { count: this.#requests.labels(labels), duration: this.#duration.labels(labels) };
      this.#series.set(key, series);
    }
    series.count.inc();
    series.duration.observe(seconds);
  }

  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = [], collect?: (g: Gauge<L>) => void): Gauge<L> {
    return new Gauge<L>({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect(this: Gauge<L>) { collect(this); } } : {}) });
  }

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string = never>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
