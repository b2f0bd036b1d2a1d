// The admins' documents features, in private chats: a file sent is downloaded (getFile, bounded in size and
// time), checked and shown with 添加/Add and 放弃/Discard buttons; /documents lists the documents, /remove takes
// one out after a confirmation button, /export sends every figure as CSV. Anyone else who sends a file gets a short polite refusal; the
// commands answer "admins only". The work after the download (building the engine the upload would make)
// runs after the handler has returned, so the update is confirmed at once and other chats are not held up.
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Person, StageResult, UploadRefusal } from '../../../library/index.js';
import { documentExtensions } from '../../../corpus/index.js';
import {
  adminTexts,
  clip,
  figureRows,
  formatFiguresCsv,
  formatBytes,
  formatFor,
  renderDocumentList,
  renderUploadPreview,
  type AdminTexts,
} from '../../../present/index.js';
import { allowRequest, langOf, type BotRuntime } from '../runtime.js';
import { destinationOf, sendHtml, type Destination } from '../../transport/send.js';
import { BOT_API_DOWNLOAD_LIMIT, DownloadError, downloadFile } from '../../transport/download.js';

/** Longest a download of an upload may take. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;
/** Documents offered as buttons by /remove at most (more: /remove NAME). */
const REMOVE_BUTTONS = 40;

const fmt = formatFor('html');

/** Callback data of these features: kb:a:ID add, kb:d:ID discard, kb:r:V:I ask to remove, kb:y:V:I remove, kb:n cancel. */
const CALLBACK = /^kb:(?:([ad]):([0-9a-f]{10})|([ry]):(\d{1,9}):(\d{1,6})|(n))$/;

function personOf(ctx: Context): Person {
  const from = ctx.from!;
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || String(from.id);
  return { id: from.id, name: clip(name, 100) };
}

function refusalText(a: AdminTexts, refusal: UploadRefusal): string {
  switch (refusal.kind) {
    case 'too-big':
      return a.tooBig(formatBytes(refusal.bytes), formatBytes(refusal.maxBytes));
    case 'type':
      return a.badType(refusal.detail, documentExtensions().join(' '));
    case 'unreadable':
      return a.unreadable(refusal.detail);
    case 'no-facts':
      return a.noFacts;
    case 'corpus':
      return a.corpusBroken(refusal.detail);
  }
}

function previewKeyboard(a: AdminTexts, id: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: a.addButton, callback_data: `kb:a:${id}` },
        { text: a.discardButton, callback_data: `kb:d:${id}` },
      ],
    ],
  };
}

export function documentsFeature(rt: BotRuntime): Composer<Context> {
  const feature = new Composer<Context>();
  const isAdmin = (ctx: Context) => ctx.from !== undefined && rt.admins.has(ctx.from.id) && rt.documents !== null;
  const maxBytes = () => Math.min(BOT_API_DOWNLOAD_LIMIT, rt.documents?.maxBytes ?? BOT_API_DOWNLOAD_LIMIT);

  /** Sends, or logs when even that fails (work done after the handler returned has no error boundary). */
  const tell = async (ctx: Context, to: Destination, html: string, keyboard?: InlineKeyboardMarkup) => {
    try {
      await sendHtml(ctx.telegram, to, html, keyboard);
    } catch (err) {
      rt.logger.warn({ err, chatId: to.chatId }, 'could not send a documents message');
    }
  };

  feature.on(message('document'), async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    const to = destinationOf(ctx.message, ctx.chat);
    const a = adminTexts[langOf(ctx)];
    const document = ctx.message.document;
    const name = document.file_name ?? 'document';
    if (!isAdmin(ctx)) {
      rt.logger.info({ userId: ctx.from.id, file: name }, 'document sent by a user who is not an admin, refused');
      if (await allowRequest(ctx, rt, to)) await sendHtml(ctx.telegram, to, fmt.text(a.notAdmin));
      return;
    }
    const documents = rt.documents!;
    const by = personOf(ctx);
    const limit = maxBytes();
    if (document.file_size !== undefined && document.file_size > limit) {
      rt.logger.info({ by, file: name, bytes: document.file_size }, 'document upload refused: too big');
      await sendHtml(ctx.telegram, to, fmt.text(refusalText(a, { kind: 'too-big', bytes: document.file_size, maxBytes: limit })));
      return;
    }
    await sendHtml(ctx.telegram, to, fmt.text(a.reading(name)));
    // Downloading and building run on after the update is confirmed; their outcome is a message of its own.
    void (async () => {
      let result: StageResult;
      try {
        const bytes = await downloadFile(ctx.telegram, document.file_id, {
          apiRoot: rt.apiRoot,
          maxBytes: limit,
          timeoutMs: DOWNLOAD_TIMEOUT_MS,
        });
        result = await documents.stage(name, bytes, by);
      } catch (err) {
        if (err instanceof DownloadError && err.kind === 'too-big') {
          rt.logger.info({ by, file: name, why: err.message }, 'document upload refused: too big');
          await tell(ctx, to, fmt.text(refusalText(a, { kind: 'too-big', bytes: err.bytes ?? limit + 1, maxBytes: limit })));
        } else {
          rt.logger.warn({ err, by, file: name }, 'document upload failed');
          await tell(ctx, to, fmt.text(a.downloadFailed));
        }
        return;
      }
      if (!result.ok) {
        rt.logger.info({ by, file: name, refusal: result.refusal }, 'document upload refused');
        await tell(ctx, to, fmt.text(refusalText(a, result.refusal)));
        return;
      }
      await tell(ctx, to, renderUploadPreview(result.preview, langOf(ctx)), previewKeyboard(a, result.preview.id));
    })();
  });

  const adminCommand = (name: string, run: (ctx: Context, text: string, to: Destination, a: AdminTexts) => Promise<void>) =>
    feature.command(name, async (ctx, next) => {
      if (ctx.chat.type !== 'private') return next();
      const to = destinationOf(ctx.message, ctx.chat);
      const a = adminTexts[langOf(ctx)];
      if (!isAdmin(ctx)) {
        if (await allowRequest(ctx, rt, to)) await sendHtml(ctx.telegram, to, fmt.text(a.adminOnly));
        return;
      }
      await run(ctx, ctx.message.text, to, a);
    });

  adminCommand('documents', async (ctx, _text, to) => {
    await sendHtml(ctx.telegram, to, renderDocumentList(await rt.documents!.list(), langOf(ctx)));
  });

  adminCommand('export', async (ctx, _text, to, a) => {
    const { engine } = rt.holder.current();
    // The same CSV as `npm run facts` (present/facts-csv.ts).
    const csv = formatFiguresCsv(engine);
    const rows = figureRows(engine).length;
    const filename = `factbot-figures-${new Date().toISOString().slice(0, 10)}.csv`;
    try {
      await ctx.telegram.sendDocument(
        to.chatId,
        { source: Buffer.from(csv, 'utf8'), filename },
        { caption: a.exportCaption(rows, engine.documents.length) },
      );
    } catch (err) {
      rt.logger.warn({ err }, 'could not send the figures export');
      await sendHtml(ctx.telegram, to, fmt.text(a.exportFailed));
      return;
    }
    rt.logger.info({ by: personOf(ctx), figures: rows, documents: engine.documents.length }, 'figures exported');
  });

  adminCommand('remove', async (ctx, text, to, a) => {
    const served = rt.holder.current();
    const docs = served.engine.documents;
    const wanted = text.replace(/^\/remove(?:@\w+)?\s*/, '').trim();
    if (wanted !== '') {
      const index = docs.findIndex((d) => d.file === wanted || d.title === wanted || d.id === wanted);
      if (index === -1) {
        await sendHtml(ctx.telegram, to, fmt.text(a.removeUnknown));
        return;
      }
      const facts = served.engine.facts.filter((f) => f.docId === docs[index]!.id).length;
      await sendHtml(ctx.telegram, to, fmt.text(a.removeConfirm(docs[index]!.title, facts)), confirmKeyboard(a, served.version, index));
      return;
    }
    const rows = docs
      .slice(0, REMOVE_BUTTONS)
      .map((d, i) => [{ text: clip(`${d.title} (${d.file})`, 60), callback_data: `kb:r:${served.version}:${i}` }]);
    rows.push([{ text: a.cancelButton, callback_data: 'kb:n' }]);
    await sendHtml(ctx.telegram, to, fmt.text(docs.length > REMOVE_BUTTONS ? `${a.removeChoose}\n${a.removeUsage}` : a.removeChoose), {
      inline_keyboard: rows,
    });
  });

  feature.on('callback_query', async (ctx, next) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const match = CALLBACK.exec(data);
    if (match === null) return next();
    const a = adminTexts[langOf(ctx)];
    const chat = ctx.callbackQuery.message?.chat;
    if (!isAdmin(ctx) || chat === undefined || chat.type !== 'private') {
      await ctx.answerCbQuery(a.adminOnly);
      return;
    }
    const to: Destination = { chatId: chat.id };
    const by = personOf(ctx);
    const [, upload, id, removal, version, index] = match;
    const documents = rt.documents!;
    await ctx.answerCbQuery();
    if (upload === 'd') {
      await documents.discard(id!, by);
      await sendHtml(ctx.telegram, to, fmt.text(a.discarded));
      return;
    }
    if (upload === 'a') {
      if (documents.waiting(id!) === undefined) {
        await sendHtml(ctx.telegram, to, fmt.text(a.expired));
        return;
      }
      // Adding may build the corpus again (when it changed since the upload was checked): run on, answer when done.
      void documents.commit(id!, by).then(
        (result) => {
          if (!result.ok) return tell(ctx, to, fmt.text(result.kind === 'expired' ? a.expired : a.addFailed(result.detail)));
          const count = result.served.engine.documents.length;
          return tell(ctx, to, fmt.text((result.replaced ? a.replaced : a.added)(result.title, result.facts, count)));
        },
        async (err: unknown) => {
          rt.logger.error({ err, by }, 'adding a document failed');
          await tell(ctx, to, fmt.text(a.addFailed(err instanceof Error ? err.message : String(err))));
        },
      );
      return;
    }
    if (removal === undefined) {
      await sendHtml(ctx.telegram, to, fmt.text(a.cancelled));
      return;
    }
    const served = rt.holder.current();
    const doc = served.version === Number(version) ? served.engine.documents[Number(index)] : undefined;
    if (doc === undefined) {
      await sendHtml(ctx.telegram, to, fmt.text(a.removeUnknown));
      return;
    }
    if (removal === 'r') {
      const facts = served.engine.facts.filter((f) => f.docId === doc.id).length;
      await sendHtml(ctx.telegram, to, fmt.text(a.removeConfirm(doc.title, facts)), confirmKeyboard(a, served.version, Number(index)));
      return;
    }
    void documents.remove(doc.file, by).then(
      (result) => {
        if (result.ok) return tell(ctx, to, fmt.text(a.removed(result.title, result.served.engine.documents.length)));
        if (result.kind === 'build') return tell(ctx, to, fmt.text(a.removeFailed(result.detail)));
        return tell(ctx, to, fmt.text(result.kind === 'last' ? a.removeLast : a.removeUnknown));
      },
      async (err: unknown) => {
        rt.logger.error({ err, by }, 'removing a document failed');
        await tell(ctx, to, fmt.text(a.removeFailed(err instanceof Error ? err.message : String(err))));
      },
    );
  });

  return feature;
}

function confirmKeyboard(a: AdminTexts, version: number, index: number): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: a.removeButton, callback_data: `kb:y:${version}:${index}` },
        { text: a.cancelButton, callback_data: 'kb:n' },
      ],
    ],
  };
}
