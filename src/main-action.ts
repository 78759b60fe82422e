import { runAction } from './action.js';

// Entry of dist/index.js, the file action.yml runs.
void runAction();
