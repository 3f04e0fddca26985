import { cycle2 } from './histoire-geo-cycle2.js';
import { cycle3 } from './histoire-geo-cycle3.js';
import type { ModuleSpec } from './util.js';

export function histoireGeoModules(): ModuleSpec[] {
  return [...cycle2(), ...cycle3()];
}
