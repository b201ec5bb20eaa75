//! The sixteen main tasks (hovedopgaver) of Implementeringsmodellen: name,
//! group (Skema 1), description (Skema 1, "Beskrivelse af hovedopgaven"),
//! purpose sentence (from the task's own section) and default active phases.
//!
//! Skema 1's phase crosses were lost in the transcript; the default phases
//! follow the table in `shared/DOMAIN.md` and can be edited per plan.

use super::TaskInfo;
use crate::model::{Phase, TaskGroup};

/// The main tasks 1 to 16 in order (index = number - 1).
pub(super) static TASKS: &[TaskInfo] = &[
    TaskInfo {
        number: 1,
        name: "Drift og support",
        group: TaskGroup::Uafhaengige,
        description: "Samling af opgaver/aktiviteter der skal sikre, at kommunen forbereder \
                      situationen, hvor løsningen er taget i brug og overgår til almindelig \
                      drift/support. Herunder opgaver/aktiviteter der overleverer løsningen til \
                      forretningsområdet og it-/digitaliseringsafdelingen, så ansvaret for drift, \
                      vedligeholdelse og videreudvikling af løsningen og relateret infrastruktur \
                      er klart placeret og håndteres i et omfang, der dækker kommunens behov.",
        purpose: "At sikre, at drift/support involveres relevant undervejs i implementeringen, \
                  så grundlaget for en systematisk og god overlevering fra projektet til \
                  drift/support etableres.",
        default_phases: &[Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 2,
        name: "Kontrakt-, indkøbs- og leverandørstyring",
        group: TaskGroup::Uafhaengige,
        description: "En samling af opgaver/aktiviteter der handler om at sikre løbende og \
                      overordnet styring af leverandører i forbindelse med indkøb, udbud og \
                      kontrakter. Indkøbsstyring er styring af, hvad der indkøbes, hvor det \
                      indkøbes, hvordan og hvorfor det indkøbes inkl. de beslutningsprocesser, \
                      der følger forud for et indkøb, og beslutningen om, hvor og hvordan der \
                      indkøbes.",
        purpose: "At sikre, at kommunen har overblik over aktuelle kontrakter, kontrollerer og \
                  styrer aktive kontrakter, så kommunen kan optimere leverandørstyringen ved \
                  indkøb og i kontraktperioden.",
        default_phases: &[Phase::F0, Phase::F1, Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 3,
        name: "Projektstyring",
        group: TaskGroup::Projekt,
        description: "Samling af opgaver/aktiviteter såsom planlægning, uddelegering, \
                      overvågning og styring af alle aspekter af et projekt og motivering af \
                      alle involverede med henblik på at opnå projektets mål i form af \
                      præstationsmål for tid, udbytte, omfang, risici, omkostninger og \
                      kvalitet.",
        purpose: "At sikre styring og fremdrift ved implementeringen af de enkelte løsninger i \
                  monopolbruddet.",
        default_phases: &[Phase::F1, Phase::F2, Phase::F3],
    },
    TaskInfo {
        number: 4,
        name: "Strategi",
        group: TaskGroup::Organisatorisk,
        description: "En samling af opgaver/aktiviteter der handler om at sikre stillingtagen, \
                      retning og rammer for kommunens tilslutning til, implementering og brug af \
                      løsningen, så brugen af løsningen understøtter kommunens \
                      opgavevaretagelse. Herudover skal opgaverne sikre, at kommunens strategier \
                      opdateres, hvis den nye løsning rummer forbedringspotentialer, som \
                      kommunen ønsker at udnytte bredere. Opgaverne skal sikre, at den ny \
                      løsning ses i sammenhæng med kommunens samlede systemlandskab og \
                      opgavevaretagelse.",
        purpose: "At tilvejebringe rammer for implementeringen og brugen af løsningerne i \
                  kommunen, så løsningerne forankres strategisk og ledelsesmæssigt, og kommunen \
                  i videst muligt omfang får understøttet udviklingen af \
                  forretnings-/forvaltningsområdet.",
        default_phases: &[Phase::F0, Phase::F1, Phase::F4],
    },
    TaskInfo {
        number: 5,
        name: "Kommunikation",
        group: TaskGroup::Organisatorisk,
        description: "En samling af opgaver/aktiviteter der skal sikre, at information og viden \
                      om processen, løsningen og brugen af løsningen er formidlet til alle \
                      relevante aktører, og som herved understøtter en bevidst håndtering af \
                      interessenter, så relevante aktører accepterer løsningen.",
        purpose: "At sikre relevant og rettidig information fra tilslutning til forankring, så \
                  alle berørte og involverede parter har tilstrækkelig viden om processen, \
                  løsningen og ændringer i organisering, arbejdsgange mm., så de positivt kan \
                  støtte op om og involvere sig i implementeringen af den ny it-løsning.",
        default_phases: &[Phase::F0, Phase::F1, Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 6,
        name: "Gevinstrealisering",
        group: TaskGroup::Organisatorisk,
        description: "En samling af opgaver/aktiviteter der handler om at skabe grundlaget for, \
                      at kommunen får identificeret potentielle gevinster, gevinsternes \
                      forudsætninger, gennemført processer, der understøtter en systematisk \
                      opfølgning, så gevinsterne realiseres, og endeligt får målt/eftervist, \
                      hvilke gevinster brugen af løsningen har givet.",
        purpose: "At sikre og understøtte realiseringen af potentielle gevinster, så brugen af \
                  den nye it-løsning bibringer de ønskede effekter/resultater.",
        default_phases: &[Phase::F1, Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 7,
        name: "Sagsklargøring/-oprydning",
        group: TaskGroup::Organisatorisk,
        description: "En samling af opgaver/aktiviteter der gennemføres for at sikre, at data, \
                      sager og dokumenter er klar til at blive vist i index'er i \
                      støttesystemerne eller flyttet fra eksisterende til ny løsning jf. \
                      persondataloven og god forvaltningsskik.",
        purpose: "At sikre, at kommunen ved idriftsættelse af den nye løsning er klar til at \
                  vise data, konvertere og/eller migrere data, sager og dokumenter fra \
                  løsninger, der skal udfases, til den nye fælleskommunale løsning og evt. til \
                  andre løsninger, hvis der ikke er et en-til-en forhold mellem eksisterende \
                  løsning, der udfases, og den nye fælleskommunale it-løsning.",
        default_phases: &[Phase::F1, Phase::F2],
    },
    TaskInfo {
        number: 8,
        name: "Kompetenceudvikling",
        group: TaskGroup::Organisatorisk,
        description: "En samling af opgaver/aktiviteter der gennemføres for at sikre, at \
                      ledelsen og medarbejderne (menneskelige ressourcer i kommunen) har de \
                      fornødne kompetencer til at kunne implementere og anvende løsningen.",
        purpose: "Skal sikre, at alle relevante aktører har den fornødne viden, færdigheder og \
                  indstilling til at anvende løsningen og implementere nye/ændrede \
                  arbejdsgange.",
        default_phases: &[Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 9,
        name: "Arbejdsgange og organisering",
        group: TaskGroup::Organisatorisk,
        description: "Samling af opgaver/aktiviteter der gennemføres for at tilpasse og optimere \
                      eksisterende organisering og arbejdsgange til den nye løsning, og som \
                      typisk er en forudsætning for, at kommunen får realiseret potentielle \
                      gevinster, som løsningen giver.",
        purpose: "Skal sikre, at organisering og arbejdsgange ændres og tilpasses, så kommunen \
                  kan hjemtage potentielle gevinster ved brugen af løsningen. Herunder at \
                  kommunen i den udstrækning, det er relevant, griber anledningen til at ændre i \
                  organisering og arbejdsgange, så opgaverne varetages effektivt og mest \
                  hensigtsmæssigt til gavn for borgerne, medarbejderne og ledelsen.",
        default_phases: &[Phase::F1, Phase::F2, Phase::F3, Phase::F4],
    },
    TaskInfo {
        number: 10,
        name: "Go-live",
        group: TaskGroup::Organisatorisk,
        description: "Samling af opgaver/aktiviteter der gennemføres i en kortere og nærmere \
                      afgrænset periode med henblik på at sikre, at en eller flere afdelinger i \
                      kommunen tager løsningen i brug. Go-live afgrænses til de første 7-10 \
                      arbejdsdage, hvor der bør være allokeret ekstra ressourcer til at sikre en \
                      hurtig og effektiv problemløsning af de udfordringer, der opstår, når der \
                      kommer brugere på løsningen.",
        purpose: "At sikre planlægning af ibrugtagningen af løsningen i de første 7-10 \
                  arbejdsdage. Herunder at sikre, at eventuelle problemer, der opstår teknisk \
                  eller brugermæssigt, håndteres effektivt, så brugerne får tillid til den ny \
                  løsning og de ændrede arbejdsgange.",
        default_phases: &[Phase::F3],
    },
    TaskInfo {
        number: 11,
        name: "It-miljø og infrastruktur",
        group: TaskGroup::Teknisk,
        description: "Samling af opgaver/aktiviteter der gennemføres for at sikre, at \
                      it-infrastrukturen vedligeholdes og tilpasses, så den understøtter de \
                      forretningsmæssige behov, it-strategien og de forretningskritiske \
                      løsninger. Helt konkret skal opgaver/aktiviteter medvirke til, at kommunen \
                      lever op til de krav, nye løsninger stiller til kommunens it-miljø, \
                      herunder krav fra rammearkitekturen og den funktionalitet, der skal \
                      understøttes for anvendelse heraf (ex Identity Provider (IdP)).",
        purpose: "At sikre, at kommunen opfylder de krav, den nye løsning stiller til \
                  soft-/hardware og performance, så de kan anvende den nye fælleskommunale \
                  it-løsning, kommunen sikres sikker forretningsmæssig drift, og brugerne får en \
                  god oplevelse ved at anvende løsningen.",
        default_phases: &[Phase::F1, Phase::F2],
    },
    TaskInfo {
        number: 12,
        name: "Konfiguration",
        group: TaskGroup::Teknisk,
        description: "En samling af opgaver/aktiviteter der gennemføres for at sikre, at den nye \
                      løsning fungerer i den kommunale kontekst, og brugerne kan tilgå \
                      løsningen.",
        purpose: "At gøre it-løsningen anvendelig i den enkelte kommune.",
        default_phases: &[Phase::F2],
    },
    TaskInfo {
        number: 13,
        name: "Integrationer og snitflader",
        group: TaskGroup::Teknisk,
        description: "Samling af opgaver/aktiviteter der gennemføres for at sikre, at den nye \
                      løsning fungerer i samspillet med andre løsninger og kan vise data, \
                      eksportere/importere relevante data/funktionalitet fra andre løsninger.",
        purpose: "At den nye it-løsning er integreret med andre nødvendige/relevante systemer \
                  via snitflader, så løsningen fungerer.",
        default_phases: &[Phase::F1, Phase::F2],
    },
    TaskInfo {
        number: 14,
        name: "Konvertering og migrering",
        group: TaskGroup::Teknisk,
        description: "En samling af opgaver/aktiviteter der gennemføres for at sikre, at data, \
                      sager og dokumenter korrekt overføres fra eksisterende løsning til den ny \
                      løsning og/eller andre løsninger, hvis der ikke er et en-til-en forhold \
                      mellem den eksisterende og nye løsning.",
        purpose: "At sikre, at fuldstændige og korrekte data, sager og dokumenter er flyttet og \
                  er tilgængelige i den nye it-løsning eller andre it-løsninger, jf. \
                  persondataloven og god forvaltningsskik.",
        default_phases: &[Phase::F2],
    },
    TaskInfo {
        number: 15,
        name: "Test og prøver",
        group: TaskGroup::Teknisk,
        description: "Samling af opgaver/aktiviteter der gennemføres for at sikre, at kommunen \
                      har sandsynliggjort, at elementer af den nye løsning og/eller koncepter \
                      relateret til den nye løsning fungerer i praksis.",
        purpose: "At sandsynliggøre, at løsningen inkl. integrationer, konvertering/migrering, \
                  undervisningsmateriale mm. fungerer som forventet/specificeret.",
        default_phases: &[Phase::F2],
    },
    TaskInfo {
        number: 16,
        name: "Idriftsættelse af løsningen",
        group: TaskGroup::Teknisk,
        description: "Samling af opgaver/aktiviteter der gennemføres i en afgrænset periode på \
                      ca. 2-14 arbejdsdage for at få løsningen op at køre i teknisk forstand og \
                      udfasning af eksisterende løsninger ved cut-over.",
        purpose: "At få den nye it-løsning op at køre i teknisk forstand, så løsningen er klar \
                  til go-live/ibrugtagning.",
        default_phases: &[Phase::F2],
    },
];
