//! The benefit map (gevinstdiagram) a new plan starts with, built from the
//! model: the solution (and the training of its users) as deliverables,
//! changes in work processes, organisation and competences (main tasks 8
//! and 9), their effects, one example benefit per benefit type of Tabel 3,
//! and the model's goal that the municipality realises its business case.

use crate::model::Column;

/// One node of the suggested map.
#[derive(Debug)]
pub struct SuggestedNode {
    /// Stable key; the node's id in every plan is "n-" followed by it.
    pub key: &'static str,
    /// Column.
    pub column: Column,
    /// Title; "{løsning}" stands for the solution's name.
    pub title: &'static str,
    /// Description.
    pub description: &'static str,
    /// Main tasks that deliver it.
    pub tasks: &'static [u8],
}

const fn node(
    key: &'static str,
    column: Column,
    title: &'static str,
    description: &'static str,
    tasks: &'static [u8],
) -> SuggestedNode {
    SuggestedNode {
        key,
        column,
        title,
        description,
        tasks,
    }
}

/// The suggested nodes, column by column.
pub static SUGGESTED_NODES: &[SuggestedNode] = &[
    node(
        "lev-uddannelse",
        Column::Leverancer,
        "Uddannelse af ledere, superbrugere og brugere",
        "Uddannelseskoncept, undervisningsmateriale og gennemførte undervisningsforløb.",
        &[8],
    ),
    node(
        "lev-losning",
        Column::Leverancer,
        "{løsning} taget i brug",
        "Løsningen er konfigureret, integreret, testet og idriftsat, og data er konverteret.",
        &[10, 12, 13, 14, 16],
    ),
    node(
        "for-kompetencer",
        Column::Forandringer,
        "Nye kompetencer",
        "Ledere og medarbejdere har den viden, de færdigheder og den indstilling, der skal til for at bruge løsningen.",
        &[8],
    ),
    node(
        "for-arbejdsgange",
        Column::Forandringer,
        "Nye arbejdsgange",
        "Arbejdsgangene er ændret, så løsningen bruges som tiltænkt.",
        &[9],
    ),
    node(
        "for-organisering",
        Column::Forandringer,
        "Tilpasset organisering",
        "Roller, ansvar og organisering er tilpasset løsningen og de nye arbejdsgange.",
        &[9],
    ),
    node(
        "eff-faerre-fejl",
        Column::Effekter,
        "Færre fejl og mere ensartede afgørelser",
        "Sagerne behandles ens og korrekt første gang.",
        &[],
    ),
    node(
        "eff-hurtigere",
        Column::Effekter,
        "Hurtigere sagsbehandling",
        "Mindre tid pr. sag og færre manuelle trin.",
        &[],
    ),
    node(
        "eff-overblik",
        Column::Effekter,
        "Tydeligere ansvar og bedre overblik",
        "Medarbejderne ved, hvem der gør hvad, og har overblik over sagerne.",
        &[],
    ),
    node(
        "gev-kvalitet",
        Column::Gevinster,
        "Færre fejlbehæftede afgørelser",
        "Kvalitet: forbedringer i opgaveløsningen.",
        &[],
    ),
    node(
        "gev-okonomi",
        Column::Gevinster,
        "Frigjort tid i sagsbehandlingen",
        "Økonomisk råderum: skabes ved højere produktivitet (flere ydelser pr. forbrugt krone) og højere effektivitet (bedre resultater for pengene).",
        &[],
    ),
    node(
        "gev-service",
        Column::Gevinster,
        "Kortere svartid for borgerne",
        "Service: forbedringer i information, vejledning, svartider og tilgængelighed.",
        &[],
    ),
    node(
        "gev-trivsel",
        Column::Gevinster,
        "Bedre arbejdsmiljø",
        "Trivsel: forbedringer af arbejdsmiljøet.",
        &[],
    ),
    node(
        "maal-business-case",
        Column::Maal,
        "Kommunens business case realiseres",
        "Kommunen får det bedst mulige grundlag for at realisere egen business case for brugen af løsningen.",
        &[],
    ),
];

/// The suggested arrows as (from key, to key).
pub static SUGGESTED_ARROWS: &[(&str, &str)] = &[
    ("lev-uddannelse", "for-kompetencer"),
    ("lev-losning", "for-kompetencer"),
    ("lev-losning", "for-arbejdsgange"),
    ("lev-losning", "for-organisering"),
    ("for-kompetencer", "eff-faerre-fejl"),
    ("for-arbejdsgange", "eff-faerre-fejl"),
    ("for-arbejdsgange", "eff-hurtigere"),
    ("for-organisering", "eff-overblik"),
    ("eff-faerre-fejl", "gev-kvalitet"),
    ("eff-hurtigere", "gev-okonomi"),
    ("eff-hurtigere", "gev-service"),
    ("eff-overblik", "gev-trivsel"),
    ("gev-kvalitet", "maal-business-case"),
    ("gev-okonomi", "maal-business-case"),
    ("gev-service", "maal-business-case"),
    ("gev-trivsel", "maal-business-case"),
];
