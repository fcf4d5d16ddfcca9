/** @module Fixtures for the console's unit tests: queue lines and a conversation detail with a check report. */
import type { ConversationDetail, QueueItem } from './api/index.ts';

export const NOW = Date.parse('2026-11-24T09:10:00.000Z');

export function queueItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: 'conv-during',
    candidateName: 'Ana García',
    examName: 'Biology 101',
    examStart: '2026-11-24T09:00:00.000Z',
    phase: 'during',
    queue: 'tier1',
    status: 'queued',
    agentId: undefined,
    createdAt: new Date(NOW - 3 * 60_000).toISOString(),
    firstQuestion: 'my camera is black',
    checksCode: '1F5K-8G6H-2A7',
    candidateConnected: true,
    ...overrides,
  };
}

export function conversationDetail(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    ...queueItem({ status: 'assigned', agentId: 'ana' }),
    context: {
      sessionId: 'session-1',
      startedAt: '2026-11-24T09:00:00.000Z',
      locale: 'es',
      phase: 'during',
      kbVersion: '2026.11.1',
      page: 'https://exams.example.com/bio-101',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      entries: [
        { type: 'question', at: 1, text: 'my camera is black' },
        { type: 'answer', at: 2, decision: 'answer', articleId: 'camera-not-working', alternatives: [], kbVersion: '2026.11.1' },
        { type: 'article', at: 3, articleId: 'camera-not-working', kbVersion: '2026.11.1' },
        { type: 'feedback', at: 4, articleId: 'camera-not-working', helpful: false },
        { type: 'question', at: 5, text: 'still black' },
        { type: 'answer', at: 6, decision: 'none', alternatives: [], kbVersion: '2026.11.1' },
      ],
      checks: {
        version: 1,
        code: '1F5K-8G6H-2A7',
        at: 7,
        results: [
          { check: 'browser', status: 'pass', reason: 'browser.ok', measured: { name: 'Chrome', version: 131 }, durationMs: 3 },
          { check: 'screen', status: 'warn', reason: 'screen.extended', measured: { screens: 2 }, durationMs: 4 },
          { check: 'speaker', status: 'skipped', reason: 'check.aborted', measured: {}, durationMs: 0 },
          { check: 'camera', status: 'fail', reason: 'camera.black_frame', measured: { meanLuma: 3 }, article: 'camera-not-working', durationMs: 900 },
          { check: 'microphone', status: 'pass', reason: 'microphone.ok', measured: {}, durationMs: 800 },
        ],
      },
    },
    messages: [],
    csat: undefined,
    resolution: undefined,
    tags: [],
    ...overrides,
  };
}
