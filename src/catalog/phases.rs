//! The five phases' template texts: focus (Figur 1), effect and actors
//! (Tabel 1), success factors and the "Succes forekommer når/hvis" statement
//! (Tabel 2) of KOMBIT's Implementeringsmodellen.
//!
//! The texts are reconstructed from the flattened PDF transcript; words split
//! over line breaks are joined and obvious typos corrected.

use super::PhaseInfo;
use crate::model::Phase;

/// The phases F0 to F4 in order (indexed by [`Phase::index`]).
pub(super) static PHASES: &[PhaseInfo] = &[
    PhaseInfo {
        phase: Phase::F0,
        focus: "Handlinger der leder frem til kommunens beslutning om tilslutning til \
                fælleskommunal it-løsning.",
        effect: "Beslutning om at tilslutte sig en fælleskommunal eller -offentlig it-løsning.",
        actors: "Topledelse og ledelsen fra det forretnings-/forvaltningsområde, som løsningen \
                 vedrører. (Tilslutningen vil ofte også blive behandlet politisk.)",
        success_factors: &["Specifikation mangler/udestår"],
        success_when: "Beslutning om tilslutning er bredt forankret ledelsesmæssigt og i det \
                       forretningsområde, som løsningen vedrører, og beslutningen om tilslutning \
                       til den fælleskommunale it-løsning er kommunikeret til relevante aktører i \
                       kommunen.",
    },
    PhaseInfo {
        phase: Phase::F1,
        focus: "Handlinger der leder frem til projektets godkendelse, løsningens \
                gevinstliggørelse og projektets/løsningens finansiering.",
        effect: "Beslutninger om at igangsætte implementeringen af løsningen og etablering af \
                 veldimensioneret projekt og en fornuftig business case.",
        actors: "Topledelse og ledelse fra det forretnings-/forvaltningsområde, som løsningen \
                 vedrører.",
        success_factors: &[
            "Topledelsens involvering",
            "Solid vurdering af forretningsmæssige forudsætninger og behov",
            "God forståelse af løsningens kapacitet og begrænsninger",
            "Omhyggelig konstrueret business case, som er godt kommunikeret til relevante aktører",
            "Investering",
        ],
        success_when: "Topledelsen og forretningsområdets ledelse træffer solide beslutninger om \
                       investering i løsningen og sørger for, at organisationen er gearet til at \
                       kunne effektuere de trufne beslutninger.",
    },
    PhaseInfo {
        phase: Phase::F2,
        focus: "Handlinger der sikrer, at kommunen forbereder sig både organisatorisk og teknisk \
                og herved bliver klar til ibrugtagning af løsningen (go-live).",
        effect: "Strategisk, taktisk og operationel forberedelse, der skal sikre, at kommunen \
                 effektivt og jf. plan kan idriftsætte løsningen og er klar til \
                 go-live/ibrugtagning af løsningen, herunder at brugerne accepterer løsningen.",
        actors: "Projektet, ledelse fra det forretnings-/forvaltningsområde, som løsningen \
                 vedrører, it-/digitaliseringsafdelingen, trænere/undervisere.",
        success_factors: &[
            "Deltagelse og inddragelse af forskellige interessenter/aktører",
            "Tekniske ressourcer, metodikker og ekspertise",
            "Projektstyring, leverandørstyring og interessenthåndtering",
            "Ekspertise om organisatorisk forandringsledelse",
            "Kompetente og erfarne it-specialister og projektdeltagere",
        ],
        success_when: "Projektet eksekverer solid projektplan og reagerer relevant på \
                       menneskelige og tekniske udfordringer, der opstår undervejs i projektet, \
                       eller projektet passende modificerer og tilpasser projektplanen, så den \
                       passer til ændrede forretningsmæssige og organisatoriske forudsætninger.",
    },
    PhaseInfo {
        phase: Phase::F3,
        focus: "Handlinger der sikrer, at forretningen ibrugtager løsningen og så hurtigt som \
                muligt etablerer normal drift i relation til brugen af løsningen.",
        effect: "Normal drift med rutinemæssig brug af løsningen opnås inden for rimelig tid, \
                 omkostninger og med ønsket effekt, så forretnings-/forvaltningsområdets behov \
                 opfyldes.",
        actors: "Ledere, brugere og superbrugere på det forretnings-/forvaltningsområde, som \
                 løsningen vedrører, og it-/digitaliseringsafdelingen (drift/support).",
        success_factors: &[
            "Uddannede brugere",
            "At løsningen er velkonfigureret og integreret",
            "Arbejdsprocesser/arbejdsgange ændres",
            "Allokering af ekstra menneskelige, finansielle og tekniske ressourcer, så man er i \
             stand til at løse problemer, der opstår ved ibrugtagning",
        ],
        success_when: "Forberedelsen har sikret, at organisationen er klar til at acceptere og \
                       anvende løsningen og relateret infrastruktur, der har tilstrækkelig \
                       kvalitet til at opfylde forretningens behov, eller passende \
                       foranstaltninger iværksættes for effektivt og hurtigt at løse tekniske og \
                       organisatoriske problemer, der opstår ved go-live.",
    },
    PhaseInfo {
        phase: Phase::F4,
        focus: "Handlinger der udføres med henblik på at sikre, at løsningen forankres i \
                forretningsområdets hverdag, og hvor almindelig drift/support dækker kommunens \
                behov relateret til løsningen.",
        effect: "Kommunen har forbedret grundlaget for at understøtte og løse opgaver på det \
                 forretningsområde, hvor løsningen anvendes. Kommunen fastholder sin \
                 teknologiske og forretningsmæssige fleksibilitet med henblik på fremtidig \
                 udvikling.",
        actors: "Det samlede forretnings-/forvaltningsområde, som løsningen vedrører, og \
                 it-/digitaliseringsafdelingen (drift/support). Topledelsen i relation til \
                 gevinstrealisering.",
        success_factors: &[
            "Ledelsen er forpligtet til at realisere gevinsterne",
            "Virkninger tilskrives brugen af løsningen",
            "System, teknisk infrastruktur, forretningsprocesser (arbejdsgange) og menneskelige \
             ressourcer er tilstrækkeligt fleksible til at tilpasse sig ændrede \
             forretningsmæssige forudsætninger",
            "Tilstrækkelige ressourcer allokeres til at fastholde og udvikle løsningen, den \
             tekniske infrastruktur og kompetencerne",
        ],
        success_when: "Gevinster fra brugen af løsningen kombineret med gunstige \
                       konkurrencemæssige betingelser, og den fremtidige udvikling af løsningen \
                       og relateret infrastruktur er godt forvaltet.",
    },
];
