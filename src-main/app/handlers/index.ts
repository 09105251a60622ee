import type { Method } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { filesHandlers } from './files';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';

/** One handler per contract method: a missing one is a type error. */
export const handlers: HandlerMap<Method> = {
  ...filesHandlers,
  ...setupHandlers,
  ...settingsHandlers,
};
