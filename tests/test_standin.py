"""The Bot API stand-in itself: its rule checks, its HTTP behaviour, and a real PTB round trip."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from stillnight_dev.standin import (
    ApiError,
    BotApiStandin,
    HtmlError,
    TrackedApplication,
    parse_html,
    utf16_len,
)
from stillnight_dev.standin.errors import CONTRACT
from stillnight_dev.standin.limits import SendLimits
from stillnight_dev.standin.rules import (
    check_caption,
    check_commands,
    check_language_code,
    check_text,
    parse_inline_keyboard,
    render,
)

TOKEN = "123:ABC"
SLEEPY = "😴"  # outside the BMP: one character, two UTF-16 code units


# ---------------------------------------------------------------- HTML validation


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em>", "bold s i e"),
        ("<u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>", "unskd"),
        ("&lt;tag&gt; &amp; &quot;q&quot; &#39;a&#39; &#x1F634;", f"<tag> & \"q\" 'a' {SLEEPY}"),
        ('<a href="https://example.org/?a=1&amp;b=2">link</a>', "link"),
        ('<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>', "xy"),
        ("<b>bold <i>both</i></b>", "bold both"),
        ("<blockquote expandable>quote <b>b</b></blockquote>", "quote b"),
        ('<pre><code class="language-python">print("hi")</code></pre>', 'print("hi")'),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
        ("<B>upper case tags</B>", "upper case tags"),
        ("line\nbreaks\n", "line\nbreaks\n"),
    ],
)
def test_valid_telegram_html(source: str, text: str) -> None:
    assert parse_html(source).text == text


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<div>x</div>", 'Unsupported start tag "div"'),
        ("<br/>", 'Unsupported start tag "br"'),
        ("a < b", 'Unsupported start tag ""'),
        ("a > b", 'Bare ">"'),
        ("Tom & Jerry", 'Bare "&"'),
        ("a&nbsp;b", 'Unsupported HTML entity "&nbsp;"'),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("</b>", "Unexpected end tag"),
        ("<b", "Unclosed start tag"),
        ("<a>no href</a>", "href"),
        ('<span class="x">s</span>', '"span"'),
        ("<code><b>x</b></code>", 'nested inside "code"'),
        ('<a href="https://a.b"><a href="https://c.d">x</a></a>', "Links can't be nested"),
        ("<blockquote><blockquote>x</blockquote></blockquote>", "can't be nested"),
        ("&#0;", "Invalid numeric entity"),
    ],
)
def test_invalid_telegram_html(source: str, reason: str) -> None:
    with pytest.raises(HtmlError) as err:
        parse_html(source)
    assert reason in err.value.description
    assert err.value.description.startswith("can't parse entities: ")


def test_html_error_reports_utf8_byte_offset() -> None:
    with pytest.raises(HtmlError) as err:
        parse_html(f"{SLEEPY} <x>")
    assert err.value.byte_offset == 5  # 4 bytes of emoji + the space


def test_escaped_arbitrary_text_is_always_valid() -> None:
    nasty = "<script> & \"quotes\" 'single' > 5 😴 &amp;"
    assert parse_html(html.escape(nasty)).text == nasty


def test_entities_use_utf16_offsets() -> None:
    rendered = parse_html(f"{SLEEPY} <b>bold</b> <a href='https://x.org'>x</a>")
    bold, link = rendered.entities
    assert (bold.type, bold.offset, bold.length) == ("bold", 3, 4)
    assert (link.type, link.offset, link.url) == ("text_link", 8, "https://x.org")


def test_pre_with_language() -> None:
    [pre] = parse_html('<pre><code class="language-python">x = 1</code></pre>').entities
    assert (pre.type, pre.language) == ("pre", "python")


# ---------------------------------------------------------------- lengths


def test_text_length_counts_utf16_units_after_entity_parsing() -> None:
    assert utf16_len(SLEEPY) == 2
    check_text(render(SLEEPY * 2048, None))  # 4096 units
    with pytest.raises(ApiError, match="message is too long"):
        check_text(render(SLEEPY * 2048 + "a", None))
    check_text(render("<b>" + "a" * 4096 + "</b>", "HTML"))  # tags are free
    check_text(render("&amp;" * 4096, "HTML"))  # an entity is one character
    with pytest.raises(ApiError, match="message is too long"):
        check_text(render("&amp;" * 4097, "HTML"))


def test_text_is_trimmed_and_must_not_be_empty() -> None:
    rendered = render("  <b>hi</b>  \n", "HTML")
    assert rendered.text == "hi"
    assert (rendered.entities[0].offset, rendered.entities[0].length) == (0, 2)
    with pytest.raises(ApiError, match="message text is empty"):
        check_text(render("<b> </b>", "HTML"))


def test_caption_limit() -> None:
    check_caption(render("c" * 1024, "HTML"))
    with pytest.raises(ApiError, match="caption is too long"):
        check_caption(render(SLEEPY * 513, None))


def test_markdown_is_refused_with_a_hint() -> None:
    with pytest.raises(ApiError) as err:
        render("*bold*", "MarkdownV2")
    assert "HTML" in (err.value.detail or "")


# ---------------------------------------------------------------- keyboards, commands


def _kb(*buttons: dict[str, Any]) -> dict[str, Any]:
    return {"inline_keyboard": [list(buttons)]}


def test_callback_data_limit_is_in_bytes() -> None:
    [[ok]] = parse_inline_keyboard(_kb({"text": "é", "callback_data": "é" * 32}))  # 64 bytes
    assert ok.callback_data == "é" * 32
    with pytest.raises(ApiError, match="BUTTON_DATA_INVALID"):
        parse_inline_keyboard(_kb({"text": "é", "callback_data": "é" * 33}))  # 66 bytes
    with pytest.raises(ApiError, match="BUTTON_DATA_INVALID"):
        parse_inline_keyboard(_kb({"text": "empty", "callback_data": ""}))


@pytest.mark.parametrize(
    "button",
    [
        {"text": "no action"},
        {"text": "two", "callback_data": "a", "url": "https://x.org"},
        {"text": "", "callback_data": "a"},
        {"text": "bad url", "url": "not a url"},
    ],
)
def test_invalid_buttons(button: dict[str, Any]) -> None:
    with pytest.raises(ApiError):
        parse_inline_keyboard(_kb(button))


def test_at_most_100_buttons() -> None:
    rows = [[{"text": str(i), "callback_data": str(i)}] for i in range(100)]
    assert len(parse_inline_keyboard({"inline_keyboard": rows})) == 100
    rows.append([{"text": "one more", "callback_data": "x"}])
    with pytest.raises(ApiError):
        parse_inline_keyboard({"inline_keyboard": rows})


def test_command_names_and_descriptions() -> None:
    assert check_commands([{"command": "check_in2", "description": "Log the night"}])
    for bad in (
        {"command": "Start", "description": "x"},
        {"command": "x" * 33, "description": "x"},
        {"command": "start", "description": ""},
        {"command": "start", "description": "d" * 257},
    ):
        with pytest.raises(ApiError):
            check_commands([bad])


def test_a_command_list_is_for_every_language_or_for_one_by_its_two_letters() -> None:
    assert check_language_code(None) == check_language_code("") == ""
    assert check_language_code("pt") == "pt"
    for bad in ("pt-br", "pt_BR", "PT", "por", 7):
        with pytest.raises(ApiError):
            check_language_code(bad)


# ---------------------------------------------------------------- the HTTP server


@pytest.fixture
async def api() -> AsyncIterator[BotApiStandin]:
    """A stand-in whose violations each test checks itself (some provoke them on purpose)."""
    standin = BotApiStandin(valid_token=TOKEN, reply_timeout=2.0)
    await standin.start()
    yield standin
    await standin.stop()


async def call(
    standin: BotApiStandin, method: str, token: str = TOKEN, **params: Any
) -> tuple[int, dict[str, Any]]:
    """POST like PTB does: a form whose complex values are JSON strings."""
    form = {k: json.dumps(v) if isinstance(v, dict | list) else str(v) for k, v in params.items()}
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{standin.url}/bot{token}/{method}", data=form) as resp,
    ):
        return resp.status, await resp.json()


async def test_wrong_token_is_401_but_no_violation(api: BotApiStandin) -> None:
    status, body = await call(api, "getMe", token="999:WRONG")
    assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    status, body = await call(api, "getMe")
    assert body["result"]["username"] == "stillnight_test_bot" and body["result"]["id"] == 123
    assert api.violations == []


async def test_unknown_chat_and_unknown_method_are_violations(api: BotApiStandin) -> None:
    status, body = await call(api, "sendMessage", chat_id=42, text="hi")
    assert (status, body["description"]) == (400, "Bad Request: chat not found")
    status, body = await call(api, "sendTelepathy", chat_id=42)
    assert (status, body["error_code"]) == (404, 404)
    assert len(api.violations) == 2 and "sendTelepathy" in api.violations[1]


async def test_bot_cannot_write_first_but_may_after_add_chat(api: BotApiStandin) -> None:
    api.user(7, "Silent")
    status, body = await call(api, "sendMessage", chat_id=7, text="hi")
    assert status == 403 and "initiate" in body["description"]
    api.add_chat(7)
    status, _ = await call(api, "sendMessage", chat_id=7, text="hi")
    assert status == 200


async def test_edit_rules_and_not_modified(api: BotApiStandin) -> None:
    user = api.add_chat(1001)
    kb = _kb({"text": "Skip", "callback_data": "skip"})
    _, sent = await call(
        api, "sendMessage", chat_id=1001, text="<b>Q1</b>", parse_mode="HTML", reply_markup=kb
    )
    mid = sent["result"]["message_id"]
    assert sent["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 2}]

    # same rendered text, entities and keyboard -> not modified (a violation)
    status, body = await call(
        api,
        "editMessageText",
        chat_id=1001,
        message_id=mid,
        text=" <b>Q1</b> ",
        parse_mode="HTML",
        reply_markup=kb,
    )
    assert (status, body["description"]) == (400, CONTRACT["not_modified"]["description"])
    assert len(api.violations) == 1

    # dropping the bold is a change; leaving out reply_markup removes the keyboard
    status, body = await call(api, "editMessageText", chat_id=1001, message_id=mid, text="Q1")
    assert status == 200 and body["result"]["message_id"] == mid
    assert user.last.edits == 1 and user.last_buttons == [] and user.last_text == "Q1"
    status, body = await call(api, "editMessageText", chat_id=1001, message_id=mid + 5, text="x")
    assert body["description"] == "Bad Request: message to edit not found"


async def test_answer_callback_twice_is_a_violation(api: BotApiStandin) -> None:
    api.track_handling = False  # no PTB Application here: this test plays the bot by hand
    user = api.user(1001, "Ana", started=True)
    await call(
        api,
        "sendMessage",
        chat_id=1001,
        text="pick",
        reply_markup=_kb({"text": "A", "callback_data": "a"}),
    )
    task = asyncio.create_task(user.tap("A"))
    [cb] = await api.wait_for(api.callback_queries)
    assert (cb.data, cb.message_id) == ("a", 1)
    status, _ = await call(api, "answerCallbackQuery", callback_query_id=cb.id, text="ok")
    assert status == 200
    assert (await task).toast == "ok"
    status, _ = await call(api, "answerCallbackQuery", callback_query_id=cb.id)
    assert status == 400 and "answered twice" in api.violations[0]


async def test_get_updates_offsets_long_poll_and_allowed_updates(api: BotApiStandin) -> None:
    user = api.user(1001, "Ana")
    await user.send("one", wait=False)
    await user.send("two", wait=False)
    _, body = await call(api, "getUpdates", offset=0, timeout=0)
    ids = [u["update_id"] for u in body["result"]]
    assert [u["message"]["text"] for u in body["result"]] == ["one", "two"]
    _, body = await call(api, "getUpdates", offset=ids[0] + 1, limit=1)  # confirms "one"
    assert [u["update_id"] for u in body["result"]] == [ids[1]]
    assert len(api.pending_updates()) == 1

    # a long poll returns as soon as an update arrives
    poll = asyncio.create_task(call(api, "getUpdates", offset=ids[1] + 1, timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    await user.send("three", wait=False)
    _, body = await asyncio.wait_for(poll, 1)
    assert [u["message"]["text"] for u in body["result"]] == ["three"]

    # allowed_updates is sticky and filters
    last = body["result"][0]["update_id"]
    user.block()  # a my_chat_member update
    _, body = await call(api, "getUpdates", offset=last + 1, allowed_updates=["message"])
    assert body["result"] == [] and len(api.pending_updates()) == 0
    assert api.violations == []


async def test_stop_wakes_a_long_poll(api: BotApiStandin) -> None:
    poll = asyncio.create_task(call(api, "getUpdates", timeout=30))
    await asyncio.sleep(0.05)
    await api.stop()
    _, body = await asyncio.wait_for(poll, 2)
    assert body == {"ok": True, "result": []}


async def test_multipart_upload_and_faults(api: BotApiStandin) -> None:
    user = api.add_chat(1001)
    form = aiohttp.FormData()
    form.add_field("chat_id", "1001")
    form.add_field("caption", "<i>your diary</i>")
    form.add_field("parse_mode", "HTML")
    form.add_field("document", b"night,severity\n", filename="diary.csv", content_type="text/csv")
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.url}/bot{TOKEN}/sendDocument", data=form) as resp,
    ):
        body = await resp.json()
    assert body["result"]["document"]["file_name"] == "diary.csv"
    assert user.last.document_bytes == b"night,severity\n"
    assert (user.last_text, user.last_html) == ("your diary", "<i>your diary</i>")

    api.set_fault("sendMessage", "retry_after", retry_after=3)
    status, body = await call(api, "sendMessage", chat_id=1001, text="hi")
    assert (status, body["parameters"]) == (429, {"retry_after": 3})
    status, _ = await call(api, "sendMessage", chat_id=1001, text="hi")
    assert status == 200 and api.violations == []


async def test_json_body_blocked_user_and_webhook_conflict(api: BotApiStandin) -> None:
    user = api.add_chat(1001)
    payload = {
        "chat_id": 1001,
        "text": "hi",
        "reply_markup": _kb({"text": "A", "url": "https://x.org"}),
    }
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.url}/bot{TOKEN}/sendMessage", json=payload) as resp,
    ):
        assert (await resp.json())["result"]["reply_markup"] == payload["reply_markup"]
    assert user.last.buttons[0][0].url == "https://x.org"

    user.block()
    status, body = await call(api, "sendMessage", chat_id=1001, text="still there?")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    assert api.violations == []  # the bot must cope with it; it is no breach

    await call(api, "setWebhook", url="https://example.org/hook")
    status, body = await call(api, "getUpdates")
    assert status == 409 and "webhook is active" in body["description"]
    assert len(api.violations) == 1


async def test_two_pollers_at_once_conflict(api: BotApiStandin) -> None:
    first = asyncio.create_task(call(api, "getUpdates", timeout=5))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(call(api, "getUpdates", timeout=0))
    status, body = await asyncio.wait_for(first, 2)
    assert status == 409 and "terminated by other getUpdates" in body["description"]
    assert (await second)[0] == 200
    assert "two bots polling" in api.violations[0]


async def test_silence_is_reported_clearly(api: BotApiStandin) -> None:
    api.reply_timeout = 0.2
    user = api.user(1001, "Ana")
    with pytest.raises(AssertionError, match="never fetched by getUpdates"):
        await user.send("anyone there?")


async def test_group_privacy_mode_hides_plain_chatter(api: BotApiStandin) -> None:
    ana = api.user(1001, "Ana")
    group = api.group(-500, "RLS friends", member=ana)
    assert await group.send("just chatting", wait=False) == []
    with pytest.raises(AssertionError, match="privacy mode"):
        await group.send("just chatting")
    await group.command("/start", wait=False)
    assert len(api.pending_updates()) == 1


# ---------------------------------------------------------------- a real PTB Application


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Skip", callback_data="q1:skip")],
            [InlineKeyboardButton("7", callback_data="q1:7")],
        ]
    )
    await update.effective_message.reply_text(
        "<b>1/8</b> How restless were your legs?", parse_mode="HTML", reply_markup=keyboard
    )


async def _button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.edit_message_text(
        f"Noted: <code>{html.escape(query.data)}</code>", parse_mode="HTML"
    )
    await query.answer("Saved")


async def _echo_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Downloads the user's photo (getFile + file URL) and sends it back as a document."""
    message = update.effective_message
    assert message is not None
    photo = await message.photo[-1].get_file()
    data = bytes(await photo.download_as_bytearray())
    await message.reply_text(f"got {len(data)} bytes")
    await message.reply_document(
        data, filename="back.jpg", caption="<i>here</i>", parse_mode="HTML"
    )


async def run_bot(standin: BotApiStandin) -> Application:  # type: ignore[type-arg]
    app = (
        ApplicationBuilder()
        .application_class(TrackedApplication)
        .token(TOKEN)
        .base_url(f"{standin.url}/bot")
        .base_file_url(f"{standin.url}/file/bot")
        .build()
    )
    app.add_handler(CommandHandler("start", _start))
    app.add_handler(CallbackQueryHandler(_button))
    app.add_handler(MessageHandler(filters.PHOTO, _echo_photo))
    await app.initialize()
    await app.bot.set_my_commands([("start", "Begin")])
    await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))  # type: ignore[union-attr]
    await app.start()
    return app


async def stop_bot(app: Application) -> None:  # type: ignore[type-arg]
    await app.updater.stop()  # type: ignore[union-attr]
    await app.stop()
    await app.shutdown()


async def test_real_application_round_trip_and_restart(api: BotApiStandin) -> None:
    app = await run_bot(api)
    try:
        assert api.commands == [{"command": "start", "description": "Begin"}]
        user = api.user(1001, "Ana")
        replies = await user.command("/start")
        assert [r.method for r in replies] == ["sendMessage"]
        assert user.last_text == "1/8 How restless were your legs?"
        assert user.last_html.startswith("<b>1/8</b>")
        assert user.last_buttons == [["Skip"], ["7"]]

        with pytest.raises(AssertionError, match=r"buttons: \[\['Skip'\], \['7'\]\]"):
            await user.tap("Nope")
        replies = await user.tap("Skip")
        assert [r.method for r in replies] == ["editMessageText", "answerCallbackQuery"]
        assert user.last_text == "Noted: q1:skip" and user.last.edits == 1
        assert replies.toast == "Saved" and "Noted" in replies
        assert len(user.messages) == 1 and user.last_buttons == []

        replies = await user.send_photo(b"12345")
        assert replies.texts == ["got 5 bytes", "here"]
        assert (user.last.document_bytes, user.last.filename) == (b"12345", "back.jpg")
    finally:
        await stop_bot(app)

    # a restarted bot gets only what it has not confirmed yet
    mark = user.mark()
    await user.command("/start", wait=False)
    app = await run_bot(api)
    try:
        replies = await user.wait_for_reply(mark)
        assert replies.texts == ["1/8 How restless were your legs?"]
        await api.wait_idle()
        assert len(api.calls_to("sendMessage")) == 3
    finally:
        await stop_bot(app)
    assert len(api.pending_updates()) == 0
    assert api.violations == []


async def test_more_than_eight_buttons_in_a_row_are_refused(api: BotApiStandin) -> None:
    api.add_chat(1001)
    row = [{"text": str(i), "callback_data": f"x:{i}"} for i in range(9)]
    status, body = await call(
        api, "sendMessage", chat_id=1001, text="hi", reply_markup={"inline_keyboard": [row]}
    )
    assert (status, body["description"]) == (400, "Bad Request: too many buttons in a row")
    status, _ = await call(
        api,
        "sendMessage",
        chat_id=1001,
        text="hi",
        reply_markup={"inline_keyboard": [row[:8], row[8:]]},
    )
    assert status == 200


async def test_a_command_addressed_to_another_bot_is_not_delivered(api: BotApiStandin) -> None:
    ana = api.user(1001, "Ana")
    group = api.group(-500, "RLS friends", member=ana)
    await group.command("/help@other_bot", wait=False)
    assert api.pending_updates() == []
    await group.command("/help@Stillnight_Test_Bot", wait=False)
    assert len(api.pending_updates()) == 1


# ---------------------------------------------------------------- the error contract

Provoke = Callable[[BotApiStandin], Awaitable[tuple[int, dict[str, Any]]]]


async def _sent_id(api: BotApiStandin, chat_id: int, **params: Any) -> int:
    _, body = await call(api, "sendMessage", chat_id=chat_id, text="hello", **params)
    return int(body["result"]["message_id"])


async def _blocked(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001).block()
    return await call(api, "sendMessage", chat_id=1001, text="still there?")


async def _cant_initiate(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.user(7, "Silent")
    return await call(api, "sendMessage", chat_id=7, text="hi")


async def _not_a_member(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.group(-100)
    await call(api, "leaveChat", chat_id=-100)
    return await call(api, "sendMessage", chat_id=-100, text="hi")


async def _not_modified(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    mid = await _sent_id(api, 1001)
    return await call(api, "editMessageText", chat_id=1001, message_id=mid, text="hello")


async def _edit_not_found(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    return await call(api, "editMessageText", chat_id=1001, message_id=99, text="x")


async def _cant_edit(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.track_handling = False
    user = api.user(1001, "Ana", started=True)
    await user.send("my own words", wait=False)
    mid = max(user.state.messages)
    return await call(api, "editMessageText", chat_id=1001, message_id=mid, text="yours now")


async def _delete_not_found(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    return await call(api, "deleteMessage", chat_id=1001, message_id=99)


async def _cant_delete(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.track_handling = False
    member = api.user(5, "Member")
    group = api.group(-100, member=member)
    await group.send("a member's message", wait=False)
    mid = max(group.state.messages)
    return await call(api, "deleteMessage", chat_id=-100, message_id=mid)


async def _reply_not_found(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    return await call(api, "sendMessage", chat_id=1001, text="re", reply_to_message_id=99)


async def _button_data_invalid(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    markup = _kb({"text": "A", "callback_data": "x" * 65})
    return await call(api, "sendMessage", chat_id=1001, text="pick", reply_markup=markup)


async def _fault(api: BotApiStandin, kind: str) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    api.set_fault("sendMessage", kind, retry_after=7)
    return await call(api, "sendMessage", chat_id=1001, text="hi")


async def _conflict_polling(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    first = asyncio.create_task(call(api, "getUpdates", timeout=5))
    await asyncio.sleep(0.05)
    await call(api, "getUpdates", timeout=0)
    return await first


async def _conflict_webhook(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    await call(api, "setWebhook", url="https://example.org/hook")
    return await call(api, "getUpdates")


async def _entity_too_large(api: BotApiStandin) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    form = aiohttp.FormData()
    form.add_field("chat_id", "1001")
    form.add_field("photo", b"\0" * (10 * 1024 * 1024 + 1), filename="big.jpg")
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.url}/bot{TOKEN}/sendPhoto", data=form) as resp,
    ):
        return resp.status, await resp.json()


async def _to(api: BotApiStandin, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
    api.add_chat(1001)
    return await call(api, method, **params)


PROVOKE: dict[str, tuple[Provoke, dict[str, Any]]] = {
    "unauthorized": (lambda api: call(api, "getMe", token="999:WRONG"), {}),
    "not_found": (lambda api: call(api, "sendTelepathy", chat_id=1), {}),
    "blocked": (_blocked, {}),
    "cant_initiate": (_cant_initiate, {}),
    "not_a_member": (_not_a_member, {"chat_type": "group"}),
    "chat_not_found": (lambda api: call(api, "sendMessage", chat_id=42, text="hi"), {}),
    "chat_id_empty": (lambda api: call(api, "sendMessage", text="hi"), {}),
    "text_empty": (lambda api: _to(api, "sendMessage", chat_id=1001, text="   "), {}),
    "message_too_long": (lambda api: _to(api, "sendMessage", chat_id=1001, text="x" * 4097), {}),
    "caption_too_long": (
        lambda api: _to(api, "sendDocument", chat_id=1001, caption="x" * 1025, document="f"),
        {},
    ),
    "not_modified": (_not_modified, {}),
    "edit_not_found": (_edit_not_found, {}),
    "cant_edit": (_cant_edit, {}),
    "delete_not_found": (_delete_not_found, {}),
    "cant_delete": (_cant_delete, {}),
    "reply_not_found": (_reply_not_found, {}),
    "query_too_old": (lambda api: call(api, "answerCallbackQuery", callback_query_id="x1"), {}),
    "button_data_invalid": (_button_data_invalid, {}),
    "too_many_requests": (lambda api: _fault(api, "retry_after"), {"retry_after": 7}),
    "conflict_polling": (_conflict_polling, {}),
    "conflict_webhook": (_conflict_webhook, {}),
    "entity_too_large": (_entity_too_large, {}),
    "internal_server_error": (lambda api: _fault(api, "server_error"), {}),
    "bad_gateway": (lambda api: _fault(api, "bad_gateway"), {}),
}


def test_every_error_of_the_contract_is_provoked_by_a_test() -> None:
    assert set(PROVOKE) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(PROVOKE))
async def test_the_standin_answers_each_error_as_the_contract_says(
    api: BotApiStandin, name: str
) -> None:
    """Code, description and parameters as Telegram documents them, from the contract file
    (which the stand-in builds its errors from: one source)."""
    provoke, fields = PROVOKE[name]
    status, body = await provoke(api)
    entry = CONTRACT[name]
    expected: dict[str, Any] = {
        "ok": False,
        "error_code": entry["error_code"],
        "description": entry["description"].format(**fields),
    }
    if "parameters" in entry:
        expected["parameters"] = {"retry_after": fields["retry_after"]}
    assert (status, body) == (entry["error_code"], expected)


# ---------------------------------------------------------------- closer to Telegram


async def test_more_than_100_entities_are_accepted_but_those_past_the_100th_are_lost(
    api: BotApiStandin,
) -> None:
    """Telegram answers ok and drops the formatting past the 100th entity, without an error:
    the stand-in does the same and lists it as a violation (the text is not shown as meant)."""
    user = api.add_chat(1001)
    status, _ = await call(
        api, "sendMessage", chat_id=1001, text="<b>x</b> " * 100, parse_mode="HTML"
    )
    assert status == 200 and api.violations == []
    status, body = await call(
        api, "sendMessage", chat_id=1001, text="<b>x</b> " * 101, parse_mode="HTML"
    )
    assert status == 200 and len(body["result"]["entities"]) == 100
    assert len(user.last.entities) == 100
    [violation] = api.violations
    assert "101 entities" in violation


async def test_a_tap_answered_after_15_seconds_is_too_old(api: BotApiStandin) -> None:
    api.track_handling = False  # no PTB Application here: this test plays the bot by hand
    now = [1000.0]
    api.now = lambda: now[0]
    user = api.user(1001, "Ana", started=True)
    markup = _kb({"text": "A", "callback_data": "a"})
    await call(api, "sendMessage", chat_id=1001, text="pick", reply_markup=markup)
    for wait, status in ((15.0, 200), (15.1, 400)):
        tapping = asyncio.create_task(user.tap("A", wait=False))
        await tapping
        cb = api.callback_queries()[-1]
        now[0] += wait
        code, body = await call(api, "answerCallbackQuery", callback_query_id=cb.id)
        assert code == status
        assert cb.too_late is (status == 400)
    assert body["description"] == CONTRACT["query_too_old"]["description"]
    assert api.violations == [], "a slow answer is for the bot to cope with, not a breach"


def test_sending_limits_are_telegrams_by_default() -> None:
    assert SendLimits().per_chat_seconds is None, "per chat: only when a test asks for it"
    limits = SendLimits(per_chat_seconds=1.0)

    def send(chat_id: int, at: float, group: bool = False) -> int | None:
        try:
            limits.check("sendMessage", chat_id, None, at, group=group)
        except ApiError as err:
            assert err.code == 429 and not err.violation
            return err.retry_after
        return None

    # one private chat: a burst of 20, then one a second
    assert [send(1, 0.0) for _ in range(20)] == [None] * 20
    assert send(1, 0.0) == 1
    assert send(1, 1.0) is None and send(1, 1.0) == 1
    # a group: 20 a minute, even at one a second
    assert [send(-100, 10.0 + 1.1 * n, group=True) for n in range(20)] == [None] * 20
    assert send(-100, 32.0, group=True) == 38  # the first of the 20 leaves the minute at 70 s
    assert send(-100, 70.1, group=True) is None
    # overall: 30 a second across chats
    assert [send(1000 + n, 100.0) for n in range(30)] == [None] * 30
    assert send(2000, 100.5) == 1


async def test_a_message_can_be_deleted_for_48_hours_one_or_many_at_once(
    api: BotApiStandin,
) -> None:
    user = api.add_chat(1001)
    later = [0.0]
    api.wall = lambda: 1_800_000_000.0 + later[0]
    old = await _sent_id(api, 1001)
    later[0] = 47 * 3600.0
    recent = [await _sent_id(api, 1001) for _ in range(2)]
    later[0] = 48 * 3600.0
    status, body = await call(api, "deleteMessage", chat_id=1001, message_id=old)
    assert (status, body["description"]) == (400, CONTRACT["cant_delete"]["description"])
    api.violations.clear()
    status, _ = await call(api, "deleteMessages", chat_id=1001, message_ids=[old, *recent, 99])
    assert status == 200, "those it can't delete (too old, not found) are skipped"
    assert {m.message_id: m.deleted for m in user.state.messages.values()} == {
        old: False,
        recent[0]: True,
        recent[1]: True,
    }
    status, _ = await call(api, "deleteMessages", chat_id=1001, message_ids=list(range(1, 102)))
    assert status == 400 and "1-100" in api.violations[-1]
