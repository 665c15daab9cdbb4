import type { BuiltinTemplate } from '../schema';
import { canteenDormitory } from './canteen-dormitory';
import { classPatrol } from './class-patrol';
import { doubleReduction } from './double-reduction';
import { dropoutHeadcount } from './dropout-headcount';
import { fiveManagements } from './five-managements';
import { routineEight } from './routine-eight';
import { safetyGeneral } from './safety-general';
import { studyOrder } from './study-order';
import { teachingMidterm } from './teaching-midterm';
import { teachingTermEnd } from './teaching-term-end';
import { teachingTermStart } from './teaching-term-start';
import { termStart } from './term-start';

/** Every checklist template shipped with the product; each key appears once, forever. */
export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  routineEight,
  termStart,
  safetyGeneral,
  canteenDormitory,
  fiveManagements,
  doubleReduction,
  dropoutHeadcount,
  teachingTermStart,
  teachingMidterm,
  teachingTermEnd,
  classPatrol,
  studyOrder,
];
