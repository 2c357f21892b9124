"""Source labels named at the foot of every answer (see docs/CLINICAL_NOTES.md), catalog
texts."""

from bot.i18n import N_

ARTICLE = N_("the article on the 2013 Johns Hopkins study")
PAPER = N_("Allen et al., Neurology 2013")
AASM = N_("the AASM guideline (2024)")
NHS = N_("NHS")
MNT = N_("Medical News Today")
FDA = N_("US FDA")
MHRA = N_("MHRA (UK medicines regulator)")

# The full reference behind each label, for "source?" (bot/faq/followup.py).
CITATIONS: dict[str, str] = {
    ARTICLE: N_(
        "'No Rest for Restless Legs: Glutamate Keeps the Midnight Oil Burning', a "
        "popular-science article citing the Johns Hopkins press release 'Restless legs, "
        "insomnia and brain chemistry' and Medical News Today"
    ),
    PAPER: N_(
        "Allen RP, Barker PB, Horská A, Earley CJ. Thalamic glutamate/glutamine in restless "
        "legs syndrome: increased and related to disturbed sleep. <i>Neurology</i> "
        "2013;80(22):2028-2034"
    ),
    AASM: N_(
        "Winkelman JW et al. The treatment of restless legs syndrome and periodic limb "
        "movement disorder: an American Academy of Sleep Medicine clinical practice "
        "guideline. <i>J Clin Sleep Med</i> 2025;21(1):137-152 (online September 2024)"
    ),
    NHS: N_(
        '<a href="https://www.nhs.uk/conditions/restless-legs-syndrome/">NHS: Restless '
        "legs syndrome</a>"
    ),
    MNT: N_("Medical News Today: 'Restless legs syndrome; study raises hope for better drugs'"),
    FDA: N_(
        "US FDA Drug Safety Communication: quinine (Qualaquin) for night-time leg cramps, "
        "serious risks (2010)"
    ),
    MHRA: N_("MHRA Drug Safety Update: quinine, not for routine treatment of leg cramps (2010)"),
}
