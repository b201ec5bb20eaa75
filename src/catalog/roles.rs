//! Roles named in the model, offered as suggestions for "rolle".

/// Roles that appear in Implementeringsmodellen, in Danish.
pub const ROLES: &[&str] = &[
    "Projektleder",
    "Styregruppeformand",
    "Styregruppe",
    "Projektteam",
    "Programleder",
    "Systemejer",
    "Kontraktstyringsansvarlig",
    "It-controller",
    "Strategisk it-indkøber",
    "Træner",
    "Superbruger",
    "Gevinstejer",
    "Gevinstansvarlig direktør",
    "Drift/support",
    "Forandringsleder",
];
