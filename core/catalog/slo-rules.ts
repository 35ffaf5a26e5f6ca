import type { Catalog } from './schema.ts';
import { SHORTHAND_OBJECTIVES } from './slo-schema.ts';

/** Cross-field rules for the SLO parts of the catalog, as `path.to.field: message` lines. */

/** Objective names are unique per service and do not take a shorthand's name (both become `<service>:<name>`). */
const uniqueObjectiveNames = (catalog: Catalog): string[] =>
  catalog.services.flatMap((service, i) => {
    const seen = new Map<string, number>();
    return service.slos.objectives.flatMap((objective, j) => {
      const at = `services[${i}].slos.objectives[${j}].name`;
      if ((SHORTHAND_OBJECTIVES as readonly string[]).includes(objective.name)) {
        return [`${at}: "${objective.name}" is the name of a shorthand's objective (${SHORTHAND_OBJECTIVES.join(', ')}); choose another`];
      }
      const first = seen.get(objective.name);
      seen.set(objective.name, first ?? j);
      return first === undefined ? [] : [`${at}: duplicate objective "${objective.name}" (also objectives[${first}])`];
    });
  });

export const sloRules: readonly ((catalog: Catalog) => string[])[] = [uniqueObjectiveNames];
