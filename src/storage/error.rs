//! Storage errors with Danish messages.

/// What went wrong with local storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no access to local storage (disabled, blocked by
    /// settings or privacy mode).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Any other failure, with the browser's words.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(
                f,
                "Browseren giver ikke adgang til lokal lagring, så planen gemmes ikke. Du kan arbejde videre, men ændringer forsvinder, når fanen lukkes. Tillad lagring for siden (cookies og webstedsdata) og genindlæs."
            ),
            StorageError::Full => write!(
                f,
                "Browserens lokale lager er fuldt, så den seneste ændring er ikke gemt. Eksportér planen til en fil, og slet planer eller data, du ikke bruger."
            ),
            StorageError::Other(detail) => write!(
                f,
                "Planen kunne ikke gemmes i browseren ({detail}). Eksportér planen til en fil for en sikkerheds skyld."
            ),
        }
    }
}

impl std::error::Error for StorageError {}
