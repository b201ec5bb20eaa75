//! Checks the built-in template against KOMBIT's Implementeringsmodellen as
//! decoded in `shared/DOMAIN.md`: phases, main tasks, the 142 example
//! activities, roles and municipalities.

use std::collections::{BTreeMap, HashSet};

use super::*;
use crate::model::{Phase, PhaseSet, TaskGroup, TaskNo};

/// Main task numbers, names, groups and default phases exactly as in
/// DOMAIN.md (Skema 1 and the "Which phases" table).
const EXPECTED_TASKS: [(u8, &str, TaskGroup, &[Phase]); 16] = {
    use Phase::*;
    use TaskGroup::*;
    [
        (1, "Drift og support", Uafhaengige, &[F2, F3, F4]),
        (
            2,
            "Kontrakt-, indkøbs- og leverandørstyring",
            Uafhaengige,
            &[F0, F1, F2, F3, F4],
        ),
        (3, "Projektstyring", Projekt, &[F1, F2, F3]),
        (4, "Strategi", Organisatorisk, &[F0, F1, F4]),
        (5, "Kommunikation", Organisatorisk, &[F0, F1, F2, F3, F4]),
        (6, "Gevinstrealisering", Organisatorisk, &[F1, F2, F3, F4]),
        (7, "Sagsklargøring/-oprydning", Organisatorisk, &[F1, F2]),
        (8, "Kompetenceudvikling", Organisatorisk, &[F2, F3, F4]),
        (
            9,
            "Arbejdsgange og organisering",
            Organisatorisk,
            &[F1, F2, F3, F4],
        ),
        (10, "Go-live", Organisatorisk, &[F3]),
        (11, "It-miljø og infrastruktur", Teknisk, &[F1, F2]),
        (12, "Konfiguration", Teknisk, &[F2]),
        (13, "Integrationer og snitflader", Teknisk, &[F1, F2]),
        (14, "Konvertering og migrering", Teknisk, &[F2]),
        (15, "Test og prøver", Teknisk, &[F2]),
        (16, "Idriftsættelse af løsningen", Teknisk, &[F2]),
    ]
};

/// Number of example activities per main task (1..=16) in the seed.
const EXPECTED_COUNTS: [usize; 16] = [7, 23, 11, 7, 7, 10, 6, 16, 9, 10, 7, 5, 5, 7, 5, 7];

fn task_no(n: u8) -> TaskNo {
    TaskNo::new(n).expect("task number 1..=16")
}

/// The main task numbers under which a template activity with exactly this
/// title appears.
fn tasks_with_title(title: &str) -> Vec<u8> {
    activities()
        .iter()
        .filter(|a| a.title == title)
        .map(|a| a.task)
        .collect()
}

// ---------------------------------------------------------------- phases

#[test]
fn five_phases_in_order_f0_to_f4() {
    let phases = phases();
    assert_eq!(phases.len(), 5);
    for (i, info) in phases.iter().enumerate() {
        assert_eq!(info.phase, Phase::ALL[i], "phase at index {i}");
        assert_eq!(phase(info.phase).phase, info.phase);
    }
}

#[test]
fn every_phase_has_focus_effect_actors_and_success_statement() {
    for info in phases() {
        let code = info.phase.code();
        for (what, text) in [
            ("focus", info.focus),
            ("effect", info.effect),
            ("actors", info.actors),
            ("success_when", info.success_when),
        ] {
            assert!(!text.trim().is_empty(), "{code} has an empty {what}");
            assert_eq!(text, text.trim(), "{code} {what} has stray whitespace");
            assert!(
                !text.contains("  "),
                "{code} {what} has a double space (a joined line break?): {text:?}"
            );
        }
    }
}

#[test]
fn phases_f1_to_f4_have_the_success_factors_of_tabel_2() {
    let expected_counts = [
        (Phase::F1, 5),
        (Phase::F2, 5),
        (Phase::F3, 4),
        (Phase::F4, 4),
    ];
    for (p, n) in expected_counts {
        let factors = phase(p).success_factors;
        assert_eq!(
            factors.len(),
            n,
            "{} success factors: {factors:?}",
            p.code()
        );
        for f in factors {
            assert!(
                !f.trim().is_empty(),
                "{} has an empty success factor",
                p.code()
            );
            assert!(!f.contains("  "), "double space in {f:?}");
        }
    }
    assert!(phase(Phase::F1)
        .success_factors
        .contains(&"Topledelsens involvering"));
    assert!(phase(Phase::F3)
        .success_factors
        .contains(&"Uddannede brugere"));
}

#[test]
fn phase_f0_says_its_success_factors_are_not_specified() {
    assert_eq!(
        phase(Phase::F0).success_factors,
        &["Specifikation mangler/udestår"]
    );
}

#[test]
fn phase_effects_match_tabel_1() {
    assert_eq!(
        phase(Phase::F0).effect,
        "Beslutning om at tilslutte sig en fælleskommunal eller -offentlig it-løsning."
    );
    assert!(phase(Phase::F3)
        .effect
        .starts_with("Normal drift med rutinemæssig brug af løsningen"));
    assert!(phase(Phase::F4).actors.contains("gevinstrealisering"));
}

// ---------------------------------------------------------------- tasks

#[test]
fn sixteen_main_tasks_numbered_1_to_16() {
    let tasks = tasks();
    assert_eq!(tasks.len(), 16);
    for (i, t) in tasks.iter().enumerate() {
        assert_eq!(usize::from(t.number), i + 1);
        assert_eq!(task(task_no(t.number)).number, t.number);
    }
}

#[test]
fn main_task_names_are_exactly_as_in_the_domain() {
    for (n, name, _, _) in EXPECTED_TASKS {
        assert_eq!(task(task_no(n)).name, name, "name of main task {n}");
    }
}

#[test]
fn main_tasks_are_grouped_as_in_skema_1() {
    for (n, _, group, _) in EXPECTED_TASKS {
        assert_eq!(task(task_no(n)).group, group, "group of main task {n}");
    }
    // The groups appear in Skema 1's order when walking the tasks.
    let mut order: Vec<TaskGroup> = Vec::new();
    for t in tasks() {
        if order.last() != Some(&t.group) {
            order.push(t.group);
        }
    }
    assert_eq!(order, TaskGroup::ALL.to_vec());
}

#[test]
fn main_tasks_have_description_and_purpose() {
    for t in tasks() {
        assert!(
            t.description.trim().len() > 40,
            "main task {} has no real description",
            t.number
        );
        assert!(
            t.purpose.trim().len() > 20,
            "main task {} has no real purpose",
            t.number
        );
        assert!(
            !t.description.contains("  ") && !t.purpose.contains("  "),
            "main task {} has a double space",
            t.number
        );
    }
}

#[test]
fn purpose_sentences_start_like_the_seed() {
    // Most purposes are the seed's "At sikre ..." / "At ..." sentence.
    for t in tasks() {
        assert!(
            t.purpose.starts_with("At ") || t.purpose.starts_with("Skal "),
            "main task {} purpose: {:?}",
            t.number,
            t.purpose
        );
    }
}

#[test]
fn default_phases_are_exactly_the_domain_table() {
    for (n, _, _, phases) in EXPECTED_TASKS {
        let no = task_no(n);
        assert_eq!(task(no).default_phases, phases, "main task {n}");
        assert_eq!(default_phases(no), PhaseSet::of(phases), "main task {n}");
    }
}

#[test]
fn go_live_is_only_active_in_ibrugtagning() {
    let set = default_phases(task_no(10));
    assert_eq!(set.codes(), "F3");
}

// ---------------------------------------------------------------- activities

#[test]
fn template_has_exactly_142_activities() {
    assert_eq!(activities().len(), 142);
}

#[test]
fn activity_keys_are_unique() {
    let mut seen = HashSet::new();
    for a in activities() {
        assert!(seen.insert(a.key), "duplicate key {}", a.key);
    }
}

#[test]
fn activity_keys_have_the_form_tnn_mm_matching_their_task_and_position() {
    let mut next: BTreeMap<u8, u32> = BTreeMap::new();
    for a in activities() {
        let k = a.key.as_bytes();
        assert_eq!(k.len(), 6, "key {}", a.key);
        assert!(
            k[0] == b't'
                && k[3] == b'-'
                && k[1..3].iter().all(u8::is_ascii_digit)
                && k[4..6].iter().all(u8::is_ascii_digit),
            "key {} is not of the form tNN-MM",
            a.key
        );
        let task: u8 = a.key[1..3].parse().unwrap();
        let item: u32 = a.key[4..6].parse().unwrap();
        assert_eq!(task, a.task, "key {} under main task {}", a.key, a.task);
        let expected = next.entry(a.task).or_insert(1);
        assert_eq!(item, *expected, "key {} out of sequence", a.key);
        *expected += 1;
    }
}

#[test]
fn activities_are_listed_in_main_task_order() {
    let numbers: Vec<u8> = activities().iter().map(|a| a.task).collect();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    assert_eq!(numbers, sorted);
}

#[test]
fn activity_counts_per_main_task_match_the_seed() {
    let mut counts = [0usize; 16];
    for a in activities() {
        assert!((1..=16).contains(&a.task), "task {} of {}", a.task, a.key);
        counts[usize::from(a.task) - 1] += 1;
    }
    assert_eq!(counts, EXPECTED_COUNTS);
    assert_eq!(EXPECTED_COUNTS.iter().sum::<usize>(), 142);
}

#[test]
fn seed_activities_sit_under_the_right_main_task() {
    let checks: &[(&str, u8)] = &[
        ("Udpeg systemejer", 1),
        ("Overlever brugersupport til support", 1),
        ("Udpeg kontraktstyringsansvarlig", 2),
        // Last item under the sub-heading "Udbudsplanlægning og processer".
        ("Etabler standardproces for udbud", 2),
        ("Udpeg/rekrutter projektleder", 3),
        ("Udpeg/rekrutter styregruppeformand", 3),
        ("Opdater ledelsesprodukter ved faseovergange", 3),
        ("Udarbejd kompetenceudviklingsstrategi", 4),
        ("Evaluer kommunikation i implementeringsforløbet", 5),
        ("Identificer gevinster", 6),
        ("Lav eftermåling", 6),
        // Main task 7's list sits just before the heading of main task 8.
        ("Rapporter status på sagsklargøring/-oprydning", 7),
        ("Uddan superbrugere", 8),
        ("Evaluer ændringer i arbejdsgange", 9),
        // Main task 10's list is headed "Planlæg opgaver og aktiviteter".
        ("Planlæg go-live/hyper-care", 10),
        ("Evaluer go-live/hyper-care", 10),
        ("Opdater it-strategi", 11),
        ("Tilpas skabeloner (breve, mails mm.)", 12),
        ("Beslut hvilke snitflader der skal videreføres", 13),
        (
            "Bestil abonnementer til snitflader (funktionscertifikater)",
            13,
        ),
        ("Konverter data, sager og dokumenter", 14),
        // Main task 15's list is headed "Typiske opgaver/aktiviteter"; the
        // seed lists "Test/godkend(t) integrationer" there, not under 13.
        ("Test/godkend integrationer", 15),
        ("Verificer datakvalitet ved konvertering", 15),
        ("Udfyld parathedsundersøgelse", 16),
        ("Evaluer idriftsættelse af løsningen", 16),
    ];
    for (title, task) in checks {
        assert_eq!(
            tasks_with_title(title),
            vec![*task],
            "{title:?} should appear once, under main task {task}"
        );
    }
}

#[test]
fn repeated_seed_titles_appear_under_each_of_their_main_tasks() {
    // "Håndter hændelser/fejl" is listed in main tasks 10, 14 and 16.
    assert_eq!(tasks_with_title("Håndter hændelser/fejl"), vec![10, 14, 16]);
}

#[test]
fn main_task_2_sub_headings_are_not_activities() {
    for heading in [
        "Leverandøroversigt",
        "Kontraktstyring",
        "Udbudsplanlægning og processer",
    ] {
        assert!(
            activities().iter().all(|a| !a.title.contains(heading)),
            "sub-heading {heading:?} became an activity"
        );
    }
}

#[test]
fn obvious_seed_typos_are_corrected() {
    for a in activities() {
        assert!(!a.title.contains("godkendt"), "{}: {}", a.key, a.title);
        assert!(!a.title.contains("fakturer "), "{}: {}", a.key, a.title);
        assert!(!a.title.ends_with("fakturer"), "{}: {}", a.key, a.title);
    }
}

#[test]
fn no_title_ends_with_a_stray_footnote_digit() {
    for a in activities() {
        let last = a.title.chars().last().expect("non-empty title");
        assert!(
            !last.is_ascii_digit(),
            "{} ends with a digit: {:?}",
            a.key,
            a.title
        );
    }
}

#[test]
fn titles_are_trimmed_and_single_spaced_and_start_with_a_capital() {
    for a in activities() {
        assert!(!a.title.is_empty(), "{} has an empty title", a.key);
        assert_eq!(a.title, a.title.trim(), "{}", a.key);
        assert!(!a.title.contains("  "), "{}: {:?}", a.key, a.title);
        assert!(
            !a.title.ends_with(',') && !a.title.ends_with(';'),
            "{}: {:?}",
            a.key,
            a.title
        );
        let first = a.title.chars().next().unwrap();
        assert!(first.is_uppercase(), "{}: {:?}", a.key, a.title);
    }
}

#[test]
fn titles_are_unique_within_each_main_task() {
    let mut seen = HashSet::new();
    for a in activities() {
        assert!(
            seen.insert((a.task, a.title)),
            "{:?} twice under main task {}",
            a.title,
            a.task
        );
    }
}

#[test]
fn each_default_phase_is_one_of_its_main_tasks_default_phases() {
    for a in activities() {
        assert!(
            default_phases(task_no(a.task)).contains(a.phase),
            "{} ({}) is in {}, where main task {} is not active",
            a.key,
            a.title,
            a.phase.code(),
            a.task
        );
    }
}

#[test]
fn spans_are_fractions_with_start_before_end() {
    for a in activities() {
        let (s, e) = a.span;
        assert!(s.is_finite() && e.is_finite(), "{}", a.key);
        assert!((0.0..=1.0).contains(&s), "{} starts at {s}", a.key);
        assert!((0.0..=1.0).contains(&e), "{} ends at {e}", a.key);
        assert!(s < e, "{} span {s}..{e}", a.key);
    }
}

// ---------------------------------------------------------------- roles

#[test]
fn roles_are_non_empty_unique_and_cover_the_domain() {
    assert!(!ROLES.is_empty());
    let mut seen = HashSet::new();
    for r in ROLES {
        assert!(!r.trim().is_empty());
        assert_eq!(*r, r.trim());
        assert!(seen.insert(r.to_lowercase()), "role {r} twice");
    }
    for r in [
        "Projektleder",
        "Styregruppeformand",
        "Systemejer",
        "Kontraktstyringsansvarlig",
        "Gevinstejer",
        "Forandringsleder",
    ] {
        assert!(ROLES.contains(&r), "role {r} missing");
    }
}

// ---------------------------------------------------------------- municipalities

#[test]
fn there_are_98_unique_municipalities() {
    assert_eq!(MUNICIPALITIES.len(), 98);
    let mut seen = HashSet::new();
    for m in MUNICIPALITIES {
        assert!(!m.trim().is_empty());
        assert_eq!(*m, m.trim(), "stray whitespace in {m:?}");
        assert!(!m.contains("Kommune"), "{m} should be the short name");
        assert!(seen.insert(*m), "{m} twice");
    }
}

#[test]
fn municipalities_include_well_known_names() {
    for m in [
        "København",
        "Aarhus",
        "Aalborg",
        "Odense",
        "Bornholm",
        "Læsø",
        "Ærø",
        "Høje-Taastrup",
    ] {
        assert!(MUNICIPALITIES.contains(&m), "{m} missing");
    }
}

/// Sort key for Danish alphabetical order: Æ, Ø, Å after Z; "Aa" as two A's.
fn danish_key(s: &str) -> Vec<u32> {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => 1000,
            'ø' => 1001,
            'å' => 1002,
            c => c as u32,
        })
        .collect()
}

#[test]
fn municipalities_are_in_danish_alphabetical_order() {
    for w in MUNICIPALITIES.windows(2) {
        assert!(
            danish_key(w[0]) < danish_key(w[1]),
            "{} should come before {}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn template_version_is_set() {
    assert!(!TEMPLATE_VERSION.trim().is_empty());
}
