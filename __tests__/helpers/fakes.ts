import { expandSample } from '../../src/secrets/samples.js';

/**
 * Fake but format-valid secrets, built at test time so that no test file holds a string that
 * looks live. Each call with the same seed gives the same value.
 */
export const fake = {
  mbd: (seed = 'mbd') => expandSample('mbd_live_{{alnum:40}}', seed),
  openai: (seed = 'openai') => expandSample('sk-proj-{{token:60}}T3BlbkFJ{{token:60}}', seed),
  telegram: (seed = 'tg') => expandSample('{{digits:10}}:AA{{token:33}}', seed),
};
