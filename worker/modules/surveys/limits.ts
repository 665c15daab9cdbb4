const MINUTE = 60_000;

// A whole class answers from one school address at once (often several classes, through one
// NAT), so the per-address limits leave room for a few hundred honest respondents; they stop a
// script from hammering the public endpoints. Guessing tokens is hopeless anyway (144 bits).
export const RESPONSE_PER_CLIENT = [[300, 10 * MINUTE]] as const;
export const OPEN_PER_CLIENT = [[600, 10 * MINUTE]] as const;
