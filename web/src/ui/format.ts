import { texts } from '../texts';

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** Formats an ISO timestamp as Beijing time (2025-03-01 14:05); Intl's dateStyle is missing in Chrome 64. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const bj = new Date(d.getTime() + BEIJING_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${bj.getUTCFullYear()}-${p(bj.getUTCMonth() + 1)}-${p(bj.getUTCDate())} ${p(bj.getUTCHours())}:${p(bj.getUTCMinutes())}`;
}

/** The current month (1–12) in Beijing time: the themes follow the office's calendar, not the device's zone. */
export function currentMonth(): number {
  return new Date(Date.now() + BEIJING_OFFSET_MS).getUTCMonth() + 1;
}

export function formatCount(n: number | null): string {
  return n === null ? texts.common.none : String(n);
}
