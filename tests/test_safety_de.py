"""German safety phrases: natural German (typos and missing umlauts included) that must match,
and ordinary RLS talk that must match none of them."""

from __future__ import annotations

import re

import pytest

from bot.faq.safety_de import CRISIS, DOSING, OVERDOSE, RED_FLAG, fold

PATTERNS = {"crisis": CRISIS, "overdose": OVERDOSE, "red_flag": RED_FLAG, "dosing": DOSING}

CRISIS_TEXTS = [
    "Ich habe Suizidgedanken",
    "ich denke an selbstmord",
    "manchmal bin ich einfach lebensmüde",
    "ich bin so lebensmuede",
    "ich will nicht mehr leben",
    "ich moechte nicht mehr leben mit diesen beinen",
    "Ich will einfach nur noch sterben",
    "ich möcht am liebsten tot sein",
    "ich werde mich umbringen",
    "ich will mich umbringen",
    "ich habe daran gedacht, mir das Leben zu nehmen",
    "ich will mir was antun",
    "Ich ritze mich wieder",
    "ich hoffe, ich wache morgen nicht mehr auf",
    "ich will einschlafen und nie wieder aufwachen",
    "das Leben hat keinen Sinn mehr",
    "alle wären besser dran ohne mich",
    "ich fühle mich total hoffnungslos",
    "ich überlege, alle meine Tabletten auf einmal zu nehmen",
    "ich wäre lieber tot",
    "ich will mich selbst verletzen",
    "Ich wünschte, ich wäre tot",
    "Ich will einfach nicht mehr.",
]

OVERDOSE_TEXTS = [
    "ich habe zu viele Tabletten genommen",
    "hab aus versehen meine Abendtablette zweimal genommen",
    "Ich habe versehentlich doppelt Pramipexol genommen",
    "ich habe die ganze Packung Pregabalin geschluckt",
    "mein Sohn hat meine Tabletten geschluckt",
    "unsere Tochter hat ein paar Pillen gegessen",
    "das Kind hat Ropinirol verschluckt",
    "ich hab eine Überdosis genommen",
    "ich glaube ich habe mich ueberdosiert",
    "habe zu viel von meinem gabapentin eingenommen",
    "Ich habe aus Versehen zwei Pflaster aufgeklebt, also doppelt",
    "mein Enkel hat Tabletten erwischt und geschluckt",
    "ich habe drei Tabletten statt einer genommen",
]

RED_FLAG_TEXTS = [
    "meine linke Wade ist geschwollen und tut weh",
    "Ein Bein ist dick angeschwollen",
    "die wade ist rot, heiss und tut weh",
    "Mein rechter Unterschenkel ist gerötet und schmerzt",
    "meine wade ist ueberwaermt und rot, nur auf einer seite",
    "plötzlich ist mein Arm ganz taub",
    "auf einmal Taubheit im Bein, ganz plötzlich",
    "mein Bein ist plötzlich schwach geworden",
    "ich habe Schmerzen in der Brust",
    "ich bekomme keine Luft",
    "ich habe Atemnot",
    "Seit gestern kann ich meine Blase nicht mehr kontrollieren und die Beine kribbeln",
    "ich habe die kontrolle über meinen darm verloren",
    "Druck auf der Brust und die Beine zucken",
    "plotzlich schwache beine",
]

DOSING_TEXTS = [
    "Wie viel Pramipexol soll ich nehmen?",
    "Soll ich meine Dosis erhöhen?",
    "Kann ich Ropinirol einfach absetzen?",
    "Darf ich das Pflaster halbieren?",
    "soll ich mit gabapentin anfangen",
    "Wie viel mg Pregabalin sind normal?",
    "Soll ich von Ropinirol auf Pregabalin umsteigen?",
    "Ist es ok, heute eine Tablette mehr zu nehmen?",
    "Was soll ich gegen die Beine nehmen?",
    "Welche Dosis Eisen ist richtig?",
    "kann ich 0,25 mg statt 0,125 nehmen",
    "wieviel magnesium sollte ich einnehmen?",
    "Sollte ich die Tabletten lieber früher nehmen?",
]

ORDINARY = [
    "meine Beine bringen mich um",
    "ich bin todmüde",
    "ich sterbe vor Müdigkeit",
    "Die Beine bringen mich heute noch um",
    "Ich halte es kaum aus, die Beine kribbeln so",
    "ich kann nicht mehr still sitzen",
    "Was ist RLS?",
    "Hilft Magnesium bei unruhigen Beinen?",
    "Was ist Augmentation?",
    "Warum ist es nachts schlimmer?",
    "habe um 22 Uhr 0,25 mg Pramipexol genommen",
    "Wie wirkt Pregabalin?",
    "Welche Medikamente können RLS verschlimmern?",
    "Ist RLS erblich?",
    "meine Füße brennen und kribbeln abends",
    "Ich musste dreimal aufstehen und herumlaufen",
    "Es ist zum Verrücktwerden mit den Beinen",
    "ich habe alle meine Medikamente genommen",
    "wie hoch sollte mein Ferritinwert sein?",
    "ein warmes Bad hilft gegen die Schmerzen in den Beinen",
    "Ich bin nicht suizidal, nur müde",
    "Ich sterbe fast vor Kribbeln",
    "Die Wade krampft nachts",
    "Meine Beine zucken im Schlaf, sagt mein Mann",
    "Wie oft soll ich den Check-in machen?",
    "das kribbeln ist plötzlich weg",
    "todmuede heute",
    "Mein Sohn hat seine Tabletten genommen",
    "Soll ich mit dem Kaffee aufhören?",
    "Hilft Eisen?",
    "Ich will nur noch schlafen",
    "Wann sollte ich das Schlaftagebuch ausfüllen?",
    "Ich kann nicht mehr, die Beine zappeln seit Stunden",
    "Ich will nicht mehr aufstehen müssen, um herumzulaufen",
]


def _matches(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(fold(text)) is not None


@pytest.mark.parametrize("text", CRISIS_TEXTS)
def test_crisis(text: str) -> None:
    assert _matches(CRISIS, text)


@pytest.mark.parametrize("text", OVERDOSE_TEXTS)
def test_overdose(text: str) -> None:
    assert _matches(OVERDOSE, text)


@pytest.mark.parametrize("text", RED_FLAG_TEXTS)
def test_red_flag(text: str) -> None:
    assert _matches(RED_FLAG, text)


@pytest.mark.parametrize("text", DOSING_TEXTS)
def test_dosing(text: str) -> None:
    assert _matches(DOSING, text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_rls_talk_matches_nothing(text: str) -> None:
    assert [name for name, p in PATTERNS.items() if _matches(p, text)] == []


def test_fold() -> None:
    assert fold("  Straße\u00a0 MÜDE ") == "strasse müde"
