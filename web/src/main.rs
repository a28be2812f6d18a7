//! Mounts the Podplay app on the page's `<body>`; the app itself lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(podplay_web::App);
}
