import type { Catalog, HttpDependency } from './schema.ts';

/** Cross-field rules of the examples generated pacts are built from (spec section 7); `path.to.field: message` lines. */
type Rule = (catalog: Catalog) => string[];

/** The `{placeholder}` names of a path template, in order. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}/]+)\}/g)].map((m) => m[1]!);
}

function paramProblems(dep: HttpDependency, at: string): string[] {
  const params = dep.example?.request?.params ?? {};
  const names = pathPlaceholders(dep.path);
  return [
    ...names.filter((n) => !Object.hasOwn(params, n)).map((n) => `${at}.request.params.${n}: missing: the example needs a value for {${n}} of ${dep.path}`),
    ...Object.keys(params).filter((n) => !names.includes(n)).map((n) => `${at}.request.params.${n}: ${dep.path} has no placeholder {${n}}${names.length > 0 ? ` (it has: ${names.join(', ')})` : ''}`),
    ...Object.entries(params).filter(([, v]) => v.includes('/')).map(([n, v]) => `${at}.request.params.${n}: "${v}" must be one path segment (no "/")`),
  ];
}

export const httpExamplesAreWhole: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    service.dependencies.http.flatMap((dep, j) => {
      const example = dep.example;
      if (!example) return [];
      const at = `services[${i}].dependencies.http[${j}].example`;
      return [
        ...paramProblems(dep, at),
        ...(example.seed && example.state === undefined ? [`${at}.seed: needs example.state, the provider state it sets up`] : []),
        ...(example.response.schema !== undefined && example.response.body === undefined ? [`${at}.response.schema: given without response.body (the generated pact pins the example body as the schema says)`] : []),
      ];
    }),
  );

export const eventExamplesAreWhole: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    service.dependencies.publishes.flatMap((p, j) =>
      p.schema !== undefined && p.example === undefined ? [`services[${i}].dependencies.publishes[${j}].schema: given without example (the generated pact pins the example as the schema says)`] : [],
    ),
  );

/** A consumer's `fields` must be in its producer's example of the event, when the producer gives one. */
export const consumedFieldsAreInTheExample: Rule = (catalog) => {
  const byId = new Map(catalog.services.map((s) => [s.id, s]));
  return catalog.services.flatMap((service, i) =>
    service.dependencies.consumes.flatMap((dep, j) => {
      const example = byId.get(dep.from)?.dependencies.publishes.find((p) => p.event === dep.event)?.example;
      if (example === undefined || dep.fields.length === 0) return [];
      const at = `services[${i}].dependencies.consumes[${j}].fields`;
      if (example === null || typeof example !== 'object' || Array.isArray(example)) return [`${at}: ${dep.from}'s example of ${dep.event} is not an object with fields`];
      return dep.fields.flatMap((f, k) => (Object.hasOwn(example, f) ? [] : [`${at}[${k}]: "${f}" is not in ${dep.from}'s example of ${dep.event} (it has: ${Object.keys(example).join(', ')})`]));
    }),
  );
};

export const exampleRules: readonly Rule[] = [httpExamplesAreWhole, eventExamplesAreWhole, consumedFieldsAreInTheExample];
