// The command menu, registered at start in Chinese (default) and English.
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Logger } from '../../host/index.js';
import { texts, type Lang } from '../../present/index.js';

export const COMMAND_NAMES = ['ask', 'topics', 'source', 'help', 'start'] as const satisfies readonly string[];

export function commandMenu(lang: Lang): BotCommand[] {
  return COMMAND_NAMES.map((command) => ({ command, description: texts[lang].commands[command] }));
}

/** setMyCommands for both languages. Not essential: failures are logged and the bot carries on. */
export async function registerCommands(telegram: Telegram, logger: Logger): Promise<void> {
  const menus: Array<{ lang: Lang; languageCode?: string }> = [{ lang: 'zh' }, { lang: 'en', languageCode: 'en' }];
  for (const { lang, languageCode } of menus) {
    try {
      await telegram.setMyCommands(commandMenu(lang), languageCode ? { language_code: languageCode } : {});
    } catch (err) {
      logger.warn({ err, method: 'setMyCommands', lang }, 'could not register the command menu, carrying on');
    }
  }
}
