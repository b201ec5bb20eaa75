//! Key-value backends: in memory and the browser's localStorage.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsCast;

use super::StorageError;

/// The length of `s` in UTF-16 code units, as browsers count storage.
pub(super) fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// A value ready to be stored. In the browser it is already a JavaScript
/// string, so turning a large plan's text into one (a few milliseconds)
/// can run as a task of its own, apart from serialising and storing it.
#[derive(Clone, Debug)]
pub struct Text(TextInner);

#[derive(Clone, Debug)]
enum TextInner {
    Rust(String),
    #[cfg(target_arch = "wasm32")]
    Js(js_sys::JsString),
}

impl Text {
    /// Text kept as it is (converted when stored).
    pub fn new(text: String) -> Text {
        Text(TextInner::Rust(text))
    }

    /// Text converted now to the form the browser stores (a JavaScript
    /// string); elsewhere the same as [`Text::new`].
    pub fn prepare(text: String) -> Text {
        #[cfg(target_arch = "wasm32")]
        {
            Text(TextInner::Js(js_sys::JsString::from(text.as_str())))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Text::new(text)
        }
    }

    /// Length in UTF-16 code units.
    pub fn units(&self) -> usize {
        match &self.0 {
            TextInner::Rust(s) => units(s),
            #[cfg(target_arch = "wasm32")]
            TextInner::Js(s) => s.length() as usize,
        }
    }

    /// The text as a Rust string (a copy when it is a JavaScript string).
    pub fn to_rust(&self) -> std::borrow::Cow<'_, str> {
        match &self.0 {
            TextInner::Rust(s) => std::borrow::Cow::Borrowed(s),
            #[cfg(target_arch = "wasm32")]
            TextInner::Js(s) => std::borrow::Cow::Owned(String::from(s)),
        }
    }
}

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

    /// The length of the value at `key` in UTF-16 code units, if any.
    /// Backends that can should answer without copying the value.
    fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        Ok(self.get(key)?.map(|v| units(&v)))
    }

    /// Stores prepared text at `key`.
    fn set_text(&self, key: &str, value: &Text) -> Result<(), StorageError> {
        self.set(key, &value.to_rust())
    }

    /// Copies the value at `from` to `to`; false if `from` holds nothing.
    /// Backends that can should copy without converting the value.
    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        match self.get(from)? {
            Some(value) => self.set(to, &value).map(|()| true),
            None => Ok(false),
        }
    }
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

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// localStorage, declared here for the two methods below.
    #[wasm_bindgen(extends = js_sys::Object)]
    type RawStorage;

    /// `getItem` returning the JavaScript string itself (or null), so its
    /// length can be read and it can be copied without converting it.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(
        this: &RawStorage,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

    /// `setItem` taking a JavaScript string.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(
        this: &RawStorage,
        key: &str,
        value: &wasm_bindgen::JsValue,
    ) -> Result<(), wasm_bindgen::JsValue>;
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

    /// Opens this tab's sessionStorage (kept over a reload, not shared
    /// with other tabs), or says why it cannot be used.
    pub fn open_session() -> Result<LocalBackend, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.session_storage() {
            Ok(Some(storage)) => Ok(LocalBackend { storage }),
            _ => Err(StorageError::Unavailable),
        }
    }

    fn raw(&self) -> &RawStorage {
        self.storage.unchecked_ref()
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

    fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        let value = self.raw().get_item_js(key).map_err(js_error)?;
        Ok(value
            .dyn_ref::<js_sys::JsString>()
            .map(|s| s.length() as usize))
    }

    fn set_text(&self, key: &str, value: &Text) -> Result<(), StorageError> {
        match &value.0 {
            TextInner::Rust(s) => self.set(key, s),
            #[cfg(target_arch = "wasm32")]
            TextInner::Js(s) => self.raw().set_item_js(key, s).map_err(js_error),
        }
    }

    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        let value = self.raw().get_item_js(from).map_err(js_error)?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        self.raw().set_item_js(to, &value).map_err(js_error)?;
        Ok(true)
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

    fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        (**self).units(key)
    }

    fn set_text(&self, key: &str, value: &Text) -> Result<(), StorageError> {
        (**self).set_text(key, value)
    }

    fn copy(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        (**self).copy(from, to)
    }
}
