//! Key-value backends: in memory and the browser's localStorage.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::StorageError;

/// A string key-value store.
pub trait Backend {
    /// The value at `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` at `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// All keys.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory backend with an optional quota in bytes (key and value
/// lengths counted as UTF-16 units, as browsers do).
#[derive(Debug, Default)]
pub struct MemoryBackend {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryBackend {
    /// An empty backend without quota.
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// An empty backend that refuses writes beyond `quota` units.
    pub fn with_quota(quota: usize) -> MemoryBackend {
        MemoryBackend {
            items: RefCell::default(),
            quota: Some(quota),
        }
    }

    fn used(items: &BTreeMap<String, String>) -> usize {
        items
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota {
            let old = items
                .get(key)
                .map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            let new = key.encode_utf16().count() + value.encode_utf16().count();
            if Self::used(&items) - old + new > quota {
                return Err(StorageError::Full);
            }
        }
        items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// The browser's localStorage.
#[derive(Debug, Clone)]
pub struct LocalBackend {
    storage: web_sys::Storage,
}

impl LocalBackend {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<LocalBackend, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalBackend { storage }),
            _ => Err(StorageError::Unavailable),
        }
    }
}

/// Turns a JavaScript exception from storage into a [`StorageError`].
fn js_error(e: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Other(
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or(name),
        ),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(js_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(js_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(js_error)?;
        (0..n)
            .filter_map(|i| self.storage.key(i).map_err(js_error).transpose())
            .collect()
    }
}

impl<B: Backend + ?Sized> Backend for Box<B> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}
