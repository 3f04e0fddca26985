import { cycle2 } from './maths-cycle2.js';
import { cycle3 } from './maths-cycle3.js';
import type { ModuleSpec } from './util.js';

export function mathsModules(): ModuleSpec[] {
  return [...cycle2(), ...cycle3()];
}
