/**
 * `npx tsx bench/balance-only.ts`: only the balance endpoints' figures (coefficients and years
 * list, 300 schools × 10 years), for work on those endpoints without the whole bench.
 */
import { startThrowawayStack } from '../worker/local/throwaway-stack';
import { balanceTenant, benchBalanceEndpoint } from './balance-endpoint';

const PASSWORD = 'Bench-password-2026';
const stack = await startThrowawayStack([balanceTenant()], PASSWORD);
try {
  await benchBalanceEndpoint(stack, PASSWORD, (name, value, unit) =>
    console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit })),
  );
} finally {
  await stack.stop();
}
