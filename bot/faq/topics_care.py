"""Treatment and everyday-life topics.

Where the 2013 article is dated (dopamine drugs as the usual treatment, gabapentin
enacarbil "not yet first-line"), the text says what the 2024 AASM guideline says and
sends the reader to their clinician. No doses, no start/stop/switch advice, ever.
"""

from bot.faq.sources import AASM, ARTICLE, NHS
from bot.faq.types import Topic
from bot.i18n import N_

CARE: tuple[Topic, ...] = (
    Topic(
        id="treatments",
        title=N_("Treatments today"),
        body=N_(
            "The 2013 article describes medicines, mainly dopamine-related drugs, that "
            "calm the legs but not the sleeplessness. Advice has moved on. The AASM "
            "guideline (2024):\n"
            "• asks for iron tests (ferritin, transferrin saturation) and treats low iron\n"
            "• recommends alpha-2-delta drugs (gabapentin enacarbil, gabapentin, pregabalin)\n"
            "• no longer advises dopamine agonists (pramipexole, ropinirole, rotigotine) for "
            "routine use, because of augmentation\n\n"
            "Self-help habits help many people too. What is right for you is a decision "
            "to make with your clinician."
        ),
        sources=(ARTICLE, AASM),
        keywords=(
            "treatment, treatments, options, medicine, medication, therapy, "
            "recommended, guideline, aasm, current advice, best treatment, "
            "how to treat, what works, out of date, still right, dated, changed, cure, manage, "
            "medicine that helps, medication that works"
        ),
        examples=(
            "how is restless legs treated",
            "what medication helps rls",
            "what do doctors give for restless legs nowadays",
            "what are my treatment options",
            "has the treatment advice changed since 2013",
            "what does the latest guideline recommend",
            "is there a pill for restless legs",
        ),
        related=("alpha2delta", "dopamine_drugs", "iron"),
    ),
    Topic(
        id="dopamine_drugs",
        title=N_("Dopamine drugs"),
        body=N_(
            "Pramipexole, ropinirole and rotigotine (a skin patch) are dopamine agonists: "
            "they act like dopamine, a brain messenger involved in movement. The 2013 "
            "article treats dopamine-related drugs as the usual treatment and says they "
            "work for many people. But some lose the benefit and need more and more, and "
            "too much can leave RLS worse than before (augmentation).\n\n"
            "So the AASM guideline (2024) no longer recommends dopamine agonists for "
            "routine use. If you take one, don't change anything on your own; talk it "
            "over with your clinician."
        ),
        sources=(ARTICLE, AASM),
        keywords=(
            "dopamine agonist, dopamine drugs, pramipexole, ropinirole, rotigotine, "
            "mirapex, requip, neupro, patch, levodopa, sinemet, still recommended, "
            "dopamine medication, side effects, long term, safe"
        ),
        examples=(
            "what are dopamine agonists",
            "is requip still used for restless legs",
            "tell me about mirapex",
            "is rotigotine a good option",
            "are dopamine medicines bad",
            "what is levodopa for",
            "do doctors still prescribe pramipexole",
        ),
        related=("augmentation", "alpha2delta", "treatments"),
    ),
    Topic(
        id="augmentation",
        title=N_("Augmentation (medicine making it worse)"),
        body=N_(
            "Augmentation is when an RLS medicine, usually a dopamine drug, makes the "
            "condition worse over time. Compared with before treatment, symptoms:\n"
            "• start earlier in the day\n"
            "• spread to other parts, often the arms or trunk\n"
            "• come on faster when you rest\n"
            "• feel stronger\n"
            "• wear off sooner after each dose\n\n"
            "It is the main reason the AASM guideline (2024) moved away from dopamine "
            "agonists. If you notice these signs, tell your clinician; don't change the "
            "dose yourself."
        ),
        sources=(AASM, ARTICLE),
        keywords=(
            "augmentation, augment, worse on medication, stopped working, wears off, "
            "tolerance, higher doses, more and more medicine, earlier in the day, "
            "afternoon, spreading, spread to arms, warning signs, medicine made it worse"
        ),
        examples=(
            "my pills dont work like they used to",
            "symptoms now begin before lunch",
            "rls spreading to my arms while on medication",
            "why does the medicine stop working after a while",
            "can dopamine drugs make restless legs worse",
            "signs my treatment is backfiring",
            "what does augmented mean",
        ),
        related=("dopamine_drugs", "alpha2delta", "see_doctor"),
    ),
    Topic(
        id="alpha2delta",
        title=N_("Gabapentin & alpha-2-delta drugs"),
        body=N_(
            "Gabapentin enacarbil, gabapentin and pregabalin are 'alpha-2-delta' "
            "drugs; the article calls gabapentin enacarbil an anticonvulsant (anti-seizure) "
            "drug that can lower brain glutamate. In 2013 it said such drugs were "
            "'not yet' a first-line RLS treatment.\n\n"
            "That is out of date: the AASM guideline (2024) recommends alpha-2-delta drugs "
            "and prefers them to dopamine agonists for routine use. Whether one suits you, "
            "and which, depends on your health and other medicines, so ask your clinician."
        ),
        sources=(ARTICLE, AASM),
        keywords=(
            "gabapentin, gabapentin enacarbil, enacarbil, horizant, pregabalin, lyrica, "
            "neurontin, alpha 2 delta, anticonvulsant, anti seizure, first line, "
            "not yet first line, still true, glutamate lowering, side effects, safe"
        ),
        examples=(
            "tell me about horizant",
            "is pregabalin good for restless legs",
            "are anti seizure drugs used for rls",
            "is the article right that gabapentin isnt first choice",
            "does gabapentin lower glutamate",
            "what is neurontin used for in rls",
            "what does alpha2delta mean",
        ),
        related=("treatments", "dopamine_drugs", "future"),
    ),
    Topic(
        id="iron",
        title=N_("Iron and ferritin"),
        body=N_(
            "The brain can be short of iron even when a blood count looks normal, and "
            "that matters in RLS. So the AASM guideline (2024) asks for iron tests in "
            "everyone with significant RLS: ferritin and transferrin saturation, from a "
            "morning blood sample, with no iron supplements for 24 hours before.\n\n"
            "It considers iron treatment when ferritin is 75 ng/mL or lower or transferrin "
            "saturation is under 20% (children: ferritin under 50), far higher cut-offs than "
            "for anaemia. Which iron and how much is your clinician's call."
        ),
        sources=(AASM,),
        keywords=(
            "iron, ferritin, transferrin saturation, anaemia, anemia, low iron, "
            "iron deficiency, blood test, iron level, iron check, supplement, 75, "
            "iron infusion"
        ),
        examples=(
            "what should my ferritin be",
            "could low iron be causing my rls",
            "iron deficiency and restless legs",
            "do i need a blood test for iron",
            "my blood test was normal but i still have rls",
            "what is transferrin saturation",
            "does anaemia cause restless legs",
            "iron levels rls",
        ),
        related=("see_doctor", "treatments", "pregnancy"),
    ),
    Topic(
        id="triggers",
        title=N_("Things that can make it worse"),
        body=N_(
            "Common aggravators (NHS and others):\n"
            "• caffeine (coffee, tea, cola, energy drinks)\n"
            "• alcohol\n"
            "• nicotine (smoking, vaping)\n"
            "• too little sleep\n"
            "• some medicines: sedating antihistamines, some antidepressants, and "
            "antipsychotic or anti-sickness drugs that block dopamine\n\n"
            "Cutting down on the first three and noting in your check-ins whether nights "
            "change can show what matters for you. Never stop a prescribed medicine on "
            "your own: if you suspect one, ask whoever prescribed it."
        ),
        sources=(NHS,),
        keywords=(
            "trigger, triggers, worse, aggravate, flare, caffeine, coffee, tea, alcohol, "
            "wine, beer, nicotine, smoking, vaping, lack of sleep, avoid, cause"
        ),
        examples=(
            "what should i avoid with restless legs",
            "can tea set it off",
            "is beer making my legs worse",
            "do cigarettes affect rls",
            "does energy drink trigger symptoms",
            "what things aggravate rls",
        ),
        related=("self_help", "mood_tiredness", "see_doctor"),
    ),
    Topic(
        id="self_help",
        title=N_("Sleep habits and self-help"),
        body=N_(
            "Things many people with RLS find useful (NHS):\n"
            "• a regular sleep routine\n"
            "• less caffeine, alcohol and nicotine\n"
            "• moderate exercise during the day\n"
            "• stretching or massaging the legs\n"
            "• a warm bath before bed\n"
            "• keeping your mind busy (a puzzle, a book) when you must sit still in the "
            "evening\n\n"
            "During an attack, walking about usually eases it. What works differs from "
            "person to person; your check-ins can show what helps your nights."
        ),
        sources=(NHS,),
        keywords=(
            "tips, self help, help, relief, ease, remedies, natural, home remedy, habits, "
            "routine, sleep hygiene, exercise, stretching, massage, warm bath, walk, "
            "distraction, cope, sleep better, what can i do, insomnia"
        ),
        examples=(
            "how can i get some relief tonight",
            "what helps restless legs without medication",
            "home remedies for rls",
            "is yoga good for restless legs",
            "should i massage my legs",
            "how do i cope at night",
            "ways to calm my legs before bed",
            "is it good to walk when it starts",
        ),
        related=("triggers", "night_worse", "see_doctor"),
    ),
    Topic(
        id="plm",
        title=N_("Leg jerks in sleep (PLMS)"),
        body=N_(
            "Periodic limb movements in sleep (PLMS) are jerks or kicks of the legs that "
            "repeat every 15 to 40 seconds or so during sleep. Most people with RLS have "
            "them. The sleeper often doesn't notice; a bed partner does.\n\n"
            "People in the study's RLS group had about 20 involuntary movements a night on "
            "average, and those movements were not linked to the glutamate level. If a "
            "partner reports kicking or you wake unrefreshed, mention it to your doctor."
        ),
        sources=(NHS, ARTICLE),
        keywords=(
            "periodic limb movements, plm, plms, plmd, jerk, jerking, kick, kicking, "
            "twitch, in my sleep, while asleep, partner, wife, husband, bed partner, "
            "involuntary movements, spasms at night, sleep study, found on a sleep study"
        ),
        examples=(
            "i twitch in my sleep",
            "my partner says my legs jump all night",
            "what is plmd",
            "involuntary leg movements during sleep",
            "do people with rls kick in their sleep",
            "my boyfriend gets kicked by me at night",
        ),
        related=("symptoms", "see_doctor", "study_links"),
    ),
    Topic(
        id="pregnancy",
        title=N_("Pregnancy"),
        body=N_(
            "RLS is common in pregnancy, especially in the later months, and it usually "
            "goes within a few weeks of the birth. If it starts or gets worse while you're "
            "pregnant, tell your GP or midwife; an iron check is worth asking about, as low "
            "iron is another common cause.\n\n"
            "Don't take or stop any medicine or supplement for it without asking them "
            "first. Gentle self-help such as walking, stretching and massage may ease the "
            "evenings meanwhile."
        ),
        sources=(NHS,),
        keywords=(
            "pregnant, pregnancy, expecting, trimester, baby, birth, after birth, "
            "postpartum, midwife, late pregnancy, go away after"
        ),
        examples=(
            "restless legs while pregnant",
            "will it stop once the baby is born",
            "is rls common in pregnancy",
            "im 30 weeks and my legs wont keep still",
            "pregnancy restless legs remedies",
            "rls started when i got pregnant",
        ),
        related=("iron", "self_help", "see_doctor"),
    ),
    Topic(
        id="kidney",
        title=N_("Kidney disease"),
        body=N_(
            "RLS is common in people with kidney failure, especially those on dialysis. "
            "It is one form of 'secondary RLS', meaning RLS caused by another "
            "condition; iron deficiency and pregnancy are the other common causes.\n\n"
            "On dialysis, the AASM guideline (2024) has its own advice: iron into a vein "
            "when iron is low, vitamin C, and gabapentin in a kidney-safe amount are "
            "options your kidney team may weigh. A kidney transplant often ends the "
            "symptoms. Tell your kidney team or GP: they know your treatment."
        ),
        sources=(NHS, AASM),
        keywords=(
            "kidney, kidneys, renal, dialysis, kidney failure, ckd, kidney disease, "
            "secondary rls, other causes, caused by another condition, haemodialysis, "
            "hemodialysis, nephrologist, esrd"
        ),
        examples=(
            "restless legs and kidney problems",
            "does dialysis cause restless legs",
            "renal failure rls",
            "what is secondary restless legs",
            "what conditions cause rls",
        ),
        related=("iron", "pregnancy", "see_doctor"),
    ),
    Topic(
        id="genes",
        title=N_("Genes and family"),
        body=N_(
            "RLS often runs in families, and a strong genetic influence is known. So if a "
            "parent, brother or sister has it, your own chance is higher, but that does "
            "not mean you or your children will certainly get it.\n\n"
            "If it runs in your family and you have symptoms, tell your doctor: family "
            "history helps them make sense of what you describe."
        ),
        sources=(NHS,),
        keywords=(
            "genetic, genes, hereditary, inherited, family, runs in families, parent, "
            "mother, father, mum, dad, sibling, dna, pass on"
        ),
        examples=(
            "is restless legs hereditary",
            "can i pass rls to my children",
            "my dad and grandma both had it",
            "is there a gene for rls",
            "does restless legs run in the family",
            "inherited restless legs",
        ),
        related=("what_is_rls", "see_doctor"),
    ),
    Topic(
        id="see_doctor",
        title=N_("When to see a doctor"),
        body=N_(
            "See your GP or doctor if RLS:\n"
            "• disturbs your sleep or daily life\n"
            "• happens often\n"
            "• starts during pregnancy\n"
            "Ask about an iron check (ferritin and transferrin saturation). Notes help: "
            "when symptoms start, how often, how you sleep, what you've tried; your "
            "check-in summaries can help.\n\n"
            "Get same-day care instead if one calf is swollen, hot or red, or if you have "
            "sudden weakness or numbness."
        ),
        sources=(NHS, AASM),
        keywords=(
            "doctor, gp, see a doctor, physician, neurologist, specialist, appointment, "
            "when to see, get help, diagnosis, diagnose, medical advice, worth seeing, "
            "clinic, sleep clinic"
        ),
        examples=(
            "do i need to see someone about this",
            "should i make an appointment",
            "how is rls diagnosed",
            "what kind of doctor treats restless legs",
            "what should i tell my gp",
            "do i need a specialist",
            "when is it time to get medical help",
        ),
        related=("iron", "self_help", "about_bot"),
    ),
)
