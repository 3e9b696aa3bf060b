//! Dutch texts for the demo: situations per leefgebied and scripts for case discussions, as a
//! wijkteam would write them. Several variants per theme keep the output from reading like one
//! template repeated.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::names::Kind;
use crate::domain::Leefgebied;

/// (at registration, now) situation fragments per leefgebied.
pub fn situation(l: Leefgebied) -> (&'static str, &'static str) {
    use Leefgebied::*;
    match l {
        Opvoeding => (
            "Moeder geeft aan de kinderen niet meer aan te kunnen; veel ruzie rond bedtijd en schermgebruik.",
            "Er is meer structuur in huis, maar bij spanning valt moeder terug in oude patronen.",
        ),
        GeestelijkeGezondheid => (
            "Sombere klachten, komt nauwelijks de deur uit; huisarts maakt zich zorgen.",
            "In behandeling bij de GGZ; de stemming wisselt, dagritme is nog kwetsbaar.",
        ),
        LichamelijkeGezondheid => (
            "Na een val thuis minder mobiel; traplopen lukt niet meer zonder hulp.",
            "Hulpmiddelen zijn geregeld; mantelzorger raakt wel uitgeput.",
        ),
        Huisvesting => (
            "Dreigende huisuitzetting door huurachterstand en klachten van buren over overlast.",
            "Huurachterstand in een betalingsregeling; woningcorporatie houdt de vinger aan de pols.",
        ),
        VerstandelijkeBeperking => (
            "Vermoeden van een licht verstandelijke beperking; post blijft ongeopend liggen.",
            "LVB-begeleiding is gestart; afspraken moeten kort en visueel blijven.",
        ),
        FinancienEnSchulden => (
            "Oplopende schulden, meerdere incassobureaus; energie dreigt te worden afgesloten.",
            "Aangemeld bij schuldhulp, budgetbeheer loopt; nog twee schuldeisers niet in beeld.",
        ),
        JustitieEnVeiligheid => (
            "Meerdere keren in aanraking geweest met de politie; zorgen over de vriendenkring.",
            "Reclassering of jeugdreclassering is betrokken; er zijn geen nieuwe incidenten gemeld.",
        ),
        HuiselijkeRelaties => (
            "Melding van Veilig Thuis na een incident thuis; de politie is ter plaatse geweest.",
            "Er is een veiligheidsplan; de spanning thuis is afgenomen maar vraagt blijvend aandacht.",
        ),
        SociaalNetwerk => (
            "Weinig contacten, familie woont ver weg; vereenzaming sinds overlijden partner.",
            "Gaat één ochtend per week naar het buurthuis; netwerk blijft klein.",
        ),
        Participatie => (
            "Zit al lang thuis zonder dagbesteding; wil wel iets doen maar weet niet wat.",
            "Proefplaatsing bij de kringloop loopt goed; uren worden langzaam uitgebreid.",
        ),
        WerkEnInkomen => (
            "Baan verloren, aanvraag bijstand loopt vast op ontbrekende papieren.",
            "Uitkering is rond; klantmanager werk bekijkt een re-integratietraject.",
        ),
        Onderwijs => (
            "School meldt langdurig verzuim van de middelste; leerplicht is ingeschakeld.",
            "Kind gaat weer halve dagen naar school met een aangepast rooster.",
        ),
    }
}

/// Scripts whose wording fits the household: first those of its own leefgebieden, then any.
pub fn fitting(leef: &[Leefgebied], kind: Kind) -> Vec<&'static Script> {
    let own = leef.iter().flat_map(|l| scripts(*l).iter());
    let any = Leefgebied::ALL.iter().flat_map(|l| scripts(*l).iter());
    let mut out: Vec<&'static Script> = Vec::new();
    for s in own.chain(any) {
        if s.fits.contains(&kind) && !out.iter().any(|o| o.question == s.question) {
            out.push(s);
        }
    }
    out
}

/// Chooses scripts so that no script is used twice in a meeting and repeats across meetings
/// are avoided while fresh ones remain.
#[derive(Debug, Default)]
pub struct ScriptPicker {
    used_team: std::collections::BTreeSet<&'static str>,
    used_meeting: std::collections::BTreeSet<&'static str>,
}

impl ScriptPicker {
    /// Starts a new meeting.
    pub fn next_meeting(&mut self) {
        self.used_meeting.clear();
    }

    /// A script for the household, or `None` when every fitting one was used in this meeting.
    pub fn choose(
        &mut self,
        rng: &mut ChaCha8Rng,
        leef: &[Leefgebied],
        kind: Kind,
    ) -> Option<Script> {
        let fit = fitting(leef, kind);
        let fresh: Vec<&&Script> = fit
            .iter()
            .filter(|s| !self.used_team.contains(s.question))
            .collect();
        let open: Vec<&&Script> = fit
            .iter()
            .filter(|s| !self.used_meeting.contains(s.question))
            .collect();
        let pool = if fresh.is_empty() { open } else { fresh };
        if pool.is_empty() {
            return None;
        }
        // Prefer a script of the household's own leefgebieden (the first ones in `fitting`).
        let own = fit
            .iter()
            .take_while(|s| {
                leef.iter()
                    .any(|l| scripts(*l).iter().any(|x| x.question == s.question))
            })
            .count();
        let own_pool: Vec<&&Script> = pool
            .iter()
            .copied()
            .filter(|s| fit.iter().take(own).any(|o| o.question == s.question))
            .collect();
        let pool = if own_pool.is_empty() { pool } else { own_pool };
        let s = **pool[rng.random_range(0..pool.len())];
        self.used_team.insert(s.question);
        self.used_meeting.insert(s.question);
        Some(s)
    }
}

/// A script for one case discussion.
#[derive(Debug, Clone, Copy)]
pub struct Script {
    /// The kinds of household the wording fits.
    pub fits: &'static [Kind],
    pub question: &'static str,
    pub clarifying: &'static str,
    pub advice: [&'static str; 3],
    pub decision: &'static str,
    pub grounds: &'static str,
    pub actions: [&'static str; 2],
    pub lesson: &'static str,
}

/// Scripts per leefgebied; at least one per domain, more where teams meet the theme often.
pub fn scripts(l: Leefgebied) -> &'static [Script] {
    use Leefgebied::*;
    match l {
        Opvoeding => OPVOEDING,
        GeestelijkeGezondheid => GGZ,
        LichamelijkeGezondheid => LICHAMELIJK,
        Huisvesting => HUISVESTING,
        VerstandelijkeBeperking => LVB,
        FinancienEnSchulden => SCHULDEN,
        JustitieEnVeiligheid => JUSTITIE,
        HuiselijkeRelaties => HUISELIJK,
        SociaalNetwerk => NETWERK,
        Participatie => PARTICIPATIE,
        WerkEnInkomen => WERK,
        Onderwijs => ONDERWIJS,
    }
}

const OPVOEDING: &[Script] = &[
    Script {
        fits: &[Kind::Gezin],
        question: "Hoe krijg ik vader meer betrokken bij de opvoeding zonder dat moeder zich gepasseerd voelt?",
        clarifying: "Vader werkt in ploegendienst en is er vooral in het weekend. Moeder zegt dat hij de regels 'ondermijnt'. Beide ouders willen wel samen in gesprek, maar niet bij hen thuis.",
        advice: [
            "Plan een gesprek op neutraal terrein, bijvoorbeeld op het wijkcentrum, met beide ouders tegelijk.",
            "Laat ouders samen drie huisregels kiezen; liever weinig regels die allebei volhouden.",
            "Vraag de school of vader ook de oudergesprekken wil bijwonen.",
        ],
        decision: "Inzet van ambulante gezinsbegeleiding voor drie maanden, gericht op afstemming tussen de ouders.",
        grounds: "Ouders vragen er zelf om; eerdere lichte ondersteuning heeft onvoldoende effect gehad.",
        actions: [
            "Gesprek met beide ouders plannen op het wijkcentrum",
            "Aanvraag ambulante gezinsbegeleiding uitzetten bij de aanbieder",
        ],
        lesson: "Een gesprek op neutraal terrein helpt als ouders thuis steeds in dezelfde ruzie belanden.",
    },
    Script {
        fits: &[Kind::Eenouder, Kind::Gezin],
        question: "Is dit nog vrijwillig op te lossen, of moeten we een zorgmelding bij de Raad overwegen?",
        clarifying: "Moeder zegt afspraken toe maar komt ze niet na; de jongste is deze maand drie keer niet op school verschenen. De gedragswetenschapper heeft het dossier gelezen. Er zijn geen signalen van geweld.",
        advice: [
            "Maak de zorgen concreet met een schaalvraag (0–10) en leg vast wat er nodig is om naar een 7 te gaan.",
            "Bespreek eerst openlijk met moeder dat we een melding overwegen; geef haar de kans om mee te denken.",
            "Zet binnen twee weken een netwerkberaad op met oma en de school.",
        ],
        decision: "Nog geen melding bij de Raad; binnen zes weken herbeoordelen aan de hand van het veiligheidsplan.",
        grounds: "Moeder werkt op onderdelen mee en het netwerk is bereid te helpen; de veiligheid is op dit moment voldoende geborgd.",
        actions: [
            "Netwerkberaad organiseren met oma en school",
            "Veiligheidsplan opstellen met moeder en delen met de gedragswetenschapper",
        ],
        lesson: "Een schaalvraag maakt zorgen bespreekbaar zonder dat ouders zich meteen aangevallen voelen.",
    },
];

const GGZ: &[Script] = &[Script {
    fits: &[Kind::Vrouw],
    question: "De GGZ-behandeling is afgerond, maar mevrouw valt terug. Wie pakt dit op?",
    clarifying: "Na de afsluiting is er geen nazorg afgesproken. Mevrouw belt de wijkcoach meerdere keren per week. Ze wil geen nieuwe verwijzing, wel iemand die langskomt.",
    advice: [
        "Neem contact op met de POH-GGZ van de huisarts voor een overbruggingsafspraak.",
        "Kijk of een maatje van de vrijwilligerscentrale het dagritme kan ondersteunen.",
        "Spreek een vast belmoment af, dan wordt het contact voorspelbaarder voor jullie allebei.",
    ],
    decision: "Regie blijft bij de wijkcoach; individuele begeleiding Wmo voor zes maanden aanvragen.",
    grounds: "Er is geen andere partij in beeld die de samenhang bewaakt; mevrouw wil zelf begeleiding thuis.",
    actions: [
        "Overleg met POH-GGZ over overbrugging",
        "Aanvraag individuele begeleiding opstellen",
    ],
    lesson: "Bij afsluiten van GGZ-behandeling vooraf afspreken wie de nazorg bewaakt.",
}];

const LICHAMELIJK: &[Script] = &[Script {
    fits: &[Kind::Paar],
    question: "Mevrouw zorgt dag en nacht voor haar man en is op. Welke respijtzorg is er op korte termijn?",
    clarifying: "Meneer is na een herseninfarct slecht ter been en wil niet naar een dagbesteding 'met allemaal oude mensen'. De kinderen wonen ver weg. Er is al huishoudelijke hulp.",
    advice: [
        "Probeer een dagbesteding met een duidelijke activiteit, zoals de werkplaats van de zorgboerderij.",
        "Verwijs mevrouw naar het steunpunt mantelzorg voor een eigen gesprek.",
        "Vraag de huisarts naar het medisch beeld; misschien is er meer nodig dan respijt.",
    ],
    decision: "Dagbesteding twee dagdelen per week op de zorgboerderij indiceren.",
    grounds: "Ontlasting van de mantelzorger is nodig om thuis wonen vol te houden; meneer stemt in met een proefperiode.",
    actions: [
        "Kennismaking op de zorgboerderij plannen met meneer en mevrouw",
        "Mevrouw aanmelden bij het steunpunt mantelzorg",
    ],
    lesson: "Dagbesteding wordt eerder geaccepteerd als die als werk of hobby wordt gebracht.",
}];

const HUISVESTING: &[Script] = &[Script {
    fits: &[Kind::Man],
    question: "De woningcorporatie wil ontbinding van het huurcontract aanvragen. Kunnen we dat nog voorkomen?",
    clarifying: "De achterstand is drie maanden huur. Meneer opent zijn post niet. De corporatie wil wel een laatste kans geven als er een betalingsregeling én begeleiding is.",
    advice: [
        "Stel samen met de corporatie een 'laatste kans'-overeenkomst op met heldere voorwaarden.",
        "Regel direct automatische incasso van de huur vanaf de uitkering.",
        "Laat Humanitas wekelijks helpen met de post, zodat het geen stapel meer wordt.",
    ],
    decision: "Inzet op een laatste-kansovereenkomst met de woningcorporatie; wijkcoach blijft regisseur.",
    grounds: "Huisuitzetting heeft grote gevolgen en is met begeleiding waarschijnlijk te voorkomen.",
    actions: [
        "Driegesprek plannen met meneer en de woonconsulent",
        "Aanmelding thuisadministratie bij Humanitas",
    ],
    lesson: "Een woningcorporatie aan tafel vóórdat de zaak bij de kantonrechter ligt scheelt veel.",
}];

const LVB: &[Script] = &[Script {
    fits: &[Kind::Vrouw],
    question: "Hoe maken we het plan zo dat mevrouw het zelf begrijpt en kan volgen?",
    clarifying: "Mevrouw knikt in gesprekken maar vertelt achteraf iets anders aan haar zus. Ze leest moeilijk. Afspraken op papier raakt ze kwijt.",
    advice: [
        "Werk met pictogrammen en één doel per keer.",
        "Vraag MEE om een cliëntondersteuner die meegaat naar belangrijke afspraken.",
        "Laat mevrouw in eigen woorden navertellen wat er is afgesproken.",
    ],
    decision: "Plan herschrijven in eenvoudige taal met maximaal drie doelen; cliëntondersteuning via MEE aanvragen.",
    grounds: "Het huidige plan is voor mevrouw niet te volgen; zonder begrip geen eigen regie.",
    actions: [
        "Plan in eenvoudige taal opstellen en samen doorlopen",
        "Cliëntondersteuning aanvragen bij MEE",
    ],
    lesson: "Laat bij een vermoeden van LVB de inwoner het plan in eigen woorden navertellen.",
}];

const SCHULDEN: &[Script] = &[
    Script {
        fits: &[Kind::Gezin],
        question: "Schuldhulp wil pas starten als de administratie op orde is. Hoe komen we uit deze impasse?",
        clarifying: "De gezinsbegeleider ziet wel de spanning over geld, maar pakt de administratie niet op. Er liggen twee dozen ongeopende post. Het gezin heeft geen toeslagen aangevraagd.",
        advice: [
            "Organiseer één 'postmiddag' samen met de vrijwilliger van thuisadministratie.",
            "Vraag schuldhulp om een stabilisatiefase in plaats van een harde startvoorwaarde.",
            "Check direct de toeslagen; dat levert snel wat ruimte op.",
        ],
        decision: "Budgetbeheer starten en toeslagen met terugwerkende kracht aanvragen.",
        grounds: "Zonder stabiele inkomsten loopt de schuld verder op; ouders stemmen in.",
        actions: [
            "Postmiddag plannen met vrijwilliger thuisadministratie",
            "Toeslagen aanvragen en budgetbeheer regelen",
        ],
        lesson: "Eerst stabiliseren, dan saneren: een harde startvoorwaarde houdt gezinnen buiten de schuldhulp.",
    },
    Script {
        fits: &[Kind::Man],
        question: "Meneer wil geen hulp bij zijn geld, maar de schulden groeien. Hoe ver gaan we mee in zijn eigen regie?",
        clarifying: "Meneer zegt 'ik regel het zelf'. Er is een beslaglegging op zijn loon. Zijn zus belt de wijkcoach bezorgd op.",
        advice: [
            "Respecteer zijn keuze maar spreek een concreet moment af waarop je samen kijkt of het lukt.",
            "Bied een eenmalig gesprek met de schuldhulpverlener aan, zonder verplichting.",
            "Bespreek met zijn toestemming wat de zus mag weten.",
        ],
        decision: "Inwoner houdt zelf regie; over acht weken evaluatie met concrete toets op de betalingen.",
        grounds: "Meneer is wilsbekwaam en wil het zelf doen; er zijn geen kinderen of veiligheidsrisico's.",
        actions: [
            "Eenmalig gesprek met schuldhulpverlener aanbieden",
            "Evaluatiemoment vastleggen in de agenda van meneer",
        ],
        lesson: "Inwoner in regie kan, als er een afgesproken toetsmoment is.",
    },
];

const JUSTITIE: &[Script] = &[Script {
    fits: &[Kind::Eenouder, Kind::Gezin],
    question: "Jeugdreclassering en wijkteam doen allebei iets met de zoon. Wie doet wat?",
    clarifying: "De jeugdreclasseerder heeft een eigen plan met taakstraf. De wijkcoach begeleidt moeder. Het gezin vertelt aan beide partijen een ander verhaal.",
    advice: [
        "Maak één overzicht van doelen met per doel één verantwoordelijke en deel dat met moeder.",
        "Plan een driegesprek met de jeugdreclasseerder, moeder en zoon.",
        "Vraag de wijkagent alleen aan te schuiven als de zoon dat goed vindt.",
    ],
    decision: "Eén gezamenlijk plan; de jeugdreclasseerder regisseert de doelen van de zoon, de wijkcoach die van moeder.",
    grounds: "Zo voorkomen we dubbel werk en tegenstrijdige afspraken; beide partijen zijn akkoord.",
    actions: [
        "Driegesprek plannen met jeugdreclassering",
        "Doelenoverzicht met verantwoordelijken opstellen",
    ],
    lesson: "Bij twee plannen: eerst samen één doelenlijst maken, daarna pas de taken verdelen.",
}];

const HUISELIJK: &[Script] = &[
    Script {
        fits: &[Kind::Eenouder],
        question: "Ouders zijn uit elkaar, maar de spanning rond de omgang loopt op. Wat is nodig voor de veiligheid van de kinderen?",
        clarifying: "Er is een veiligheidsplan sinds de melding van Veilig Thuis. Vader houdt zich niet aan de overdrachtstijden. De kinderen slapen slecht na een bezoek. Moeder wil geen contact meer via de telefoon.",
        advice: [
            "Laat de overdracht via een neutrale plek lopen, bijvoorbeeld de school of oma.",
            "Vraag de gedragswetenschapper mee te kijken naar de signalen bij de kinderen.",
            "Bied ouders een ouderschapsplan-traject aan bij mediation.",
        ],
        decision: "Overdrachten voortaan via de school; veiligheidsplan aanpassen en over vier weken toetsen.",
        grounds: "De kinderen staan nu midden in het conflict; een neutrale overdracht verlaagt de spanning.",
        actions: [
            "Veiligheidsplan aanpassen met beide ouders",
            "Afspraak met intern begeleider over overdracht via school",
        ],
        lesson: "Een neutrale overdrachtsplek haalt veel spanning uit de omgang.",
    },
    Script {
        fits: &[Kind::Gezin],
        question: "Moeder trekt haar verhaal over het geweld in. Hoe houden we zicht op de veiligheid?",
        clarifying: "Na het eerste gesprek vertelde moeder over duwen en schreeuwen; nu zegt ze dat het 'wel meevalt'. Partner is bij huisbezoeken aanwezig. De kinderen zijn stil op school.",
        advice: [
            "Zorg dat je moeder minstens één keer alleen spreekt, bijvoorbeeld via het consultatiebureau.",
            "Overleg met Veilig Thuis over een adviesvraag, zonder meteen te melden.",
            "Maak met school afspraken over het signaleren bij de kinderen.",
        ],
        decision: "Adviesvraag aan Veilig Thuis stellen; melding overwegen na het gesprek met moeder alleen.",
        grounds: "Er zijn signalen van huiselijk geweld maar onvoldoende zicht; de meldcode vraagt om advies.",
        actions: [
            "Adviesvraag Veilig Thuis stellen",
            "Gesprek met moeder alleen organiseren",
        ],
        lesson: "Als een verhaal wordt ingetrokken: eerst moeder alleen spreken voordat je conclusies trekt.",
    },
];

const NETWERK: &[Script] = &[Script {
    fits: &[Kind::Vrouw],
    question: "Mevrouw vereenzaamt. Welke mogelijkheden zien jullie buiten de geïndiceerde zorg?",
    clarifying: "Mevrouw woont zelfstandig en heeft huishoudelijke hulp. Haar enige zoon woont in het buitenland. Ze zegt dat ze 'niemand tot last wil zijn'.",
    advice: [
        "Koppel haar aan een maatje via Stichting Present.",
        "De buurtkamer heeft op woensdag een eetgroep; bied aan om de eerste keer mee te gaan.",
        "Vraag de huishoudelijke hulp of zij signalen wil doorgeven.",
    ],
    decision: "Geen nieuwe indicatie; inzet op het informele netwerk met een evaluatie over drie maanden.",
    grounds: "Mevrouw wil geen extra zorg; het probleem is eenzaamheid, niet een tekort aan zorg.",
    actions: [
        "Aanmelding bij Stichting Present voor een maatje",
        "Samen met mevrouw de eetgroep bezoeken",
    ],
    lesson: "Bij eenzaamheid eerst het informele netwerk proberen voordat je een voorziening indiceert.",
}];

const PARTICIPATIE: &[Script] = &[Script {
    fits: &[Kind::Man],
    question: "Meneer wil meer uren werken, maar de begeleiding stopt over een maand. Verlengen of afschalen?",
    clarifying: "De proefplaatsing loopt goed; de werkbegeleider is positief. Meneer is wel bang dat het misgaat zonder zijn vaste begeleider.",
    advice: [
        "Schaal af in stappen: eerst om de week, dan maandelijks.",
        "Vraag de werkbegeleider een deel van de begeleiding over te nemen.",
        "Leg vast wat meneer doet als het toch even niet lukt; dat geeft vertrouwen.",
    ],
    decision: "Begeleiding drie maanden verlengen in afbouwende vorm.",
    grounds: "Afbouw in stappen vergroot de kans dat meneer het werk volhoudt; de kosten blijven binnen de indicatie.",
    actions: [
        "Verlenging in afbouwende vorm aanvragen",
        "Afspraken maken met de werkbegeleider",
    ],
    lesson: "Begeleiding afschalen in stappen werkt beter dan een harde einddatum.",
}];

const WERK: &[Script] = &[Script {
    fits: &[Kind::Eenouder],
    question: "De bijstandsaanvraag loopt vast op ontbrekende stukken. Hoe voorkomen we dat het gezin zonder inkomen komt?",
    clarifying: "Er ontbreken bankafschriften van drie maanden. De bank is alleen online bereikbaar en mevrouw heeft geen DigiD meer. Er is nog voedsel voor een week.",
    advice: [
        "Regel een voorschot via de sociale dienst; dat kan bij een lopende aanvraag.",
        "Help mevrouw met een nieuwe DigiD via de bibliotheek.",
        "Verwijs voor deze week naar de voedselbank.",
    ],
    decision: "Voorschot op de bijstand aanvragen en intake voedselbank regelen.",
    grounds: "Er dreigt acuut gebrek aan inkomen voor een gezin met kinderen.",
    actions: [
        "Voorschot aanvragen bij de klantmanager",
        "DigiD-afspraak bij de bibliotheek maken",
    ],
    lesson: "Bij een vastgelopen aanvraag direct naar een voorschot vragen.",
}];

const ONDERWIJS: &[Script] = &[Script {
    fits: &[Kind::Eenouder, Kind::Gezin],
    question: "De leerplichtambtenaar wil een proces-verbaal. Kunnen we eerst een ander spoor proberen?",
    clarifying: "Het kind heeft angstklachten en is al acht weken niet op school. Moeder brengt hem wel, maar hij draait om bij de poort. Er is een wachtlijst bij de jeugd-GGZ.",
    advice: [
        "Organiseer een overleg met school, leerplicht en moeder over een opbouwrooster.",
        "Vraag de jeugdarts van de GGD om een oordeel over de belastbaarheid.",
        "Zoek overbrugging tijdens de wachttijd, bijvoorbeeld via de praktijkondersteuner jeugd.",
    ],
    decision: "Voorstel aan leerplicht: eerst zes weken opbouwrooster met begeleiding, daarna evaluatie.",
    grounds: "Het verzuim komt voort uit angst, niet uit onwil; een proces-verbaal maakt het naar verwachting erger.",
    actions: [
        "Overleg school, leerplicht en moeder plannen",
        "Jeugdarts GGD vragen om advies",
    ],
    lesson: "Bij schoolverzuim door angst eerst een opbouwrooster, daarna pas handhaven.",
}];

/// Reasons for skipping the regie check.
pub const CHECK_SKIPPED: &[&str] = &[
    "Korte update; check vorige keer volledig gedaan.",
    "Geen tijd meer; volgende keer als eerste.",
    "Casus wordt volgende week afgesloten.",
];

/// Remarks on previous minutes.
pub const MINUTES_REMARKS: &[&str] = &[
    "",
    "",
    "Bij de casus over de woningcorporatie stond de verkeerde actiehouder; aangepast.",
    "Toevoegen dat het besluit over de dagbesteding met 4-ogen is genomen.",
    "",
];

/// Notes for action reviews: (outcome kind 0 gedaan, 1 doorgeschoven, 2 vervallen, note).
pub const REVIEW_NOTES: &[(u8, &str)] = &[
    (0, "Afgerond, terugkoppeling gegeven aan de inbrenger."),
    (0, ""),
    (0, "Gedaan; gesprek was constructief."),
    (1, "Aanbieder heeft nog niet gereageerd."),
    (1, "Actiehouder was ziek; nieuwe datum afgesproken."),
    (2, "Niet meer nodig: situatie is veranderd."),
];

/// Mededelingen, one per meeting.
pub const MEDEDELINGEN: &[&str] = &[
    "Vanaf volgende maand werkt het team met de nieuwe privacyverklaring; graag gebruiken bij elke intake.",
    "De scholingsdag over de meldcode is verplaatst naar donderdag 10 december.",
    "Er komt een nieuwe vacature voor een jeugdprofessional; sollicitatiecommissie zoekt nog iemand.",
    "Het wijkcentrum is tijdens de kerstvakantie alleen 's ochtends open.",
    "De contractmanager meldt een wachtlijst bij ambulante jeugdhulp van ongeveer zes weken.",
];

/// Rondvraag items.
pub const RONDVRAAG: &[&str] = &[
    "Wie wil mee naar de netwerkbijeenkomst van de huisartsen? Aanmelden bij de voorzitter.",
    "Graag de evaluatiedata in het systeem bijwerken vóór het einde van de maand.",
    "Geen punten.",
    "Vraag om bij afwezigheid de eigen casussen vooraf over te dragen aan een duo-collega.",
];

/// Notes for the redistribution item ("wie heeft er ruimte?").
pub const VERDELING: &[&str] = &[
    "Er liggen nieuwe aanmeldingen. Wie heeft er ruimte? Verdeling op basis van expertise en huidige caseload; zware casussen niet bij collega's die al boven de norm zitten.",
    "Vijf nieuwe aanmeldingen deze periode, waarvan twee jeugd. Twee collega's hebben ruimte aangegeven; de rest wordt volgende keer verdeeld.",
    "Korte ronde: iedereen noemt zijn ruimte in aantal casussen. Nieuwe aanmeldingen worden na het overleg door de manager toegewezen.",
];
