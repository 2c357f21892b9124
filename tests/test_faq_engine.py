"""Unit tests of the FAQ engine: safety, matching outcomes, topic texts and the CLI."""

from __future__ import annotations

import io
import json
import re
import time
from html.parser import HTMLParser

import pytest

from bot.faq import (
    DID_YOU_MEAN,
    Reply,
    Suggestion,
    answer,
    is_followup,
    list_topics,
    safety_reply,
    topic_reply,
)
from bot.faq.cli import run_ask, to_plain
from bot.faq.lines import INTERNATIONAL, LINES, lines_for
from bot.faq.matcher import Index, index
from bot.faq.safety_replies import crisis_reply, dosing_reply, urgent_reply
from bot.faq.sources import AASM, ARTICLE, FDA, MHRA, MNT, NHS, PAPER
from bot.faq.topics import BY_ID
from bot.faq.types import Topic
from bot.i18n import texts_for

EN = texts_for("en")
TOPIC_IDS = [s.topic for s in list_topics(EN)]


class _TelegramHTML(HTMLParser):
    """Accepts only what Telegram's HTML mode allows us to use: <b>, <i>, <a href>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"b", "i", "a"}:
            self.errors.append(f"tag <{tag}>")
        if tag == "a" and [name for name, _ in attrs] != ["href"]:
            self.errors.append("<a> needs exactly one href")
        if tag != "a" and attrs:
            self.errors.append(f"attributes on <{tag}>")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")


def assert_telegram_html(text: str) -> None:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed tags {parser.stack}"
    assert not re.search(r"&(?!(amp|lt|gt|quot|#\d+);)", text), "bare & must be &amp;"
    assert len(text) <= 1500


def plain_length(text: str) -> int:
    return len(to_plain(text))


# --- safety: crisis -------------------------------------------------------------------

CRISIS = [
    "i want to die",
    "I WANT TO DIE!!",
    "i wanna kill myself",
    "kill my self",
    "no point living",
    "there's no point in living anymore",
    "i'm going to end it all",
    "feeling suicidel tonight",
    "sucidal thoughts again",
    "i dont want to be alive anymore",
    "life isn't worth living with this",
    "everyone would be better off without me",
    "i just want to sleep and never wake up",
    "thinking about hurting myself",
    "i feel completely hopeless",
    "i want to take all my ropinirole at once",
    "how many gabapentin would it take to not wake up",
    "whats a lethal dose of pramipexole",
    "been saving up my pills for when i cant take it",
    "im not ok, i want to die",
    "i dont want to live anymore",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_gets_help_lines_and_nothing_else(text: str) -> None:
    for reply in (answer(text, EN), safety_reply(text, EN)):
        assert reply is not None
        assert (reply.kind, reply.topic) == ("crisis", "crisis")
        assert reply.suggestions == ()
        for needle in ("112", "999", "911", "988", "116 123", "findahelpline.com"):
            assert needle in reply.text


NOT_CRISIS = [
    "my legs are killing me",
    "this restless legs thing is killing me, what helps",
    "i'm dying for a decent night's sleep",
    "dead tired every morning",
    "i could kill for one night of proper sleep",
    "is restless legs dangerous, can it kill you",
    "i never wake up refreshed",
    "my legs feel dead",
    "short of sleep again",
    "does coffee make it worse",
]


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_everyday_exaggeration_is_not_a_crisis(text: str) -> None:
    assert safety_reply(text, EN) is None
    assert answer(text, EN).kind in {"answer", "no_match"}


# --- safety: red flags ------------------------------------------------------------------

URGENT = [
    "my left calf is swollen and hot",
    "one leg is red and swollen",
    "my calf is red hot and painful",
    "sudden weakness in my leg",
    "my leg suddenly went numb",
    "chest pain and short of breath",
    "i can't breathe properly",
]


@pytest.mark.parametrize("text", URGENT)
def test_red_flags_get_same_day_care(text: str) -> None:
    reply = answer(text, EN)
    assert (reply.kind, reply.topic) == ("crisis", "urgent_care")
    assert reply.text == urgent_reply(EN).text
    assert safety_reply(text, EN) == reply


@pytest.mark.parametrize(
    "text",
    ["my legs feel hot and painful at night", "burning legs", "my legs feel weak at night"],
)
def test_rls_sensations_are_not_red_flags(text: str) -> None:
    assert safety_reply(text, EN) is None


def test_crisis_wins_over_red_flag() -> None:
    assert answer("chest pain and i want to die", EN).topic == "crisis"


# --- safety: dosing ---------------------------------------------------------------------

DOSING = [
    "how much should I take",
    "what dose is right for me?",
    "how much pramipexole should i take",
    "should i stop my pramipexole",
    "can i double my dose",
    "can i switch to gabapentin",
    "is 0.25mg too much",
    "is it ok to stop my antidepressant",
    "how many iron pills should i take",
    "can i take an extra pill",
    "should i come off requip?",
    "whats the max dose of ropinirole",
    "can i drink coffee on ropinirole",
    "what should i take for rls",
]


@pytest.mark.parametrize("text", DOSING)
def test_dosing_is_declined_kindly(text: str) -> None:
    reply = answer(text, EN)
    assert (reply.kind, reply.topic) == ("decline", "dosing")
    assert "pharmacist" in reply.text
    assert not re.search(r"\d\s?mg", reply.text), "a decline must never contain a dose"
    assert_telegram_html(reply.text)
    assert all(s.topic in TOPIC_IDS for s in reply.suggestions)


def test_decline_about_pramipexole_gives_the_guideline_fact() -> None:
    reply = answer("should i stop my pramipexole", EN)
    assert "augmentation" in reply.text
    assert "AASM" in reply.text
    assert "augmentation" in {s.topic for s in reply.suggestions}


@pytest.mark.parametrize(
    "text",
    [
        "i took too much pramipexole",
        "I took 3 extra ropinirole pills, is that ok",
        "accidentally took my gabapentin twice",
        "took 4 requip instead of 1",
        "my toddler swallowed some of my pills",
        "i took an overdose",
    ],
)
def test_an_overdose_taken_gets_emergency_and_poison_lines(text: str) -> None:
    reply = answer(text, EN, lines_for("America/New_York"))
    assert (reply.kind, reply.topic) == ("crisis", "overdose")
    assert "<b>911</b>" in reply.text
    assert "1-800-222-1222" in reply.text  # Poison Control
    assert "988" in reply.text  # in case it was not an accident
    assert "don't change anything" not in reply.text  # not the dose decline
    assert_telegram_html(reply.text)


def test_the_dose_decline_never_talks_of_an_overdose() -> None:
    reply = answer("can i switch to gabapentin", EN)
    assert reply.kind == "decline"
    assert "emergency" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "i'm not suicidal, just tired",
        "dont worry i dont want to die, i just want to sleep",
        "I am not thinking of hurting myself",
        "not hopeless, just fed up",
    ],
)
def test_a_negated_crisis_phrase_still_shows_the_lines_softly(text: str) -> None:
    reply = answer(text, EN, lines_for("Europe/London"))
    assert (reply.kind, reply.topic) == ("crisis", "crisis_negated")
    assert "Samaritans" in reply.text and "findahelpline.com" in reply.text
    assert "sorry you're feeling like this" not in reply.text


@pytest.mark.parametrize(
    ("zone", "needles"),
    [
        ("Europe/Madrid", ("<b>112</b>", "024")),
        ("Australia/Sydney", ("<b>000</b>", "13 11 14")),
        ("America/Toronto", ("<b>911</b>", "988")),
        ("Asia/Kolkata", ("<b>112</b>", "14416")),
    ],
)
def test_crisis_lines_are_the_users_countrys(zone: str, needles: tuple[str, ...]) -> None:
    reply = answer("i want to die", EN, lines_for(zone))
    for needle in (*needles, "findahelpline.com"):
        assert needle in reply.text
    assert "Samaritans" not in reply.text


def test_old_zone_names_find_their_country() -> None:
    assert lines_for("Europe/Kiev") == lines_for("Europe/Kyiv") == LINES["UA"]
    assert lines_for("Asia/Calcutta") == LINES["IN"]
    assert lines_for("US/Eastern") == LINES["US"]


def test_the_lines_say_which_country_they_are_for() -> None:
    text = answer("i want to die", EN, lines_for("Europe/Berlin")).text
    assert "TelefonSeelsorge: <b>0800 111 0 111</b> or <b>0800 111 0 222</b> (Germany)" in text


@pytest.mark.parametrize("zone", [None, "UTC", "Antarctica/Troll", "Asia/Tokyo"])
def test_a_zone_without_lines_gets_the_international_set(zone: str | None) -> None:
    reply = answer("i want to die", EN, lines_for(zone))
    for needle in ("112", "999", "911", "988", "116 123", "findahelpline.com"):
        assert needle in reply.text


def test_every_countrys_replies_are_valid_html() -> None:
    for lines in (*LINES.values(), INTERNATIONAL):
        for text in ("i want to die", "i took too many pills", "my calf is swollen"):
            assert_telegram_html(answer(text, EN, lines).text)


@pytest.mark.parametrize(
    "text",
    [
        "should i stop drinking coffee",
        "can i take a walk to ease it",
        "why do some people need higher and higher doses",
        "does gabapentin help with sleep",
        "is pramipexole a dopamine agonist",
        "my meds fixed the kicking but i still lie awake",
        "can i have another glass of wine",
        "how much sleep should i get",
    ],
)
def test_medicine_talk_that_is_not_a_dosing_question(text: str) -> None:
    assert safety_reply(text, EN) is None


@pytest.mark.parametrize(
    "note", ["took 0.25mg pramipexole at 22:00", "took my usual dose at 9", "gabapentin 300mg"]
)
def test_check_in_notes_recording_medicine_are_not_declined(note: str) -> None:
    assert safety_reply(note, EN) is None


def test_dosing_reply_without_a_named_medicine_has_generic_suggestions() -> None:
    reply = dosing_reply(frozenset(), EN)
    assert [s.topic for s in reply.suggestions] == ["treatments", "see_doctor"]


# --- matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("why cant i sleep even tho my legs stopped", "legs_vs_sleep"),
        ("does coffee make it worse", "triggers"),
        ("does caffine make it worse", "triggers"),
        ("what is glutamte", "glutamate"),
        ("rls", "what_is_rls"),
        ("Restless legs syndrome?", "what_is_rls"),
        ("who led the study", "researchers"),
        ("im pregnent and my legs wont stop", "pregnancy"),
        ("wat ferritin level is ok", "iron"),
        ("are you a doctor", "about_bot"),
    ],
)
def test_casual_questions_find_their_topic(question: str, topic: str) -> None:
    reply = answer(question, EN)
    assert (reply.kind, reply.topic) == ("answer", topic)
    assert reply == topic_reply(topic, EN)


@pytest.mark.parametrize(
    "question",
    ["whats the weather", "tell me a joke", "what is the capital of france", "asdfgh", ""],
)
def test_off_topic_gets_a_kind_no_match_with_topics(question: str) -> None:
    reply = answer(question, EN)
    assert reply.kind == "no_match"
    assert 1 <= len(reply.suggestions) <= 6
    assert all(s.topic in TOPIC_IDS for s in reply.suggestions)
    assert_telegram_html(reply.text)


def test_no_match_does_not_pretend_to_know() -> None:
    reply = answer("does acupuncture help rls", EN)
    assert reply.kind == "no_match"
    assert reply.text.startswith("Sorry")


def test_did_you_mean_offers_close_candidates() -> None:
    reply = answer("why doesnt ropinirole help my sleep", EN)
    assert reply.kind == "no_match"
    assert reply.text.startswith(EN.gettext(DID_YOU_MEAN))
    assert 2 <= len(reply.suggestions) <= 3
    assert reply.topic == reply.suggestions[0].topic
    assert {s.topic for s in reply.suggestions} >= {"legs_vs_sleep", "dopamine_drugs"}
    for s in reply.suggestions:
        assert s.title in to_plain(reply.text)


def test_identical_topics_are_always_ambiguous() -> None:
    def twin(topic_id: str) -> Topic:
        return Topic(topic_id, topic_id, "body", (NHS,), "iron, ferritin", ("iron levels",))

    decision = Index((twin("one"), twin("two"))).decide("ferritin")
    assert decision.outcome == "ambiguous"
    assert set(decision.topics) == {"one", "two"}


def test_typo_repair_keeps_unknown_real_words() -> None:
    assert index().repair("caffine") == "caffeine"
    assert index().repair("dying") == "dying"  # not "lying": first letters must agree


def test_very_long_input_is_fine() -> None:
    reply = answer("coffee " * 5000, EN)
    assert reply.kind in {"answer", "no_match"}


# --- topic texts ------------------------------------------------------------------------


def test_topic_list_is_complete_and_callback_safe() -> None:
    topics = list_topics(EN)
    assert len(topics) >= 25
    assert len(set(TOPIC_IDS)) == len(TOPIC_IDS)
    for s in topics:
        assert isinstance(s, Suggestion)
        assert re.fullmatch(r"[a-z0-9_]{1,24}", s.topic)
        assert 0 < len(s.title) <= 40


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_topic_answer_is_short_valid_and_sourced(topic_id: str) -> None:
    reply = topic_reply(topic_id, EN)
    assert isinstance(reply, Reply)
    assert (reply.kind, reply.topic) == ("answer", topic_id)
    assert_telegram_html(reply.text)
    assert plain_length(reply.text) <= 700
    source_line = reply.text.rsplit("\n", 1)[-1]
    assert source_line.startswith("<i>Source: ")
    assert any(
        EN.gettext(label) in source_line for label in (ARTICLE, PAPER, AASM, NHS, MNT, FDA, MHRA)
    )
    assert all(s.topic in TOPIC_IDS and s.topic != topic_id for s in reply.suggestions)


def test_unknown_topic_raises_key_error() -> None:
    with pytest.raises(KeyError):
        topic_reply("no_such_topic", EN)


def test_dated_article_advice_is_corrected() -> None:
    for topic_id in ("alpha2delta", "dopamine_drugs", "treatments"):
        text = topic_reply(topic_id, EN).text
        assert "AASM" in text and "clinician" in text


def test_study_figures_are_hedged() -> None:
    assert "about 5.5 hours" in topic_reply("sleep_hours", EN).text
    assert "as reported" in topic_reply("sleep_hours", EN).text


def test_safety_texts_are_valid_html() -> None:
    for text in (
        crisis_reply(EN).text,
        urgent_reply(EN).text,
        dosing_reply(frozenset({"dopamine"}), EN).text,
    ):
        assert_telegram_html(text)


# --- CLI ----------------------------------------------------------------------------------


def test_run_ask_plain_prints_text_without_tags() -> None:
    out = io.StringIO()
    assert run_ask("does coffee make it worse", False, io.StringIO(), out) == 0
    printed = out.getvalue()
    assert "Things that can make it worse" in printed
    assert "<b>" not in printed and "<i>" not in printed
    assert "Related:" in printed


def test_run_ask_plain_shows_links_for_crisis() -> None:
    out = io.StringIO()
    run_ask("i want to die", False, io.StringIO(), out)
    assert "findahelpline.com" in out.getvalue()
    assert "<a" not in out.getvalue()


def test_run_ask_json_reads_stdin_line_by_line() -> None:
    questions = ["does coffee make it worse", "", "i want to die", "should i stop my pramipexole"]
    out = io.StringIO()
    assert run_ask("-", True, io.StringIO("\n".join(questions) + "\n"), out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["question"] for r in records] == [q for q in questions if q]
    for record in records:
        assert set(record) == {"question", "kind", "topic", "text"}
        reply = answer(record["question"], EN)
        assert (record["kind"], record["topic"], record["text"]) == (
            reply.kind,
            reply.topic,
            reply.text,
        )
    assert [r["kind"] for r in records] == ["answer", "crisis", "decline"]


def test_run_ask_json_single_question() -> None:
    out = io.StringIO()
    run_ask("what is rls", True, io.StringIO(), out)
    assert json.loads(out.getvalue())["topic"] == "what_is_rls"


# --- speed --------------------------------------------------------------------------------


def test_answer_is_fast() -> None:
    questions = ["why cant i sleep even tho my legs stopped", "caffine?", "i want to die"] * 50
    answer("warm-up", EN)
    start = time.perf_counter()
    for q in questions:
        answer(q, EN)
    mean_ms = (time.perf_counter() - start) * 1000 / len(questions)
    assert mean_ms < 2.0


# --- small talk and follow-ups ------------------------------------------------------------


@pytest.mark.parametrize("text", ["hello", "Hi there!", "good evening", "hey bot"])
def test_greetings_get_a_friendly_reply_with_what_the_bot_does(text: str) -> None:
    reply = answer(text, EN)
    assert (reply.kind, reply.topic) == ("smalltalk", "greeting")
    assert "/faq" in reply.text and "check-in" in reply.text


@pytest.mark.parametrize("text", ["thanks", "thank you so much, that helped", "thx", "cheers"])
def test_thanks_get_a_short_reply(text: str) -> None:
    assert (answer(text, EN).kind, answer(text, EN).topic) == ("smalltalk", "thanks")


@pytest.mark.parametrize("text", ["hi, does coffee make it worse", "thanks, and what about iron"])
def test_a_greeting_with_a_question_is_a_question(text: str) -> None:
    assert answer(text, EN).kind == "answer"


def test_who_are_you_is_about_the_bot() -> None:
    assert answer("who are you", EN).topic == "about_bot"


@pytest.mark.parametrize(
    "text", ["source?", "What's the source for that", "where did you get that", "references"]
)
def test_source_follow_up_names_the_full_references_of_the_last_topic(text: str) -> None:
    reply = answer(text, EN, last_topic="study_method")
    assert (reply.kind, reply.topic) == ("answer", "study_method")
    assert "Neurology" in reply.text and "2028-2034" in reply.text
    assert_telegram_html(reply.text)


@pytest.mark.parametrize("text", ["tell me more", "more please", "why?", "how come", "go on"])
def test_more_and_why_go_to_the_nearest_related_topic(text: str) -> None:
    reply = answer(text, EN, last_topic="iron")
    assert reply.kind == "answer"
    assert reply.topic == BY_ID["iron"].related[0]
    assert reply.text.startswith("More on <b>Iron and ferritin</b>")
    assert_telegram_html(reply.text)


def test_a_follow_up_without_a_last_topic_asks_which_one() -> None:
    reply = answer("source?", EN)
    assert reply.kind == "no_match"
    assert reply.text.startswith("Which topic do you mean?")
    assert reply.suggestions


def test_a_follow_up_with_content_of_its_own_is_matched() -> None:
    assert answer("and for children?", EN, last_topic="iron").topic == "children"
    assert not is_followup("why are nights worse")


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_topic_can_be_followed_up(topic_id: str) -> None:
    for text in ("source?", "tell me more"):
        reply = answer(text, EN, last_topic=topic_id)
        assert reply.kind == "answer"
        assert_telegram_html(reply.text)


def test_a_red_flag_is_never_sent_to_a_poison_centre() -> None:
    """Urgent care for a possible clot or stroke names an urgent-advice line where the
    country has one (NHS 111), never the poison centre an overdose gets."""
    spain, britain = LINES["ES"], LINES["GB"]
    assert spain.poison is not None
    spanish = urgent_reply(EN, spain).text
    assert EN.gettext(spain.poison) not in spanish and EN.gettext(spain.emergency) in spanish
    assert "contact your doctor or an urgent care service today." in spanish
    assert "NHS 111: <b>111</b>" in urgent_reply(EN, britain).text
    assert all(
        lines.advice is None or ("oison" not in lines.advice and "Tox" not in lines.advice)
        for lines in LINES.values()
    )
