/**
 * Handlers of `contract/review.ts`, over the core's page review service. A rescan is a scan
 * session like any other (same events), landing through a destination that replaces the page.
 */
import { userInfo } from 'node:os';
import { pageReviewService, ReplacingDestination } from '../../core/review/index.js';
import type { PagesChanged } from '../../core/review/index.js';
import { reviewContract } from '../contract/review.js';
import type { ContractEmitter } from '../events.js';
import { implement } from '../handler.js';
import type { Transport } from '../handler.js';
import { scanSessionsService } from './scan.js';

const actor = (transport: Transport): string => `${transport}:${userInfo().username}`;

function announce<T extends PagesChanged>(events: ContractEmitter, changed: T): T {
  events.emit('pages.changed', {
    MaHoSo: changed.MaHoSo,
    action: changed.action,
    pageIds: changed.pageIds,
  });
  return changed;
}

export const reviewHandlers = implement(reviewContract, {
  'pages.list': async ({ MaHoSo }, { core }) => (await core.use(pageReviewService)).list(MaHoSo),
  'pages.image': async (input, { core }) => (await core.use(pageReviewService)).image(input),
  'pages.text': async ({ MaHoSo, pageId }, { core }) =>
    (await core.use(pageReviewService)).text(MaHoSo, pageId),
  'pages.rotate': async (input, { core, events, transport }) =>
    announce(events, (await core.use(pageReviewService)).rotate(input, actor(transport))),
  'pages.delete': async (input, { core, events, transport }) =>
    announce(events, (await core.use(pageReviewService)).delete(input, actor(transport))),
  'pages.undoDelete': async (input, { core, events, transport }) =>
    announce(events, (await core.use(pageReviewService)).undoDelete(input, actor(transport))),
  'pages.reorder': async (input, { core, events, transport }) =>
    announce(events, (await core.use(pageReviewService)).reorder(input, actor(transport))),
  'pages.move': async (input, { core, events, transport }) =>
    announce(events, (await core.use(pageReviewService)).move(input, actor(transport))),
  'pages.rescan': async (
    { MaHoSo, pageId, profile, ...overrides },
    { core, events, transport },
  ) => {
    const destination = new ReplacingDestination(
      await core.use(pageReviewService),
      MaHoSo,
      pageId,
      actor(transport),
      (changed) => announce(events, changed),
    );
    return core.use(scanSessionsService).startScan(overrides, destination, profile);
  },
});
