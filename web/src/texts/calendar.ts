import { texts } from './index';

export const calendarTexts = {
  title: texts.shell.calendar,
  intro: '一月一主题：每月的督导工作重点',
  month: (month: number) => `${month}月`,
  current: '本月',
  noTheme: '未设置主题',
};
