"""Care as it stands today: what is tried first, devices and other options without
medicines, supplements, and quinine's warning. Written from the 2024 AASM guideline and
regulators' notices in our own words; no doses, no start/stop/switch advice."""

from bot.faq.sources import AASM, ARTICLE, FDA, MHRA, NHS
from bot.faq.types import Topic
from bot.i18n import N_

CARE_TODAY: tuple[Topic, ...] = (
    Topic(
        id="first_line",
        title=N_("What doctors try first today"),
        body=N_(
            "Care now usually goes step by step (AASM guideline, 2024):\n"
            "• look for what feeds it: low iron (a blood test), kidney problems, medicines "
            "that can worsen RLS, caffeine, alcohol\n"
            "• treat low iron, by thresholds higher than for anaemia\n"
            "• habits and options without medicines\n"
            "• if a medicine is needed, an alpha-2-delta drug (gabapentin enacarbil, "
            "gabapentin, pregabalin) is now the usual first choice; dopamine agonists are "
            "no longer advised for routine use\n\n"
            "The 2013 article's 'not yet first-line' is out of date. What fits you is for "
            "you and your clinician to decide."
        ),
        sources=(AASM, ARTICLE),
        keywords=(
            "first line, first line treatment, first choice, first step, try first, "
            "tried first, start with, usual approach, standard care, current care, "
            "still current, today, nowadays, these days, current guideline, approach"
        ),
        examples=(
            "what is the first treatment doctors try",
            "where does treatment start nowadays",
            "what is standard care for rls today",
            "is gabapentin first line now",
            "what is the usual first step for restless legs",
            "is the article's treatment advice still up to date",
        ),
        related=("iron", "alpha2delta", "nondrug"),
    ),
    Topic(
        id="nondrug",
        title=N_("Devices and options without medicines"),
        body=N_(
            "Besides habits and self-help, a few devices have been studied:\n"
            "• a band worn below the knee that stimulates a nerve in the lower leg "
            "(peroneal nerve stimulation, or tonic motor activation): the AASM guideline "
            "(2024) suggests it for some adults; it needs a prescription\n"
            "• pneumatic compression, sleeves that inflate and squeeze the legs: helped in "
            "a small trial and is sometimes offered\n"
            "• ordinary compression socks, vibrating pads and similar gadgets: little good "
            "evidence either way\n\n"
            "They can be worth asking about if medicines don't suit you. Your clinician "
            "can say whether one fits."
        ),
        sources=(AASM,),
        keywords=(
            "device, devices, gadget, compression, compression socks, compression "
            "stockings, pneumatic compression, sleeves, nerve stimulation, peroneal, "
            "tonic motor activation, tomac, nidra, vibrating pad, vibration, tens, "
            "without medicine, non drug, drug free, alternative treatment"
        ),
        examples=(
            "do compression stockings help restless legs",
            "is there a machine that helps rls",
            "treatment without drugs",
            "what is tonic motor activation",
            "does a vibrating pad work",
            "alternatives to medication for rls",
        ),
        related=("self_help", "first_line", "supplements"),
    ),
    Topic(
        id="supplements",
        title=N_("Magnesium, vitamin D, supplements"),
        body=N_(
            "What the evidence says, in short:\n"
            "• iron helps when iron is low, so it is taken after a blood test, as your "
            "clinician advises (see the iron topic)\n"
            "• magnesium: widely tried, but trials have not shown that it helps RLS, and "
            "the AASM guideline (2024) does not recommend it\n"
            "• vitamin D: low levels go with RLS in some studies and small trials are "
            "mixed; a blood test shows whether you are short of it\n"
            "• valerian, CBD and herbal mixes: too little evidence; the guideline advises "
            "against valerian\n\n"
            "Supplements can interact with medicines, so ask a pharmacist before you add "
            "one."
        ),
        sources=(AASM,),
        keywords=(
            "supplement, supplements, magnesium, vitamin, vitamins, vitamin d, vitamin b, "
            "b12, folate, folic acid, vitamin c, valerian, cbd, herbal, herb, zinc, "
            "potassium, over the counter, evidence, does it work"
        ),
        examples=(
            "does magnesium work for restless legs",
            "is vitamin d good for rls",
            "which vitamins help restless legs",
            "herbal remedy for rls",
            "should i take a supplement",
            "magnesium spray or tablets",
        ),
        related=("iron", "quinine", "self_help"),
    ),
    Topic(
        id="quinine",
        title=N_("Quinine and tonic water"),
        body=N_(
            "Quinine is not a treatment for RLS, and it is not safe to take on your own. "
            "The US and UK medicines regulators warn that quinine tablets can cause "
            "serious, sometimes life-threatening, blood, heart-rhythm and allergic "
            "reactions, and advise against them for leg cramps except in rare cases a "
            "doctor watches over.\n\n"
            "Tonic water holds only a little quinine: it won't treat RLS, and a late "
            "drink can disturb sleep. Cramps (a hard, painful muscle) and RLS (an urge to "
            "move, eased by moving) are different things; a doctor can help tell them "
            "apart."
        ),
        sources=(FDA, MHRA),
        keywords=("quinine, tonic, tonic water, gin and tonic, schweppes, cramp tablets, cramps"),
        examples=(
            "does tonic water help restless legs",
            "is quinine safe for rls",
            "quinine for leg cramps at night",
            "my friend said drink tonic water",
        ),
        related=("supplements", "symptoms", "see_doctor"),
    ),
    Topic(
        id="medicines_worse",
        title=N_("Medicines that can make RLS worse"),
        body=N_(
            "Some medicines can bring RLS on or make it worse:\n"
            "• sedating antihistamines, in allergy, cold and night-time sleep remedies "
            "(diphenhydramine, for one)\n"
            "• some antidepressants, such as SSRIs (sertraline, citalopram and others) "
            "and mirtazapine\n"
            "• antipsychotics, and anti-sickness drugs that block dopamine "
            "(metoclopramide, for one)\n\n"
            "Not everyone reacts, and these medicines matter for other reasons. If your "
            "legs got worse after starting one, tell whoever prescribed it: there may be "
            "another option. Never stop a prescribed medicine on your own."
        ),
        sources=(NHS, AASM),
        keywords=(
            "antihistamine, antihistamines, antidepressant, antidepressants, ssri, sertraline, "
            "citalopram, fluoxetine, mirtazapine, antipsychotic, anti sickness, "
            "metoclopramide, benadryl, diphenhydramine, sleeping pill, sleeping tablets, "
            "allergy tablets, depression medication, side effect, medicines that worsen rls, "
            "medications that make it worse"
        ),
        examples=(
            "can medication cause restless legs",
            "which drugs make rls worse",
            "my allergy pill makes my legs restless",
            "antidepressant and restless legs",
            "started sertraline and now my legs are bad",
            "do sleeping tablets make rls worse",
        ),
        related=("triggers", "see_doctor", "augmentation"),
    ),
    Topic(
        id="children",
        title=N_("Children and teenagers"),
        body=N_(
            "RLS can start in childhood. Children describe it in their own words (ants "
            "or 'wiggles' in the legs, legs that want to run), and it is sometimes taken "
            "for growing pains or restlessness. It often runs in the family.\n\n"
            "Iron matters here too: the AASM guideline (2024) considers iron treatment in "
            "children at a lower ferritin level than in adults. If your child's legs "
            "bother them in the evening or keep them awake, see their doctor, and don't "
            "give supplements or medicines without advice."
        ),
        sources=(AASM, NHS),
        keywords=(
            "child, children, kid, kids, son, daughter, teen, teenager, teenagers, "
            "toddler, school, paediatric, pediatric, growing pains, adhd, young"
        ),
        examples=(
            "can kids have restless legs",
            "my child cant sleep because of his legs",
            "is it growing pains or rls",
            "rls in teenagers",
            "my daughter kicks her legs every evening",
        ),
        related=("genes", "iron", "see_doctor"),
    ),
)
