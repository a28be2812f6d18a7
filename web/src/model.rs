//! The page's side of its model thread: the Web Worker (`worker/`) that runs the virtual cluster,
//! the timeline and kubectl (`pod_model::playground::model` is what they say to each other). The
//! build names the worker's loader in the `podplay-model` meta tag; the page's own tests answer
//! in process instead. Requests wait until the worker listens; a worker that cannot start (the
//! page is offline, the host fails) is reported, and can be started again.

use std::time::Duration;

use leptos::prelude::*;
use pod_model::playground::model::{Answer, FAILED_TO_START, READY, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// Who answers the model's requests.
#[derive(Clone, Copy)]
pub enum Backend {
    /// The Web Worker the build put beside the page.
    Worker,
    /// This thread, for tests: each request is answered in a task of its own by the function
    /// given (`pod_model::playground::model::answer_message`). The page itself never names that
    /// function, so the model's code stays out of the page's wasm.
    InProcess(fn(&str) -> String),
}

/// The model thread, as the page sees it.
#[derive(Clone, Copy)]
pub struct ModelThread {
    backend: Backend,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
    /// Every request not answered yet, and whether the running worker has it; a worker that
    /// starts again gets them all.
    unanswered: StoredValue<Vec<(Request, bool)>, LocalStorage>,
    listening: RwSignal<bool>,
    /// Why the model thread is not working, when it is not.
    pub failure: RwSignal<Option<String>>,
    on_answer: Callback<Answer>,
}

impl ModelThread {
    /// Starts the model thread; each answer goes to `on_answer`.
    pub fn start(backend: Backend, on_answer: Callback<Answer>) -> ModelThread {
        ModelThread {
            backend,
            worker: StoredValue::new_local(None),
            unanswered: StoredValue::new_local(Vec::new()),
            listening: RwSignal::new(matches!(backend, Backend::InProcess(_))),
            failure: RwSignal::new(None),
            on_answer,
        }
    }

    /// Loads and starts the worker (after the first paint: its code is not part of it).
    pub fn launch(self) {
        if matches!(self.backend, Backend::Worker) && self.worker.with_value(Option::is_none) {
            self.spawn();
        }
    }

    /// Sends `request`, or keeps it until the worker listens. A lifecycle, checks or cluster
    /// request replaces an unanswered one of its kind: the older answer would be dropped anyway.
    pub fn send(self, request: Request) {
        let listening = self.listening.get_untracked();
        self.unanswered.update_value(|unanswered| {
            let replaces = |queued: &Request| {
                matches!(
                    (queued, &request),
                    (Request::Lifecycle { .. }, Request::Lifecycle { .. })
                        | (Request::Checks { .. }, Request::Checks { .. })
                        | (Request::Cluster { .. }, Request::Cluster { .. })
                )
            };
            if matches!(
                request,
                Request::Lifecycle { .. } | Request::Checks { .. } | Request::Cluster { .. }
            ) {
                unanswered.retain(|(queued, _)| !replaces(queued));
            }
            unanswered.push((request.clone(), listening));
        });
        if listening {
            self.post(&request.to_message());
        }
    }

    /// Starts the worker again after a failure; it gets every request not answered yet.
    pub fn restart(self) {
        if let Some(worker) = self.worker.get_value() {
            worker.terminate();
        }
        self.failure.set(None);
        self.listening.set(false);
        self.unanswered.update_value(|unanswered| {
            for (_, posted) in unanswered.iter_mut() {
                *posted = false;
            }
        });
        self.spawn();
    }

    fn post(self, message: &str) {
        match self.backend {
            Backend::InProcess(answer) => {
                let message = message.to_owned();
                set_timeout(move || self.receive(&answer(&message)), Duration::ZERO);
            }
            Backend::Worker => {
                if let Some(worker) = self.worker.get_value() {
                    let _ = worker.post_message(&JsValue::from_str(message));
                }
            }
        }
    }

    /// Handles a message from the worker.
    fn receive(self, message: &str) {
        if message == READY {
            self.listening.set(true);
            let waiting: Vec<String> = self
                .unanswered
                .try_update_value(|unanswered| {
                    unanswered
                        .iter_mut()
                        .filter(|(_, posted)| !*posted)
                        .map(|(request, posted)| {
                            *posted = true;
                            request.to_message()
                        })
                        .collect()
                })
                .unwrap_or_default();
            for message in waiting {
                self.post(&message);
            }
        } else if let Some(reason) = message.strip_prefix(FAILED_TO_START) {
            self.fail(format!("its code did not load ({reason})"));
        } else {
            match Answer::from_message(message) {
                Ok(answer) => {
                    let id = answer.id();
                    self.unanswered.try_update_value(|unanswered| {
                        unanswered.retain(|(request, _)| request.id() != id);
                    });
                    self.on_answer.run(answer);
                }
                Err(error) => self.fail(format!("its answer could not be read ({error})")),
            }
        }
    }

    fn fail(self, reason: String) {
        self.listening.set(false);
        self.failure.set(Some(reason));
    }

    fn spawn(self) {
        let Some(url) = loader_url() else {
            self.fail("this build of the page has no model worker".to_owned());
            return;
        };
        let worker = match web_sys::Worker::new(&url) {
            Ok(worker) => worker,
            Err(_) => {
                self.fail("the browser refused to start it".to_owned());
                return;
            }
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(message) = event.data().as_string() {
                    self.receive(&message);
                }
            },
        );
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                event.prevent_default();
                let detail = event.message();
                self.fail(if detail.is_empty() {
                    "its code did not load (the page is offline, or the host failed)".to_owned()
                } else {
                    format!("it stopped ({detail})")
                });
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers live as long as the worker; a restart makes new ones (a rare event).
        on_message.forget();
        on_error.forget();
        self.worker.set_value(Some(worker));
    }
}

/// The address of the worker's loader, as the build wrote it into the page (relative, so the
/// page works from any sub-path).
fn loader_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"podplay-model\"]")
        .ok()??
        .get_attribute("content")
        .filter(|url| !url.is_empty())
}
