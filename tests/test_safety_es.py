"""Spanish safety phrases (bot/faq/safety_es.py): natural Spanish, typos and missing accents
included, and ordinary RLS talk that must match none of them."""

from __future__ import annotations

import re

import pytest

from bot.faq.safety_es import CRISIS, DOSING, OVERDOSE, RED_FLAG, fold

PATTERNS: dict[str, re.Pattern[str]] = {
    "crisis": CRISIS,
    "overdose": OVERDOSE,
    "red_flag": RED_FLAG,
    "dosing": DOSING,
}


def matches(text: str) -> set[str]:
    return {name for name, pattern in PATTERNS.items() if pattern.search(fold(text))}


@pytest.mark.parametrize(
    "text",
    [
        "Quiero suicidarme",
        "he pensado en el suicidio",
        "estoy pensando en suisidarme",  # typo
        "me quiero morir",
        "Ya no quiero vivir así",
        "no quiero seguir viviendo",
        "quisiera morirme y no despertar",
        "ojala me muriera esta noche",  # no accent
        "a veces pienso en hacerme daño",
        "la vida no vale la pena",
        "no le veo sentido a la vida",
        "quiero quitarme la vida",
        "voy a tomarme todas las pastillas de golpe",
        "estarian mejor sin mi",
        "quiero dormirme y no despertar",
        "he perdido toda esperanza",
        "quiero acabar con todo",
        "me voy a matar",
        "pienso en autolesionarme",
    ],
)
def test_crisis(text: str) -> None:
    assert CRISIS.search(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "me tomé demasiadas pastillas",
        "creo que me he tomado el doble de la dosis",
        "me tome 4 pastillas de ropinirol en vez de una",
        "Mi hijo se ha tragado unas pastillas",
        "mi niña se comió varias pastillas de hierro",
        "por error me tomé dos veces la pregabalina",
        "sin querer tomé la dosis dos veces",
        "me he pasado con las pastillas",
        "tome toda la caja de gabapentina",
        "me tomé muchas pastillas para dormir",
        "he tomado una sobredosis",
        "mi bebe se trago un comprimido",
    ],
)
def test_overdose(text: str) -> None:
    assert OVERDOSE.search(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "tengo la pantorrilla hinchada y me duele",
        "la pierna izquierda está roja, caliente y me duele mucho",
        "se me ha hinchado el gemelo derecho",
        "De repente no puedo mover el brazo",
        "me noto el brazo entumecido de repente",
        "tengo dolor en el pecho",
        "me falta el aire",
        "me cuesta respirar desde anoche",
        "he perdido el control de la vejiga y me duelen las piernas",
        "me hice pis encima y tengo las piernas raras",
        "debilidad repentina en la pierna",
        "no controlo la orina",
        "tengo la pantorilla inchada",  # typos: one r, no h
    ],
)
def test_red_flag(text: str) -> None:
    assert RED_FLAG.search(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "¿cuánto ropinirol debo tomar?",
        "¿puedo dejar el pramipexol?",
        "¿debería subir la dosis de pregabalina?",
        "que dosis de gabapentina es la correcta",
        "¿cuántas pastillas de hierro puedo tomar al día?",
        "¿es mucho 0,5 mg de pramipexol?",
        "¿puedo tomarme otra pastilla si no me hace efecto?",
        "¿qué puedo tomar para las piernas?",
        "¿me conviene cambiar el ropinirol por gabapentina?",
        "quiero dejar la medicacion, ¿como lo hago?",
        "¿subo la dosis?",
        "¿puedo tomar magnesio con la pregabalina?",
        "me puedes recetar algo",
        "deberia empezar con pregabalina?",
    ],
)
def test_dosing(text: str) -> None:
    assert DOSING.search(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "las piernas me están matando",
        "estoy muerto de cansancio",
        "me muero de sueño",
        "me muero por dormir una noche entera",
        "tomé demasiado café por la tarde",
        "me tomé el ropinirol a las 21:00",
        "tomé 0,25 mg de pramipexol a las 22:00",
        "¿qué es el síndrome de piernas inquietas?",
        "¿cuánto dormían las personas del estudio?",
        "mi pareja dice que doy patadas por la noche",
        "se me durmió la pierna",
        "estoy harto de no dormir",
        "me levanté tres veces a caminar",
        "me duelen las piernas por la noche",
        "me arden las piernas al acostarme",
        "no aguanto más las piernas esta noche",
        "tengo hormigueo en las pantorrillas",
        "¿el hierro ayuda?",
        "esta inquietud me mata",
        "quiero dormir y no puedo",
        "siento como bichos en los muslos",
        "hoy he caminado mucho y me duele la pierna derecha",
        "ayer me tomé dos copas de vino",
        "me hice daño en la rodilla al caminar",
        "dejé el ropinirol hace un mes y estoy mejor",
    ],
)
def test_ordinary_rls_talk_matches_nothing(text: str) -> None:
    assert matches(text) == set()


def test_fold_keeps_accents_and_spacing_is_one() -> None:
    assert fold("  Me   QUIERO  morir ") == "me quiero morir"
    assert fold("Sí") == "sí"
