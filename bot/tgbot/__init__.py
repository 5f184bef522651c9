"""The Telegram front end: commands, questions in every kind of chat, buttons and inline mode.

One module per concern: floods (flood limiting), buttons (callback data), views (texts and
keyboards), addressing (what is put to the bot), replying and handlers (answering updates),
wiring (the Application), serving (polling or webhook) and logs. Conversation state is
bot.conversation's, shared with the console.
"""

from __future__ import annotations

from bot.tgbot.floods import FLOOD_LIMIT, FLOOD_WINDOW, Admission, FloodLimiter
from bot.tgbot.logs import JsonFormatter, TokenFilter, configure_logging
from bot.tgbot.runtime import App, OnReply
from bot.tgbot.serving import Webhook, run_bot, serve, unanswered_hook, webhook_config
from bot.tgbot.views import FLOOD_NOTICE, STALE_BUTTON
from bot.tgbot.wiring import STATE_FILE, add_handlers, build_application

__all__ = [
    "FLOOD_LIMIT",
    "FLOOD_NOTICE",
    "FLOOD_WINDOW",
    "STALE_BUTTON",
    "STATE_FILE",
    "Admission",
    "App",
    "FloodLimiter",
    "JsonFormatter",
    "OnReply",
    "TokenFilter",
    "Webhook",
    "add_handlers",
    "build_application",
    "configure_logging",
    "run_bot",
    "serve",
    "unanswered_hook",
    "webhook_config",
]
