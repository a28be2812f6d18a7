//! Component tests of the playground in a real browser: headless Chromium through chromedriver.
//! Run with `cargo test -p podplay-web --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]
// A failed unwrap in a test is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted in a fresh element of the test page.
struct Page {
    root: Element,
}

impl Page {
    /// Mounts the app with no stored draft, its model answered in this thread (as the worker
    /// answers it in the page), and lets its effects run.
    async fn open() -> Page {
        let window = web_sys::window().unwrap();
        if let Ok(Some(storage)) = window.local_storage() {
            storage.remove_item(podplay_web::DRAFT_KEY).unwrap();
        }
        let document = window.document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), || {
            use leptos::prelude::*;
            use podplay_web::Playground;
            use podplay_web::model::Backend;
            view! { <Playground backend=Backend::InProcess(pod_model::playground::model::answer_message) /> }
        })
        .forget();
        settle().await;
        Page { root }
    }

    fn all(&self, test_id: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(&format!("[data-testid='{test_id}']"))
            .unwrap();
        (0..list.length())
            .filter_map(|index| list.item(index))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    fn one(&self, test_id: &str) -> Element {
        let mut found = self.all(test_id);
        assert_eq!(found.len(), 1, "expected one [data-testid='{test_id}']");
        found.remove(0)
    }

    fn text(&self, test_id: &str) -> String {
        self.one(test_id).text_content().unwrap_or_default()
    }

    /// Replaces the editor's text as typing would, and lets the views update.
    async fn type_text(&self, text: &str) {
        let editor: HtmlTextAreaElement = self.one("editor").dyn_into().unwrap();
        editor.set_value(text);
        editor
            .dispatch_event(&Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }

    async fn click(&self, test_id: &str) {
        self.one(test_id).unchecked_into::<HtmlElement>().click();
        settle().await;
    }

    /// Reads a button's `disabled` property, which the app sets as a property, not an attribute.
    fn is_disabled(&self, test_id: &str) -> bool {
        self.one(test_id)
            .dyn_into::<web_sys::HtmlButtonElement>()
            .unwrap()
            .disabled()
    }
}

/// Waits for Leptos' scheduled effects to run, the views to follow the editor (after a frame) and the model to answer.
async fn settle() {
    TimeoutFuture::new(80).await;
}

#[wasm_bindgen_test]
async fn opens_with_the_sidecar_example() {
    let page = Page::open().await;
    assert_eq!(page.text("pod-name"), "pod/sidecar-logging");
    assert_eq!(page.all("container-item").len(), 2);
    assert_eq!(page.all("container-box").len(), 2);
    assert_eq!(page.text("phase"), "Pending");
    assert!(page.text("no-problems").starts_with("No errors"));
    assert_eq!(page.text("qos"), "QoS class: BestEffort");
    assert!(!page.all("warning").is_empty());
}

#[wasm_bindgen_test]
async fn a_yaml_error_names_its_line_and_column() {
    let page = Page::open().await;
    page.type_text("kind: Pod\nmetadata:\n  name: a\n image: b\n")
        .await;
    let diagnostics = page.all("diagnostic");
    assert_eq!(diagnostics.len(), 1);
    let text = diagnostics[0].text_content().unwrap_or_default();
    assert!(text.starts_with("Line 4, column 2"), "{text}");
    assert_eq!(page.all("container-box").len(), 0);
    assert_eq!(page.all("no-pod").len(), 1);
}

#[wasm_bindgen_test]
async fn fixing_the_manifest_redraws_the_pod() {
    let page = Page::open().await;
    page.type_text("kind: Pod\nspec: [").await;
    assert_eq!(page.all("pod-diagram").len(), 0);
    page.type_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: three}\nspec:\n  initContainers: [{name: i, image: busybox}]\n  containers: [{name: a, image: nginx}, {name: b, image: redis}]\n",
    )
    .await;
    assert_eq!(page.text("pod-name"), "pod/three");
    assert_eq!(page.all("container-box").len(), 3);
}

#[wasm_bindgen_test]
async fn next_and_back_walk_the_timeline() {
    let page = Page::open().await;
    assert!(page.is_disabled("back"));
    page.click("next").await;
    assert_eq!(page.text("status"), "ContainerCreating");
    // The app container starts while the log forwarder's image is still being pulled.
    page.click("next").await;
    assert_eq!(page.text("status"), "ContainerCreating");
    page.click("next").await;
    assert_eq!(page.text("phase"), "Running");
    assert!(page.is_disabled("next"));
    page.click("back").await;
    assert_eq!(page.text("phase"), "Pending");
}

#[wasm_bindgen_test]
async fn edits_are_kept_in_local_storage() {
    let page = Page::open().await;
    page.type_text("kind: Pod\n").await;
    // The draft is written a moment after the last keystroke.
    TimeoutFuture::new(400).await;
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(podplay_web::DRAFT_KEY)
        .unwrap();
    assert_eq!(stored.as_deref(), Some("kind: Pod\n"));
}

#[wasm_bindgen_test]
async fn a_shorter_timeline_keeps_the_cursor_inside_it() {
    let page = Page::open().await;
    page.type_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: a, image: busybox}, {name: b, image: busybox}]\n  containers: [{name: c, image: nginx}]\n",
    )
    .await;
    for _ in 0..5 {
        page.click("next").await;
    }
    assert_eq!(page.text("step"), "6 of 6");
    // A crash at the last step makes the timeline longer; walk to its end.
    let chooser: web_sys::HtmlSelectElement = page.one("fault-container").dyn_into().unwrap();
    chooser.set_value("c");
    chooser
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    settle().await;
    page.click("fault-kill").await;
    page.click("last").await;
    assert_ne!(page.text("step"), "6 of 6");
    // Without it the timeline is shorter again, and the cursor stays inside it.
    page.click("remove-action").await;
    assert_eq!(page.text("step"), "6 of 6");
    assert_eq!(page.text("phase"), "Running");
    page.click("back").await;
    assert_eq!(page.text("step"), "5 of 6");
}

#[wasm_bindgen_test]
async fn a_rejected_pod_is_drawn_but_has_no_lifecycle() {
    let page = Page::open().await;
    page.type_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{image: nginx}]\n",
    )
    .await;
    assert_eq!(page.all("container-box").len(), 1);
    assert_eq!(page.all("diagnostic").len(), 1);
    assert_eq!(page.all("phase").len(), 0);
    assert_eq!(page.all("no-timeline").len(), 1);
    assert!(page.is_disabled("play"));
}
