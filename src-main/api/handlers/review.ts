/**
 * Handlers of `contract/review.ts`, over the core's page review service. A rescan is a scan
 * session like any other (same events), landing through a destination that replaces the page.
 */
import { pageReviewService, ReplacingDestination } from '../../core/review/index.js';
import type { PagesChanged } from '../../core/review/index.js';
import { reviewContract } from '../contract/review.js';
import type { ContractEmitter } from '../events.js';
import { implement } from '../handler.js';
import { scanSessionsService } from './scan.js';

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
  'pages.rotate': async (input, { core, events, actor }) =>
    announce(events, await (await core.use(pageReviewService)).rotate(input, actor)),
  'pages.delete': async (input, { core, events, actor }) =>
    announce(events, (await core.use(pageReviewService)).delete(input, actor)),
  'pages.undoDelete': async (input, { core, events, actor }) =>
    announce(events, (await core.use(pageReviewService)).undoDelete(input, actor)),
  'pages.reorder': async (input, { core, events, actor }) =>
    announce(events, (await core.use(pageReviewService)).reorder(input, actor)),
  'pages.move': async (input, { core, events, actor }) =>
    announce(events, (await core.use(pageReviewService)).move(input, actor)),
  'pages.rescan': async ({ MaHoSo, pageId, profile, ...overrides }, { core, events, actor }) => {
    const destination = new ReplacingDestination(
      await core.use(pageReviewService),
      MaHoSo,
      pageId,
      actor,
      (changed) => announce(events, changed),
    );
    return core.use(scanSessionsService).startScan(overrides, destination, profile);
  },
});
