"""A local stand-in for the Telegram Bot API, for Stillnight's end-to-end tests and demo.

It lives in ``stillnight_dev`` (not under tests/), shipped in the same distribution as the
bot but outside its runtime package, because the demo (``python -m bot demo``) and the
benchmarks run the bot against it too; production code never imports it.

The real PTB ``Application`` talks to it over HTTP; tests play users and read what the bot shows.
Built as :class:`TrackedApplication`, the Application also tells the stand-in when it has
finished handling each update, so waits end as soon as the bot is done (:mod:`.tracking`)::

    standin = BotApiStandin(valid_token="123:ABC")
    await standin.start()
    app = (ApplicationBuilder().application_class(TrackedApplication).token("123:ABC")
           .base_url(f"{standin.url}/bot").base_file_url(f"{standin.url}/file/bot").build())
    ...
    user = standin.user(1001, "Ana")
    await user.command("/start")          # waits for the bot's visible reply, then quiet
    await user.tap("Skip")                # waits for answerCallbackQuery of that tap
    assert user.last_text == "..."
    assert not standin.violations         # every breach of a Bot API rule is listed here
    standin.on_record.append(observe)     # observe(sent) for each visible action, as it happens

Modules: ``server`` (HTTP, state, waiting, faults), ``methods_bot`` / ``methods_messages`` (the Bot
API methods), ``rules`` and ``html_check`` (validation), ``chats`` (test-facing chat objects),
``tracking`` (:class:`TrackedApplication`).
"""

from .chats import ChatHandle, GroupChat, Mark, UserChat
from .errors import ApiError
from .html_check import Entity, HtmlError, Rendered, html_to_text, parse_html, utf16_len
from .server import BotApiStandin
from .state import Button, Call, CallbackState, Replies, Sent, StoredMessage
from .tracking import TrackedApplication

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
    "TrackedApplication",
    "UserChat",
    "html_to_text",
    "parse_html",
    "utf16_len",
]
