import { texts } from '../texts';

export function setTitle(title: string): void {
  document.title = title && title !== texts.appName ? `${title} - ${texts.appName}` : texts.appName;
}
