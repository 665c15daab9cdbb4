import type { BuiltinRubric } from './rubric';

/**
 * The 100-point classroom teaching rubric of a vocational college (DOMAIN.md §5): 基本要求 10
 * (纪律 3, 态度 4, 准备 3); 教学内容 50 (目标 15, 内容选取 15, 教学设计 20); 方法与手段 20;
 * 教学效果 20. Grades 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, else 不合格.
 */
export const lessonRubric100: BuiltinRubric = {
  key: 'lesson_100',
  name: '课堂教学评价表（百分制）',
  revision: 1,
  body: {
    sections: [
      {
        key: 'basics',
        title: '基本要求',
        items: [
          {
            key: 'discipline',
            label: '教学纪律',
            max: 3,
            hint: '按时上下课，不迟到、不早退、不随意调课，手机不干扰教学。',
          },
          {
            key: 'attitude',
            label: '教学态度',
            max: 4,
            hint: '仪表端庄，精神饱满，关注每一名学生，管理课堂秩序。',
          },
          {
            key: 'preparation',
            label: '课前准备',
            max: 3,
            hint: '教案、课件、教具或实训设备准备齐全，符合授课计划进度。',
          },
        ],
      },
      {
        key: 'content',
        title: '教学内容',
        items: [
          {
            key: 'objectives',
            label: '教学目标',
            max: 15,
            hint: '知识、技能和素养目标明确具体，符合课程标准和学生实际。',
          },
          {
            key: 'selection',
            label: '内容选取',
            max: 15,
            hint: '内容正确、重点突出、难点讲透，联系岗位和生产实际。',
          },
          { key: 'design', label: '教学设计', max: 20, hint: '环节完整、层次清楚、时间分配合理，理实结合。' },
        ],
      },
      {
        key: 'methods',
        title: '方法与手段',
        items: [
          {
            key: 'methods',
            label: '教学方法与手段',
            max: 20,
            hint: '方法灵活，因材施教，信息化手段运用恰当，学生参与充分。',
          },
        ],
      },
      {
        key: 'effect',
        title: '教学效果',
        items: [
          {
            key: 'effect',
            label: '教学效果',
            max: 20,
            hint: '学生听课专注、积极互动，达成教学目标，当堂检测效果好。',
          },
        ],
      },
    ],
    bands: { excellent: 90, good: 75, pass: 60 },
  },
};

/** Every rubric shipped with the product; each key appears once, forever. */
export const BUILTIN_RUBRICS: readonly BuiltinRubric[] = [lessonRubric100];
