//! The stories of the built-in example plans: fictional municipalities,
//! their people, their late activities and their benefit profiles.

use crate::model::{BenefitKind, BenefitType, Frequency, Phase, Solution};

/// A person responsible for a main task's activities in an example.
#[derive(Debug)]
pub struct Person {
    /// Main task number.
    pub task: u8,
    /// Name.
    pub name: &'static str,
    /// Role (from the model's roles).
    pub role: &'static str,
}

/// One benefit profile of an example, dated relative to "today".
#[derive(Debug)]
pub struct BenefitStory {
    /// Id suffix (the profile's id is "g-" followed by it).
    pub key: &'static str,
    /// Name.
    pub name: &'static str,
    /// Description.
    pub description: &'static str,
    /// Type (Tabel 3).
    pub benefit_type: BenefitType,
    /// Benefit or negative effect.
    pub kind: BenefitKind,
    /// Benefit owner.
    pub owner: &'static str,
    /// Accountable director.
    pub accountable: &'static str,
    /// Indicator.
    pub indicator: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Baseline value.
    pub baseline: i64,
    /// Target value.
    pub target: i64,
    /// Baseline date, in days from today (negative: in the past).
    pub baseline_day: i64,
    /// Target date, in days from today.
    pub target_day: i64,
    /// Method.
    pub method: &'static str,
    /// Frequency.
    pub frequency: Frequency,
    /// Main tasks it depends on.
    pub tasks: &'static [u8],
    /// Measurements as (days from today, value, comment).
    pub measurements: &'static [(i64, i64, &'static str)],
    /// Key of the suggested map node (Gevinster) it belongs to, if any.
    pub node: Option<&'static str>,
}

/// A built-in example plan's story.
#[derive(Debug)]
pub struct Story {
    /// Stable key, stored in copies as `example`.
    pub key: &'static str,
    /// The fictional municipality.
    pub municipality: &'static str,
    /// The solution.
    pub solution: Solution,
    /// The plan's name as shown.
    pub name: &'static str,
    /// Danish summary shown in Eksempler.
    pub summary: &'static str,
    /// Days from the start of F1 to today.
    pub days_since_f1: i64,
    /// Days from today to go-live (negative: go-live has passed).
    pub days_to_go_live: i64,
    /// The phase the plan is in (reached by phase decisions).
    pub stage: Phase,
    /// Every n-th activity due before today is still not done (late)...
    pub late_every: usize,
    /// ... counting only activities of this phase and later.
    pub late_from: Phase,
    /// Template keys of activities that are blocked.
    pub blocked: &'static [&'static str],
    /// Who decides phase transitions.
    pub decided_by: &'static str,
    /// Responsible people per main task.
    pub people: &'static [Person],
    /// Benefit profiles.
    pub benefits: &'static [BenefitStory],
}

const fn person(task: u8, name: &'static str, role: &'static str) -> Person {
    Person { task, name, role }
}

const PEOPLE_AABAKKE: &[Person] = &[
    person(1, "Jonas Kragh", "Drift/support"),
    person(2, "Birgitte Lund", "Kontraktstyringsansvarlig"),
    person(3, "Mette Holm", "Projektleder"),
    person(4, "Per Thygesen", "Styregruppeformand"),
    person(5, "Sara Nielsen", "Projektteam"),
    person(6, "Anders Vinther", "Gevinstejer"),
    person(7, "Lone Bech", "Superbruger"),
    person(8, "Camilla Friis", "Træner"),
    person(9, "Lone Bech", "Forandringsleder"),
    person(10, "Mette Holm", "Projektleder"),
    person(11, "Jonas Kragh", "Systemejer"),
    person(12, "Karim Haddad", "Systemejer"),
    person(13, "Karim Haddad", "Projektteam"),
    person(14, "Henrik Dam", "Projektteam"),
    person(15, "Henrik Dam", "Projektteam"),
    person(16, "Jonas Kragh", "Drift/support"),
];

const PEOPLE_LYNGMOSE: &[Person] = &[
    person(1, "Ole Bruun", "Drift/support"),
    person(2, "Hanne Kjær", "Kontraktstyringsansvarlig"),
    person(3, "Rasmus Lind", "Projektleder"),
    person(4, "Ida Mølgaard", "Styregruppeformand"),
    person(5, "Nanna Skov", "Projektteam"),
    person(6, "Ida Mølgaard", "Gevinstansvarlig direktør"),
    person(7, "Tina Winther", "Superbruger"),
    person(8, "Tina Winther", "Træner"),
    person(9, "Rasmus Lind", "Forandringsleder"),
    person(10, "Rasmus Lind", "Projektleder"),
    person(11, "Ole Bruun", "Systemejer"),
    person(12, "Ali Yilmaz", "Systemejer"),
    person(13, "Ali Yilmaz", "Projektteam"),
    person(14, "Ali Yilmaz", "Projektteam"),
    person(15, "Nanna Skov", "Projektteam"),
    person(16, "Ole Bruun", "Drift/support"),
];

const BENEFITS_AABAKKE: &[BenefitStory] = &[
    BenefitStory {
        key: "aabakke-tid",
        name: "Kortere tid pr. ansøgning om enkeltydelse",
        description:
            "Færre manuelle opslag og genbrug af oplysninger i KY frigør tid i Ydelsesteamet.",
        benefit_type: BenefitType::OekonomiskRaaderum,
        kind: BenefitKind::Gevinst,
        owner: "Anders Vinther",
        accountable: "Per Thygesen",
        indicator: "Gennemsnitlig sagsbehandlingstid pr. ansøgning",
        unit: "minutter",
        baseline: 95,
        target: 60,
        baseline_day: -250,
        target_day: 400,
        method: "Tidsregistrering i to uger hos seks sagsbehandlere",
        frequency: Frequency::Kvartalsvis,
        tasks: &[6, 9],
        measurements: &[
            (-160, 94, "Ingen ændring endnu"),
            (-70, 88, "Sagsoprydning og nye skabeloner har hjulpet"),
        ],
        node: Some("gev-okonomi"),
    },
    BenefitStory {
        key: "aabakke-licens",
        name: "Sparet licens og drift af det gamle ydelsessystem",
        description: "Det gamle system lukkes efter go-live.",
        benefit_type: BenefitType::OekonomiskRaaderum,
        kind: BenefitKind::Gevinst,
        owner: "Jonas Kragh",
        accountable: "Per Thygesen",
        indicator: "Udgift til licens og drift",
        unit: "kr. pr. år",
        baseline: 2_100_000,
        target: 1_300_000,
        baseline_day: -250,
        target_day: 500,
        method: "Opgjort fra kontrakter og faktura",
        frequency: Frequency::Halvaarlig,
        tasks: &[1, 2],
        measurements: &[(-70, 2_100_000, "Gammelt system kører stadig")],
        node: None,
    },
    BenefitStory {
        key: "aabakke-svartid",
        name: "Kortere svartid for borgerne",
        description: "Borgerne får svar på deres ansøgning hurtigere.",
        benefit_type: BenefitType::Service,
        kind: BenefitKind::Gevinst,
        owner: "Anders Vinther",
        accountable: "Per Thygesen",
        indicator: "Sagsbehandlingstid fra ansøgning til afgørelse",
        unit: "dage",
        baseline: 21,
        target: 10,
        baseline_day: -250,
        target_day: 400,
        method: "Udtræk af sagsdatoer",
        frequency: Frequency::Halvaarlig,
        tasks: &[6, 9, 10],
        measurements: &[(-70, 19, "")],
        node: Some("gev-service"),
    },
    BenefitStory {
        key: "aabakke-omgjort",
        name: "Færre omgjorte afgørelser",
        description: "Mere ensartede afgørelser med KY's regelmotor.",
        benefit_type: BenefitType::Kvalitet,
        kind: BenefitKind::Gevinst,
        owner: "Lone Bech",
        accountable: "Per Thygesen",
        indicator: "Andel afgørelser omgjort i Ankestyrelsen",
        unit: "%",
        baseline: 14,
        target: 8,
        baseline_day: -250,
        target_day: 500,
        method: "Ankestyrelsens statistik",
        frequency: Frequency::Aarlig,
        tasks: &[8, 9],
        measurements: &[],
        node: Some("gev-kvalitet"),
    },
    BenefitStory {
        key: "aabakke-oplaering",
        name: "Produktivitetstab under oplæring",
        description:
            "Sagsbehandlerne bruger tid på undervisning og dobbeltregistrering omkring go-live.",
        benefit_type: BenefitType::OekonomiskRaaderum,
        kind: BenefitKind::Ulempe,
        owner: "Camilla Friis",
        accountable: "Per Thygesen",
        indicator: "Timer brugt på oplæring og dobbeltregistrering",
        unit: "timer",
        baseline: 0,
        target: 900,
        baseline_day: -100,
        target_day: 300,
        method: "Registrering i timeregnskab",
        frequency: Frequency::Kvartalsvis,
        tasks: &[8],
        measurements: &[(-10, 120, "Superbrugeruddannelse gennemført")],
        node: None,
    },
];

const BENEFITS_LYNGMOSE: &[BenefitStory] = &[
    BenefitStory {
        key: "lyngmose-tid",
        name: "Frigjort tid i sagsbehandlingen",
        description: "Mindre tid til manuel dokumentation i SAPA-sager.",
        benefit_type: BenefitType::OekonomiskRaaderum,
        kind: BenefitKind::Gevinst,
        owner: "Tina Winther",
        accountable: "Ida Mølgaard",
        indicator: "Frigjort sagsbehandlertid omregnet til kroner",
        unit: "kr. pr. år",
        baseline: 0,
        target: 850_000,
        baseline_day: -330,
        target_day: 360,
        method: "Tidsmåling før og efter go-live",
        frequency: Frequency::Kvartalsvis,
        tasks: &[6, 9],
        measurements: &[
            (-240, 0, ""),
            (-150, 0, ""),
            (-60, 40_000, "Første effekt af nye arbejdsgange"),
        ],
        node: Some("gev-okonomi"),
    },
    BenefitStory {
        key: "lyngmose-trivsel",
        name: "Bedre arbejdsmiljø",
        description: "Færre dobbeltregistreringer og bedre overblik.",
        benefit_type: BenefitType::Trivsel,
        kind: BenefitKind::Gevinst,
        owner: "Rasmus Lind",
        accountable: "Ida Mølgaard",
        indicator: "Trivselsscore i APV (1-5)",
        unit: "point",
        baseline: 3,
        target: 4,
        baseline_day: -330,
        target_day: 360,
        method: "APV-spørgeskema",
        frequency: Frequency::Halvaarlig,
        tasks: &[8, 9],
        measurements: &[(-150, 3, "")],
        node: Some("gev-trivsel"),
    },
];

/// The built-in example plans.
pub static STORIES: &[Story] = &[
    Story {
        key: "aabakke-ky",
        municipality: "Åbakke",
        solution: Solution::Ky,
        name: "Åbakke Kommune · KY (eksempel)",
        summary: "Åbakke er en opdigtet mellemstor kommune midt i F2 Forberedelse af \
                  Kommunernes Ydelsessystem (KY): F0 og F1 er afsluttet med \
                  beslutninger, tjeklister er udfyldt, nogle aktiviteter er færdige og \
                  nogle er forsinkede, gevinsterne har baseline og de første målinger, \
                  og gevinstdiagrammet er koblet til gevinstprofilerne.",
        days_since_f1: 320,
        days_to_go_live: 192,
        stage: Phase::F2,
        late_every: 6,
        late_from: Phase::F2,
        blocked: &["t13-04"],
        decided_by: "Per Thygesen",
        people: PEOPLE_AABAKKE,
        benefits: BENEFITS_AABAKKE,
    },
    Story {
        key: "lyngmose-sapa",
        municipality: "Lyngmose",
        solution: Solution::Sapa,
        name: "Lyngmose Kommune · SAPA (eksempel)",
        summary: "Lyngmose er en opdigtet mindre kommune, der gik i luften med SAPA for \
                  ti dage siden og nu er i F3 Ibrugtagning: hyper-care er i gang, \
                  forberedelsen er afsluttet med en begrundet beslutning, og de første \
                  gevinstmålinger er registreret.",
        days_since_f1: 420,
        days_to_go_live: -10,
        stage: Phase::F3,
        late_every: 5,
        late_from: Phase::F2,
        blocked: &[],
        decided_by: "Ida Mølgaard",
        people: PEOPLE_LYNGMOSE,
        benefits: BENEFITS_LYNGMOSE,
    },
];
