import { loadStripe } from '@stripe/stripe-js';

export const stripePromise = loadStripe('pk_live_{{alnum:99}}');
export const PRICE_IDS = {
  starter: 'price_{{alnum:24}}',
  team: 'price_{{alnum:24}}',
};
