//! Pools of fictional names and words for the demo. Every name is made up; combinations are
//! drawn at random, so no real person is described.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// Picks one element of a non-empty slice.
pub fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Given names of professionals (mixed origins, some with diacritics).
pub const GIVEN: &[&str] = &[
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hatice",
    "Ilse",
    "Joris",
    "Kübra",
    "Lotte",
    "Mehmet",
    "Noor",
    "Okke",
    "Petra",
    "Quinten",
    "Rik",
    "Sanne",
    "Tessa",
    "Umut",
    "Vera",
    "Wouter",
    "Yasmina",
    "Zoë",
    "Anneloes",
    "Berend",
    "Céline",
    "Dewi",
    "Emre",
    "Femke",
    "Gerrit",
    "Hanneke",
    "Inge",
    "Jeroen",
    "Karin",
    "Leyla",
    "Maartje",
    "Niels",
    "Özlem",
    "Pim",
    "Renske",
    "Selin",
    "Thijs",
    "Ursula",
    "Veerle",
    "Willemijn",
    "Yusuf",
    "Zeynep",
    "Aïsha",
    "Björn",
    "Chloë",
    "Dirk-Jan",
    "Elif",
    "Frank",
    "Gülşen",
    "Hugo",
    "Irem",
    "Jelle",
    "Kees",
];

/// Family names (with tussenvoegsels and diacritics).
pub const FAMILY: &[&str] = &[
    "Bakker",
    "de Vries",
    "Jansen",
    "Özdemir",
    "Şahin",
    "Eén",
    "Çelik",
    "Ünal",
    "Kühn",
    "Visser",
    "Smit",
    "Meijer",
    "van den Berg",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yılmaz",
    "Kaya",
    "Aydın",
    "Hoekstra",
    "ter Horst",
    "Nijenhuis",
    "Oude Egberink",
    "Scholten",
    "Wessels",
    "Kortenbrede",
    "Lammerink",
    "ten Dam",
    "Boukhari",
    "El Amrani",
    "Sanchez",
    "Nguyễn",
    "Wiśniewski",
    "Koç",
    "Groothuis",
    "Brinkers",
    "Haverkamp",
    "Rikkers",
    "Veldhuis",
    "Zwiers",
    "Morsink",
    "Pieterse",
    "Hofstede",
];

/// Letters used for household pseudonyms; includes non-ASCII initials.
pub const INITIALS: &[&str] = &[
    "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "O.", "P.", "R.",
    "S.", "T.", "V.", "W.", "Y.", "Z.", "Ö.", "Ş.", "Ç.", "Ü.", "É.",
];

/// The family name of a household that consented to be discussed by name, by the initial of
/// its pseudonym ("Fam. Ö." is the family Özdemir). Fixed, so that names never change the
/// random draws of the generator.
pub fn client_surname(initial: &str) -> Option<&'static str> {
    Some(match initial.trim_end_matches('.') {
        "A" => "Aydın",
        "B" => "Brinkman",
        "C" => "Claassen",
        "D" => "Dogan",
        "E" => "Eén",
        "F" => "Fransen",
        "G" => "Gerritsen",
        "H" => "Hulshof",
        "J" => "Jonker",
        "K" => "Koç",
        "L" => "Lammers",
        "M" => "Mahabier",
        "N" => "Nijhof",
        "O" => "Oosterhof",
        "P" => "Postma",
        "R" => "Roelofs",
        "S" => "Slot",
        "T" => "Tuncer",
        "V" => "Veldhuis",
        "W" => "Wolters",
        "Y" => "Yılmaz",
        "Z" => "Zwiers",
        "Ö" => "Özdemir",
        "Ş" => "Şahin",
        "Ç" => "Çakır",
        "Ü" => "Ünlü",
        _ => return None,
    })
}

/// Given names of household members (used only when the household consented): women, men,
/// children.
pub const CLIENT_WOMEN: &[&str] = &[
    "Aylin", "Demi", "Gizem", "Kenza", "Priya", "Gerda", "Ria", "Wilma", "Şirin", "Noëlle",
    "Tineke",
];
pub const CLIENT_MEN: &[&str] = &[
    "Bilal", "Ismaël", "Henk", "Marcel", "Ömer", "Jürgen", "Rob", "Karel", "Dennis", "Hüseyin",
];
pub const CLIENT_CHILDREN: &[&str] = &[
    "Elin", "Finn", "Jayden", "Liam", "Mila", "Nora", "Owen", "Rayan", "Saar", "Timo", "Yara",
    "Zoë", "Eliza", "Daan",
];

/// The name pool fitting a household role.
pub fn client_names(role: &str) -> &'static [&'static str] {
    match role {
        "moeder" | "oma" | "vrouw" => CLIENT_WOMEN,
        "vader" | "stiefvader" | "man" => CLIENT_MEN,
        "kind" | "halfzus" | "kleinkind" => CLIENT_CHILDREN,
        _ => CLIENT_WOMEN,
    }
}

/// Neighbourhood names for team names.
pub const WIJKEN: &[&str] = &[
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
    "De Esch",
    "Stroïnkslanden",
    "Velve",
    "Lindenhof",
    "Het Hogeland",
    "Twekkelerveld",
    "Boswinkel",
    "Pathmos",
    "Deppenbroek",
    "Wesselerbrink",
    "Glanerbrug",
    "Ribbelt",
    "Stokhorst",
    "Roombeek",
    "Mekkelholt",
    "De Marssteden",
    "Hengelosestraat",
    "Bolhaar",
    "Veldkamp",
    "Achter 't Hout",
    "Schöttelkamp",
    "Bruggert",
    "Drienerveld",
    "Horstlanden",
    "Ruwenbos",
];

/// Meeting places.
pub const PLACES: &[&str] = &[
    "Wijkcentrum De Bron, zaal 2",
    "Buurthuis Het Anker, vergaderruimte",
    "Stadskantoor, kamer 3.14",
    "Wijkcentrum Ons Huis, grote zaal",
    "Sociaal Huis De Wieken, ruimte Eik",
];

/// Certified institutions (GI), fictional.
pub const GIS: &[&str] = &[
    "Jeugdbescherming Oost-Wijkerland",
    "William Schrikker Stichting Regio Wijkerland",
    "Stichting Gezinsvoogdij IJsselvallei",
];

/// Kinds of court measure.
pub const MEASURES: &[&str] = &[
    "ondertoezichtstelling (OTS)",
    "ondertoezichtstelling (OTS) met machtiging uithuisplaatsing",
    "voogdij",
    "jeugdreclassering",
];

/// Partner organisations with the role they play: (organisation, role).
pub const PARTNERS: &[(&str, &str)] = &[
    ("Basisschool De Wegwijzer", "intern begeleider"),
    ("Het Wijkerveen College", "mentor"),
    ("Huisartsenpraktijk Stroïnkslanden", "huisarts"),
    ("Huisartsenpraktijk De Linde", "praktijkondersteuner GGZ"),
    ("Mediant GGZ Wijkerland", "casemanager GGZ"),
    ("Tactus Verslavingszorg", "ambulant hulpverlener"),
    ("Schuldhulp Wijkerveen", "schuldhulpverlener"),
    ("Woonstichting De Veste", "woonconsulent"),
    ("Domijn Wonen", "wijkbeheerder"),
    ("Politie Wijkerveen", "wijkagent"),
    ("Humanitas", "thuisadministratie-vrijwilliger"),
    ("Stichting Present", "vrijwilligerscoördinator"),
    ("Karakter Kinder- en Jeugdpsychiatrie", "behandelaar"),
    ("Aveleijn", "begeleider LVB"),
    ("MEE Oost", "cliëntondersteuner"),
    ("Sociale Dienst Wijkerveen", "klantmanager werk"),
];

/// Provisions: (name, provider, law).
pub const VOORZIENINGEN: &[(&str, &str, super::super::domain::Law)] = {
    use super::super::domain::Law::*;
    &[
        ("huishoudelijke hulp", "Thuiszorg Het Wijkerhuis", Wmo),
        ("individuele begeleiding", "Zorgboerderij 't Olde Hof", Wmo),
        ("dagbesteding", "Dagcentrum De Esch", Wmo),
        ("woningaanpassing (traplift)", "Hulpmiddelen Oost", Wmo),
        ("scootmobiel", "Hulpmiddelen Oost", Wmo),
        ("beschermd wonen", "Stichting Beschut Wonen Wijkerland", Wmo),
        (
            "ambulante gezinsbegeleiding",
            "Gezinshuis De Linde",
            Jeugdwet,
        ),
        (
            "ambulante jeugdhulp",
            "Stichting Jeugd & Gezin Wijkerland",
            Jeugdwet,
        ),
        (
            "dagbehandeling jeugd",
            "Karakter Kinder- en Jeugdpsychiatrie",
            Jeugdwet,
        ),
        ("logeeropvang", "Zorgboerderij 't Olde Hof", Jeugdwet),
        ("pleegzorg", "Pleegzorg Oost", Jeugdwet),
        (
            "re-integratietraject",
            "Werkplein Wijkerveen",
            Participatiewet,
        ),
        (
            "bijzondere bijstand",
            "Sociale Dienst Wijkerveen",
            Participatiewet,
        ),
        (
            "participatieplaats",
            "Werkplein Wijkerveen",
            Participatiewet,
        ),
    ]
};

/// Expertise labels for members.
pub const EXPERTISE: &[&str] = &[
    "schulden",
    "LVB",
    "huiselijk geweld",
    "jeugd en opvoeding",
    "GGZ",
    "verslaving",
    "ouderen",
    "dementie",
    "werk en inkomen",
    "huisvesting",
    "statushouders",
    "mantelzorg",
    "Signs of Safety",
    "scheiding",
    "autisme",
];

/// Who a household is, for choosing fitting texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A family with two parents and children.
    Gezin,
    /// A mother alone with her children.
    Eenouder,
    /// A man living alone.
    Man,
    /// A woman living alone.
    Vrouw,
    /// An older couple.
    Paar,
}

/// Household compositions: (pseudonym prefix, kind, members as (role, min age, max age)).
pub type Composition = (&'static str, Kind, &'static [(&'static str, u8, u8)]);

/// Household shapes, from a single adult to a large family.
pub const COMPOSITIONS: &[Composition] = &[
    (
        "Fam.",
        Kind::Gezin,
        &[
            ("moeder", 28, 45),
            ("vader", 30, 50),
            ("kind", 2, 8),
            ("kind", 9, 16),
        ],
    ),
    (
        "Fam.",
        Kind::Eenouder,
        &[("moeder", 24, 40), ("kind", 1, 6), ("kind", 4, 10)],
    ),
    (
        "Fam.",
        Kind::Gezin,
        &[
            ("moeder", 30, 48),
            ("kind", 6, 12),
            ("kind", 11, 17),
            ("kind", 13, 18),
        ],
    ),
    (
        "Fam.",
        Kind::Gezin,
        &[
            ("moeder", 35, 55),
            ("stiefvader", 35, 55),
            ("kind", 12, 17),
            ("halfzus", 1, 5),
        ],
    ),
    ("Mw.", Kind::Vrouw, &[("bewoner", 66, 92)]),
    ("Mw.", Kind::Vrouw, &[("bewoner", 22, 60)]),
    ("Dhr.", Kind::Man, &[("bewoner", 45, 80)]),
    ("Dhr.", Kind::Man, &[("bewoner", 19, 35)]),
    ("Fam.", Kind::Paar, &[("vrouw", 66, 85), ("man", 68, 88)]),
];

/// The kind of household a pseudonym and composition describe.
pub fn kind_of(household: &[crate::domain::HouseholdMember], pseudonym: &str) -> Kind {
    let has = |role: &str| household.iter().any(|m| m.role == role);
    if has("moeder") && (has("vader") || has("stiefvader")) {
        Kind::Gezin
    } else if has("moeder") {
        Kind::Eenouder
    } else if pseudonym.starts_with("Dhr.") {
        Kind::Man
    } else if pseudonym.starts_with("Mw.") {
        Kind::Vrouw
    } else {
        Kind::Paar
    }
}
