const HOUR = 3600_000;
const DAY = 24 * HOUR;

// Abuse limits of the public channel (decision 008). A family or a class may share one address,
// so the per-address limits leave room for a few honest senders; a whole unit receives at most
// PER_UNIT a day, which no real school gate sees, so a script cannot bury the real ones.
export const SUBMIT_PER_CLIENT = [
  [5, HOUR],
  [20, DAY],
] as const;
export const SUBMIT_PER_UNIT = { limit: 50, windowMs: DAY } as const;
export const PHOTO_PER_CLIENT = [[10, HOUR]] as const;
export const TRACK_PER_CLIENT = [[30, 10 * 60_000]] as const;
/** A photo may follow its complaint for this long (the form uploads it right after sending). */
export const PHOTO_WINDOW_MS = 2 * HOUR;
