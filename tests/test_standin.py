"""The Bot API stand-in itself: its rule checks, its HTTP behaviour, and a real PTB round trip."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import json
from collections.abc import AsyncIterator
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
from stillnight_dev.standin.errors import NOT_MODIFIED
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
    assert (status, body["description"]) == (400, f"Bad Request: {NOT_MODIFIED}")
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
