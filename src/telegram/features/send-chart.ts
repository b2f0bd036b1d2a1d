// The bar chart after a computed answer (合计, 哪个最多, 多多少 over several figures): sent as a photo once the text
// answer is out, in the same chat and thread (in groups as a reply to the question too). The chart is drawn
// in a worker thread (chart-thread.ts), after the handler has finished: the text answer never waits for it,
// and handler latency is the text answer's. A chart that cannot be drawn or sent is logged and dropped: the
// text already said everything. stop() waits for the charts under way (launchBot calls it when stopping).
import type { Telegram } from 'telegraf';
import type { Reply } from '../../app/index.js';
import type { Logger } from '../../host/index.js';
import { barChartOf, type BarChart, type BarChartOptions } from '../../present/index.js';
import { createChartThread, type ChartThread, type ChartThreadOptions } from './chart-thread.js';
import { scrubOutgoing, type Destination } from '../transport/send.js';

export interface ChartSender {
  /** Starts drawing and sending the reply's chart, when it has one; returns at once. True when it has one. */
  sendAfter(telegram: Telegram, to: Destination, reply: Reply, options: BarChartOptions): boolean;
  /** Charts being drawn or sent. */
  readonly pending: number;
  /** Waits (at most `timeoutMs`) for the charts under way, then ends the chart thread. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface ChartSenderOptions extends ChartThreadOptions {
  /** False: no charts at all. Default true. */
  enabled?: boolean;
}

function replyParameters(messageId: number): { message_id: number } {
  return JSON.stringify({ message_id: messageId, allow_sending_without_reply: true }) as unknown as { message_id: number };
}

export function createChartSender(logger: Logger, options: ChartSenderOptions = {}): ChartSender {
  let thread: ChartThread | null = null;
  const underWay = new Set<Promise<void>>();
  const enabled = options.enabled ?? true;
  let stopped = false;

  const send = async (telegram: Telegram, to: Destination, chart: BarChart) => {
    // The title is the user's question: the same scrubbing as every text the bot sends.
    const png = await (thread ??= createChartThread(options)).render({ ...chart, title: scrubOutgoing(telegram, chart.title) });
    await telegram.sendPhoto(
      to.chatId,
      { source: png, filename: 'chart.png' },
      {
        caption: chart.subtitle,
        ...(to.threadId !== undefined ? { message_thread_id: to.threadId } : {}),
        // An upload goes as multipart form data, where telegraf 4.16 JSON-encodes only some object fields (not
        // reply_parameters, which it would try to attach as a file): encoded here, as the Bot API reads it.
        ...(to.replyTo !== undefined ? { reply_parameters: replyParameters(to.replyTo) } : {}),
      },
    );
  };

  return {
    get pending() {
      return underWay.size;
    },
    sendAfter(telegram, to, reply, chartOptions) {
      if (!enabled || stopped) return false;
      const chart = barChartOf(reply, chartOptions);
      if (chart === null) return false;
      const started = Date.now();
      const work = send(telegram, to, chart).then(
        () => logger.debug({ chatId: to.chatId, ms: Date.now() - started }, 'chart sent'),
        (err: unknown) => logger.warn({ err, chatId: to.chatId }, 'chart not sent (the text answer was)'),
      );
      const tracked = work.finally(() => underWay.delete(tracked));
      underWay.add(tracked);
      return true;
    },
    async stop(timeoutMs = 5000) {
      stopped = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...underWay]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      await thread?.close();
    },
  };
}

const senders = new WeakMap<object, ChartSender>();

/** Ties a bot to its chart sender, so launchBot can wait for the charts under way when it stops. */
export function attachChartSender(bot: object, sender: ChartSender): void {
  senders.set(bot, sender);
}

export function chartSenderOf(bot: object): ChartSender | undefined {
  return senders.get(bot);
}
