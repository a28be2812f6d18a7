//! Browser glue that is neither storage nor share links: the page's query and address, the
//! colour theme on the document, and downloads (SVG, PNG, YAML).

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// The page's query string, `?` included, or "".
pub fn query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query and fragment.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| {
            let end = href.find(['?', '#']).unwrap_or(href.len());
            href[..end].to_owned()
        })
        .unwrap_or_default()
}

/// Sets `data-theme` on the document's root element ("light" or "dark"), or removes it for
/// "auto", so the stylesheet follows the viewer's setting.
pub fn apply_theme(name: &str) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let _ = match name {
        "light" | "dark" => root.set_attribute("data-theme", name),
        _ => root.remove_attribute("data-theme"),
    };
}

/// True when the viewer's system asks for a dark theme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// Offers `content` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_link(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the SVG `svg` (of `width` by `height` pixels) as a PNG download named `name`, drawn at
/// twice the size for sharp slides.
pub fn download_png(name: &str, svg: &str, width: f64, height: f64) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let Some(canvas) = document
        .create_element("canvas")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let scale = 2.0;
    canvas.set_width((width * scale).ceil() as u32);
    canvas.set_height((height * scale).ceil() as u32);
    let name = name.to_owned();
    let drawn = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        context.scale(scale, scale).ok();
        let _ = context.draw_image_with_html_image_element(&drawn, 0.0, 0.0);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&name, &url);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(svg).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// Clicks a temporary download link to `url`.
fn click_link(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(url);
    link.set_download(name);
    let Some(body) = document.body() else {
        return;
    };
    let _ = body.append_child(&link);
    link.click();
    link.remove();
}

/// The text of the diagrams' stylesheet as the page loaded it (`static/diagram.css`), for the
/// SVG export: read from the page's own style sheets rather than carried in its code twice.
pub fn diagram_stylesheet() -> String {
    let Some(sheets) = web_sys::window()
        .and_then(|window| window.document())
        .map(|document| document.style_sheets())
    else {
        return String::new();
    };
    let mut text = String::new();
    for index in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(index)
            .and_then(|sheet| sheet.dyn_into::<web_sys::CssStyleSheet>().ok())
        else {
            continue;
        };
        let is_diagram = sheet.href().ok().flatten().is_some_and(|href| {
            href.rsplit('/')
                .next()
                .is_some_and(|name| name.starts_with("diagram"))
        });
        let Some(rules) = sheet.css_rules().ok().filter(|_| is_diagram) else {
            continue;
        };
        for rule in (0..rules.length()).filter_map(|at| rules.item(at)) {
            text.push_str(&rule.css_text());
            text.push('\n');
        }
    }
    text
}

/// Focuses the console's command line once it shows what was written there, with the text
/// after its last `=` selected (a new image, for `kubectl set image`), so typing replaces it.
pub fn focus_console_end() {
    leptos::prelude::request_animation_frame(|| {
        let input = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector("[data-testid=\"console-input\"]")
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let _ = input.focus();
            let value = input.value();
            let end = u32::try_from(value.encode_utf16().count()).unwrap_or(0);
            let start = value.rfind('=').map_or(end, |at| {
                u32::try_from(value[..=at].encode_utf16().count()).unwrap_or(end)
            });
            let _ = input.set_selection_range(start, end);
        }
    });
}
