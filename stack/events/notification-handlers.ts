import { z } from 'zod';
import { readMessage, type HandlerOutcome } from './message-error.ts';
import { JOB_COMPLETED } from './sequencing-events.ts';

export interface NotificationSink {
  add(notification: { channel: 'email' | 'slack' | 'teams'; recipient: string; subject: string; body: string }): unknown;
}

const JobCompleted = z.object({ job_id: z.string().min(1), sample_id: z.string().min(1), status: z.literal('completed'), platform: z.string().optional() });

/** sequencing.job_completed -> a Teams message to the sequencing channel. */
export function handleJobCompletedNotice(sink: NotificationSink, message: unknown): HandlerOutcome {
  const event = readMessage(JOB_COMPLETED, JobCompleted, message);
  sink.add({
    channel: 'teams',
    recipient: '#sequencing',
    subject: `Sequencing job ${event.job_id} completed`,
    body: `Sample ${event.sample_id} finished sequencing${event.platform ? ` on ${event.platform}` : ''}.`,
  });
  return { handled: true };
}

export const NOTIFICATION_HANDLERS: Readonly<Record<string, (sink: NotificationSink, message: unknown) => HandlerOutcome>> = {
  [JOB_COMPLETED]: handleJobCompletedNotice,
};
