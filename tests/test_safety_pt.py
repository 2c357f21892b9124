"""The Brazilian Portuguese safety phrases: what each must catch, typos and missing accents
included, and ordinary RLS talk that must match none of them."""

import re
import unicodedata

import pytest

from bot.faq.safety_pt import CRISIS, DOSING, OVERDOSE, RED_FLAG

PATTERNS = {"crisis": CRISIS, "overdose": OVERDOSE, "red_flag": RED_FLAG, "dosing": DOSING}


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def matching(text: str) -> set[str]:
    return {name for name, pattern in PATTERNS.items() if pattern.search(fold(text))}


CRISIS_SAID = [
    "quero me matar",
    "to pensando em suicidio",
    "às vezes penso em me matar",
    "não quero mais viver",
    "nao aguento mais viver assim",
    "queria morrer",
    "tenho vontade de me cortar",
    "a vida não vale mais a pena",
    "não tenho mais motivo pra viver",
    "quero dormir e nao acordar mais",
    "seria melhor se eu morresse",
    "ninguem sentiria minha falta",
    "vou tomar todos os comprimidos de uma vez",
    "to sem esperança nenhuma",
    "penso em tirar minha propria vida",
    "quero acabar com tudo",
    "tenho pensamentos suicidas",
    "cansada de viver com isso",
    "quero sumir para sempre",
    "me cortei de proposito",
    "vou me jogar da ponte",
    "não quero mais acordar",
]
OVERDOSE_SAID = [
    "tomei remédio demais",
    "tomei 3 comprimidos a mais de pramipexol",
    "acho que tomei gabapentina em dobro sem querer",
    "meu filho engoliu uns comprimidos meus",
    "minha filha de 3 anos comeu as pilulas do meu pramipexol",
    "tomei a cartela inteira",
    "tomei duas doses por engano",
    "dobrei a dose sem querer",
    "tomei por engano o remedio duas vezes",
    "o bebê mastigou um adesivo de rotigotina",
    "tomei todos os comprimidos que tinha",
    "acho que tive uma overdose",
    "engoli varios comprimidos de clonazepam",
]
RED_FLAG_SAID = [
    "minha panturrilha esquerda está inchada e doendo",
    "a batata da perna direita ta vermelha quente e doendo",
    "perna inchada de um lado só",
    "de repente fiquei com a perna fraca",
    "do nada a minha perna ficou dormente e não consigo mexer",
    "estou com dor no peito",
    "sinto falta de ar quando deito",
    "nao consigo respirar direito",
    "perdi o controle da bexiga e as pernas estão formigando",
    "fiz xixi sem perceber e minhas pernas tao dormentes",
    "inchaço no tornozelo esquerdo",
    "minha boca ficou torta",
    "aperto no peito e as pernas agitadas",
]
DOSING_SAID = [
    "quantos mg de pramipexol posso tomar?",
    "quanto de gabapentina eu devo tomar",
    "qual a dose certa de ropinirol?",
    "posso aumentar a dose?",
    "devo parar o ropinirol?",
    "posso tomar mais um comprimido hoje?",
    "é melhor trocar o pramipexol pela pregabalina?",
    "qual remedio devo tomar pra dormir?",
    "posso parar de tomar a pregabalina",
    "devo começar a tomar ferro?",
    "quantos comprimidos posso tomar por dia",
    "o que eu devo tomar para as pernas?",
    "posso dobrar a dose de gabapentina?",
    "me indica um remédio",
    "qual o melhor horário para tomar o ropinirol?",
    "posso tomar café com ropinirol?",
    "quantas vezes por dia posso tomar a gabapentina",
]
# Ordinary RLS talk, and records rather than questions: none of the patterns.
ORDINARY = [
    "minhas pernas estão me matando",
    "to morto de cansaço",
    "morrendo de sono",
    "essas pernas vão me matar hoje",
    "nao aguento mais essa agonia nas pernas",
    "tomei café demais hoje à tarde",
    "minhas pernas estão quentes e formigando",
    "sinto uma queimação na panturrilha",
    "tomei 0,25 mg de pramipexol às 22h",
    "dormi mal, acordei umas cinco vezes",
    "a dor na perna me acorda de madrugada",
    "parei de tomar café à noite",
    "posso tomar chá de camomila?",
    "o que é ferritina?",
    "a síndrome das pernas inquietas é genética?",
    "minha perna mexe sozinha a noite toda",
    "estou morrendo de vontade de dormir",
    "achei que ia morrer de tanto mexer as pernas",
    "levantei para andar três vezes",
    "as pernas doem e ficam vermelhas de tanto coçar",
    "meu marido disse que eu chuto a noite toda",
    "tenho dormência nas pernas quando deito",
    "quero morrer de rir com esse bot",
    "tomei ropinirol às 21h e ajudou um pouco",
    "que remédios pioram a SPI?",
    "me mata essa coceira nas pernas",
    "quero dormir",
    "fiquei sem fôlego de tanto andar no corredor",
    "tomei dois comprimidos de ferro hoje",
    "devo tomar banho quente antes de dormir?",
    "quero parar de acordar de madrugada",
    "tomei vários remédios hoje",
]


@pytest.mark.parametrize("text", CRISIS_SAID)
def test_crisis(text: str) -> None:
    assert matching(text) == {"crisis"}


@pytest.mark.parametrize("text", OVERDOSE_SAID)
def test_overdose(text: str) -> None:
    assert matching(text) == {"overdose"}


@pytest.mark.parametrize("text", RED_FLAG_SAID)
def test_red_flag(text: str) -> None:
    assert matching(text) == {"red_flag"}


@pytest.mark.parametrize("text", DOSING_SAID)
def test_dosing(text: str) -> None:
    assert matching(text) == {"dosing"}


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_rls_talk_matches_nothing(text: str) -> None:
    assert matching(text) == set()


def test_accents_are_optional() -> None:
    for accented, plain in (
        ("não quero mais viver", "nao quero mais viver"),
        ("tomei remédio demais", "tomei remedio demais"),
        ("dor no peito e falta de ar", "dor no peito e falta de ar"),
        ("qual a dose máxima de pregabalina?", "qual a dose maxima de pregabalina?"),
    ):
        assert matching(accented) == matching(plain) != set()


def test_the_patterns_are_compiled_regexes() -> None:
    assert all(isinstance(p, re.Pattern) for p in PATTERNS.values())


def test_enough_cases() -> None:
    assert min(map(len, (CRISIS_SAID, OVERDOSE_SAID, RED_FLAG_SAID, DOSING_SAID))) >= 10
    assert len(ORDINARY) >= 15
