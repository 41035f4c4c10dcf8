/**
 * One scan round at a time, as the clerk sees it: start, pages landing (each with its thumbnail),
 * progress, and how it ended. Events of the session are matched by its id; those that arrive
 * before `scan.start` answers are held until it does. Pages landing in this dossier from any
 * session (a Continue after a jam is a new session) are collected in landing order.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi, type ApiError, type EventPayload } from '../../api/index.js';
import { dataUrlToObjectUrl } from './image-url.js';

export interface LandedThumb {
  pageId: number;
  MaThanhPhanHoSo: string;
  url: string;
}

export interface SessionProblem {
  code: string;
  message: string;
  messageVi: string;
  /** Sheet the scanner stopped at (1-based in the round), when it says. */
  page?: number;
  pagesKept: number;
}

export type SessionPhase =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'scanning'; page?: number; fraction?: number }
  | { phase: 'finished'; pages: number; feederEmpty: boolean }
  | { phase: 'stopped'; pagesKept: number }
  | { phase: 'failed'; problem: SessionProblem };

type SessionEvent =
  | { kind: 'progress'; payload: EventPayload<'scan.progress'> }
  | { kind: 'finished'; payload: EventPayload<'scan.finished'> }
  | { kind: 'failed'; payload: EventPayload<'scan.failed'> };

/** Marks for measuring event → thumbnail on screen (performance panel, tests). */
export const pageMark = (what: 'event' | 'shown', pageId: number) => `sohoa:page-${what}:${pageId}`;

export function useScanSession(MaHoSo: string) {
  const api = useApi();
  const [state, setState] = useState<SessionPhase>({ phase: 'idle' });
  const [landed, setLanded] = useState<LandedThumb[]>([]);
  const [startError, setStartError] = useState<ApiError>();
  const session = useRef<string | undefined>(undefined);
  const early = useRef<SessionEvent[]>([]);

  const apply = useCallback((event: SessionEvent) => {
    if (event.kind === 'progress') {
      const p = event.payload;
      const fraction =
        p.kind === 'pageProgress' && p.expectedBytes ? p.bytes / p.expectedBytes : undefined;
      setState({
        phase: 'scanning',
        page: p.index,
        ...(fraction !== undefined ? { fraction } : {}),
      });
    } else if (event.kind === 'finished') {
      session.current = undefined;
      setState({
        phase: 'finished',
        pages: event.payload.pages,
        feederEmpty: event.payload.feederEmpty === true,
      });
    } else {
      session.current = undefined;
      const { error, pagesKept } = event.payload;
      if (error.code === 'CANCELLED') {
        setState({ phase: 'stopped', pagesKept });
        return;
      }
      const page = error.details?.page;
      setState({
        phase: 'failed',
        problem: {
          code: error.code,
          message: error.message,
          messageVi: error.messageVi,
          pagesKept,
          ...(typeof page === 'number' ? { page } : {}),
        },
      });
    }
  }, []);

  useEffect(() => {
    const route = (sessionId: string, event: SessionEvent) => {
      if (session.current === sessionId) apply(event);
      else if (session.current === undefined) early.current.push({ ...event });
    };
    const offs = [
      api.on('scan.pageAcquired', (event) => {
        const location = event.location;
        if (!('dossier' in location) || location.dossier !== MaHoSo) return;
        // the core's own delay (last byte → event) rides along, for end-to-end latency
        performance.mark(pageMark('event', location.pageId), {
          detail: { latencyMs: event.latencyMs },
        });
        const thumb = {
          pageId: location.pageId,
          MaThanhPhanHoSo: location.component,
          url: dataUrlToObjectUrl(event.thumbnail),
        };
        setLanded((all) => [...all, thumb]);
      }),
      api.on('scan.progress', (payload) => route(payload.sessionId, { kind: 'progress', payload })),
      api.on('scan.finished', (payload) => route(payload.sessionId, { kind: 'finished', payload })),
      api.on('scan.failed', (payload) => route(payload.sessionId, { kind: 'failed', payload })),
    ];
    return () => offs.forEach((off) => off());
  }, [api, apply, MaHoSo]);

  // Thumbnails are blob: URLs; free them with the step.
  const urls = useRef<string[]>([]);
  useEffect(() => {
    urls.current = landed.map((l) => l.url);
  }, [landed]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  /** Starts a round with `begin` (the method that starts the session, e.g. scanning a result paper). */
  const startWith = useCallback(
    async <T extends { sessionId: string }>(begin: () => Promise<T>): Promise<T | undefined> => {
      setStartError(undefined);
      setState({ phase: 'starting' });
      early.current = [];
      try {
        const started = await begin();
        const { sessionId } = started;
        session.current = sessionId;
        setState((s) => (s.phase === 'starting' ? { phase: 'scanning' } : s));
        const held = early.current;
        early.current = [];
        for (const event of held) if (event.payload.sessionId === sessionId) apply(event);
        return started;
      } catch (error) {
        setStartError(error as ApiError);
        setState({ phase: 'idle' });
        return undefined;
      }
    },
    [apply],
  );

  const start = useCallback(
    (request: { MaThanhPhanHoSo: string; device?: string; profile?: string }) =>
      startWith(() => api.call('scan.start', { MaHoSo, ...request })),
    [api, startWith, MaHoSo],
  );

  const cancel = useCallback(async () => {
    if (session.current) await api.call('scan.cancel', { sessionId: session.current });
  }, [api]);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, landed, startError, start, startWith, cancel, dismiss };
}
