// The command menu, registered at start in Chinese (default) and English: everyone's, and for each admin (in their
// private chat only, where those commands work) the same with the document commands added.
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Logger } from '../../host/index.js';
import { texts, type Lang } from '../../present/index.js';

export const COMMAND_NAMES = ['ask', 'topics', 'source', 'help', 'start'] as const satisfies readonly string[];
/** Commands only admins may use (documents/handlers/documents.ts), shown only in their private chats. */
export const ADMIN_COMMAND_NAMES = ['documents', 'remove', 'export'] as const satisfies readonly string[];

export function commandMenu(lang: Lang, admin = false): BotCommand[] {
  const names: readonly (keyof (typeof texts)[Lang]['commands'])[] = admin ? [...COMMAND_NAMES, ...ADMIN_COMMAND_NAMES] : COMMAND_NAMES;
  return names.map((command) => ({ command, description: texts[lang].commands[command] }));
}

/**
 * setMyCommands for both languages, then each admin's menu scoped to their private chat (a private chat's id is the
 * user's). Not essential: failures are logged and the bot carries on.
 */
export async function registerCommands(telegram: Telegram, logger: Logger, adminUserIds: readonly number[] = []): Promise<void> {
  const menus: Array<{ lang: Lang; languageCode?: string }> = [{ lang: 'zh' }, { lang: 'en', languageCode: 'en' }];
  const scopes: Array<{ admin: number | null }> = [{ admin: null }, ...adminUserIds.map((admin) => ({ admin }))];
  for (const { admin } of scopes)
    for (const { lang, languageCode } of menus) {
      try {
        await telegram.setMyCommands(commandMenu(lang, admin !== null), {
          ...(languageCode ? { language_code: languageCode } : {}),
          ...(admin !== null ? { scope: { type: 'chat', chat_id: admin } } : {}),
        });
      } catch (err) {
        logger.warn({ err, method: 'setMyCommands', lang, admin }, 'could not register the command menu, carrying on');
      }
    }
}
