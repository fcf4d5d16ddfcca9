/**
 * @module Who is served first: a candidate whose exam is running (`during`), then one whose exam starts
 * within 30 minutes, then everyone else; within each, the longest wait. One SQL expression, so the
 * queue, "take next" and positions all agree.
 */

/** Minutes before the start within which a `before` candidate counts as urgent. */
export const STARTING_SOON_MINUTES = 30;

export const URGENCY_SQL = `case
  when phase = 'during' then 0
  when phase = 'before' and exam_start is not null and exam_start <= now() + interval '${STARTING_SOON_MINUTES} minutes' then 1
  else 2 end`;

export const QUEUE_ORDER_SQL = `${URGENCY_SQL}, created_at, id`;
