/**
 * The eight items of routine supervision a responsible inspector covers at every school
 * (国教督办〔2013〕2号, DOMAIN.md §2): printed on the board and the poster.
 */
export const ROUTINE_DUTIES = [
  '校务管理和制度执行',
  '招生、收费、择校',
  '课程开设和课堂教学',
  '学生学习、体育锻炼和课业负担',
  '教师师德和专业发展',
  '校园及周边安全、学生交通安全',
  '食堂、食品、饮水及宿舍卫生',
  '校风、教风、学风',
] as const;
