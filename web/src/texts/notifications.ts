import { texts } from './index';

export const notificationsTexts = {
  title: texts.shell.notifications,
  intro: '整改逾期提醒等与您有关的消息。点击消息查看详情，同时标记为已读。',
  empty: '暂无消息',
  total: (n: number, unread: number) => (unread ? `共 ${n} 条，未读 ${unread} 条` : `共 ${n} 条，全部已读`),
  unread: '未读',
  read: '已读',
  open: '查看',
  markRead: '标为已读',
  opening: '正在打开…',
};
