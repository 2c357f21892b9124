"""A local stand-in for the Telegram Bot API, for Stillnight's end-to-end tests and demo.

It ships in the package (not under tests/) because ``python -m bot demo`` runs the bot
against it, installed or not.

The real PTB ``Application`` talks to it over HTTP; tests play users and read what the bot shows::

    standin = BotApiStandin(valid_token="123:ABC")
    await standin.start()
    app = (ApplicationBuilder().token("123:ABC")
           .base_url(f"{standin.url}/bot").base_file_url(f"{standin.url}/file/bot").build())
    ...
    user = standin.user(1001, "Ana")
    await user.command("/start")          # waits for the bot's visible reply, then quiet
    await user.tap("Skip")                # waits for answerCallbackQuery of that tap
    assert user.last_text == "..."
    assert not standin.violations         # every breach of a Bot API rule is listed here

Modules: ``server`` (HTTP, state, waiting, faults), ``methods_bot`` / ``methods_messages`` (the Bot
API methods), ``rules`` and ``html_check`` (validation), ``chats`` (test-facing chat objects).
"""

from .chats import ChatHandle, GroupChat, Mark, UserChat
from .errors import ApiError
from .html_check import Entity, HtmlError, Rendered, html_to_text, parse_html, utf16_len
from .server import BotApiStandin
from .state import Button, Call, CallbackState, Replies, Sent, StoredMessage

__all__ = [
    "ApiError",
    "BotApiStandin",
    "Button",
    "Call",
    "CallbackState",
    "ChatHandle",
    "Entity",
    "GroupChat",
    "HtmlError",
    "Mark",
    "Rendered",
    "Replies",
    "Sent",
    "StoredMessage",
    "UserChat",
    "html_to_text",
    "parse_html",
    "utf16_len",
]
