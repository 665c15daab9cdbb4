import type { Question } from './questions';

/**
 * Ready-made questionnaires an office starts from. 评教 follows the parts of the college rubric in
 * DOMAIN.md §5 (态度, 内容, 方法, 管理, 效果) as students can judge them; the canteen survey asks what
 * a 伙委会/膳食委员会 checks (quality, hygiene, price, service, portions) and seed 004's 饮食卫生.
 */
export interface SurveyPreset {
  id: 'teaching_rating' | 'canteen' | 'satisfaction';
  kind: 'teaching_rating' | 'canteen' | 'satisfaction';
  title: string;
  questions: Question[];
}

const rating = (key: string, label: string): Question => ({
  key,
  kind: 'rating',
  label,
  max: 5,
  required: true,
});

export const SURVEY_PRESETS: SurveyPreset[] = [
  {
    id: 'teaching_rating',
    kind: 'teaching_rating',
    title: '学生评教问卷',
    questions: [
      rating('attitude', '教学态度：备课充分，按时上下课，认真负责，尊重学生'),
      rating('content', '教学内容：目标明确，内容充实，重点突出，联系专业和岗位实际'),
      rating('method', '教学方法：讲解清楚，方法灵活，注重示范和动手练习，能调动学习积极性'),
      rating('management', '课堂管理：课堂纪律好，关注每位学生，及时纠正问题'),
      rating('effect', '教学效果：掌握了本课程的知识和技能，有收获'),
      {
        key: 'workload',
        kind: 'choice',
        label: '课后作业和练习的量',
        options: ['偏少', '适中', '偏多'],
        multiple: false,
        required: false,
      },
      { key: 'advice', kind: 'text', label: '意见和建议', required: false },
    ],
  },
  {
    id: 'canteen',
    kind: 'canteen',
    title: '食堂满意度调查',
    questions: [
      rating('quality', '饭菜质量和口味'),
      rating('hygiene', '食堂环境和饮食卫生'),
      rating('price', '饭菜价格是否合理'),
      rating('service', '工作人员服务态度'),
      rating('portion', '饭菜分量和品种'),
      {
        key: 'meals',
        kind: 'choice',
        label: '您通常在食堂吃哪几餐（可多选）',
        options: ['早餐', '午餐', '晚餐'],
        multiple: true,
        required: false,
      },
      {
        key: 'overall',
        kind: 'choice',
        label: '总体评价',
        options: ['满意', '基本满意', '不满意'],
        multiple: false,
        required: true,
      },
      { key: 'advice', kind: 'text', label: '对食堂的意见和建议', required: false },
    ],
  },
  {
    id: 'satisfaction',
    kind: 'satisfaction',
    title: '办学满意度调查',
    questions: [
      rating('teaching', '对学校教育教学质量的满意程度'),
      rating('management', '对学校管理和校风校纪的满意程度'),
      rating('safety', '对校园安全和后勤服务的满意程度'),
      rating('burden', '对作业量和课业负担的满意程度'),
      {
        key: 'overall',
        kind: 'choice',
        label: '总体评价',
        options: ['满意', '基本满意', '不满意'],
        multiple: false,
        required: true,
      },
      { key: 'advice', kind: 'text', label: '意见和建议', required: false },
    ],
  },
];
