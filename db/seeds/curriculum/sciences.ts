import { cycle2 } from './sciences-cycle2.js';
import { cycle3 } from './sciences-cycle3.js';
import type { ModuleSpec } from './util.js';

export function sciencesModules(): ModuleSpec[] {
  return [...cycle2(), ...cycle3()];
}
