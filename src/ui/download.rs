//! Saving text as a file on the user's machine.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename` with MIME type `mime`.
/// Returns false if the browser refused.
pub fn download_text(filename: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    download_blob(filename, &blob)
}

/// Offers `blob` as a download named `filename`. Returns false if the
/// browser refused.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let done = (|| {
        let document = web_sys::window()?.document()?;
        let a = document
            .create_element("a")
            .ok()?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .ok()?;
        a.set_href(&url);
        a.set_download(filename);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })()
    .is_some();
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    done
}
