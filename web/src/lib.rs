//! Podplay in the browser. This crate only wires signals to `pod-model` functions: the text
//! signal feeds `parse`, whose result feeds the summary, the diagram layout and the timeline.
//! It holds no Kubernetes rule of its own.

mod browser;
pub mod components;
mod follow;
pub mod model;
mod share;
mod storage;

use leptos::prelude::*;
use pod_model::cluster::scenario::{Action, Scenario, What};
use pod_model::diagram::flow;
use pod_model::diagram::svg::{self as svg, Theme};
use pod_model::kubectl::console::Reply;
use pod_model::playground::cluster_view::ClusterView;
use pod_model::playground::embed::{self, Panel, ViewOptions};
use pod_model::playground::lifecycle_view::LifecycleView;
use pod_model::playground::model::{Answer, Doc, Request};
use pod_model::playground::share_link::{self, SharedState};
use pod_model::playground::{apply_on_edit, gallery, state};
use pod_model::timeline::Cursor;
use pod_model::{Pod, diagram};

use crate::model::{Backend, ModelThread};

use crate::components::{
    ActionList, Checks, ClusterPanel, Console, ConsoleRun, DiagnosticList, Editor, EmbedDialog,
    Faults, Gallery, PanelSection, PanelTabs, PodSummary, SceneView, ShareLink, Splitter, Stepper,
    ThemeToggle,
};

/// The `localStorage` key of the editor's draft; the suffix is the draft format's version.
pub const DRAFT_KEY: &str = "podplay.draft.v1";

/// The `localStorage` key of the draft an example replaced.
pub const KEPT_KEY: &str = "podplay.kept-draft.v1";

/// The `localStorage` key of the chosen colour theme.
pub const THEME_KEY: &str = "podplay.theme.v1";

/// The whole playground, with its model thread in a Web Worker.
#[component]
pub fn App() -> impl IntoView {
    view! { <Playground backend=Backend::Worker /> }
}

/// The whole playground: editor, Pod summary and diagram, and the lifecycle stepper; `backend`
/// answers the model's requests (the worker, or in the page's tests this thread).
#[component]
pub fn Playground(
    /// Who answers the model's requests.
    backend: Backend,
) -> impl IntoView {
    // The query chooses how the page shows itself: embed mode, panels, step, read-only, theme.
    let options = ViewOptions::from_query(&browser::query());
    let embedded = options.embed;
    // An embedded page keeps its text in memory: it never writes over the visitor's draft.
    let draft = if embedded {
        storage::memory_draft(gallery::SIDECAR_LOGGING.manifest.to_owned())
    } else {
        storage::use_local_storage_draft(storage::DraftOptions {
            key: DRAFT_KEY,
            default: gallery::SIDECAR_LOGGING.manifest,
        })
    };
    let text = draft.text;
    // Loading an example never loses the user's own text: it is kept aside, and can come back.
    let kept = if embedded {
        storage::memory_draft(String::new())
    } else {
        storage::use_local_storage_draft(storage::DraftOptions {
            key: KEPT_KEY,
            default: "",
        })
    }
    .text;
    let read_only = Signal::stored(options.read_only);
    let visible = RwSignal::new(options.panels.clone());
    let weights = RwSignal::new([1.0_f64, 1.2, 0.9]);
    let tab = RwSignal::new(options.first_tab());
    let theme = RwSignal::new(match (options.theme, embedded) {
        (Theme::Auto, false) => storage::setting(THEME_KEY)
            .and_then(|name| Theme::from_name(&name))
            .unwrap_or(Theme::Auto),
        (theme, _) => theme,
    });
    Effect::new(move |previous: Option<()>| {
        let name = embed::theme_name(theme.get());
        browser::apply_theme(name);
        if previous.is_some() && !embedded {
            storage::keep_setting(THEME_KEY, name);
        }
    });
    // A share link in the URL replaces the text (keeping the user's own draft aside), the
    // scenario and the step.
    let scenario = RwSignal::new(Scenario::default());
    let requested = RwSignal::new(Cursor::START);
    // The Pod chosen in the cluster view, by name: the diagram draws it and the stepper tells
    // its story.
    let selected = RwSignal::new(None::<String>);
    // The object of the Pod chosen, once the lifecycle follows it (from the model thread).
    let followed_yaml = RwSignal::new(None::<String>);
    let link_error = RwSignal::new(None::<String>);
    // A link opens the same way whether the tab loads it or already shows Podplay (a link
    // pasted into the address bar, Back and Forward): the reader's draft is kept aside.
    let query_chose_panels = options.panels != Panel::ALL;
    let open_link = move |fragment: &str| {
        if fragment.is_empty() {
            return;
        }
        match share_link::decode(fragment) {
            Ok(state) => {
                let current = text.get_untracked();
                let (linked, linked_scenario) = apply_on_edit::split_text(state.scenario);
                if gallery::is_own_draft(&current) && current != linked {
                    kept.set(current);
                }
                text.set(linked);
                scenario.set(linked_scenario);
                requested.set(Cursor::from_index(state.step));
                selected.set(state.pod);
                link_error.set(None);
                // The query's panels (an embed's) win over the link's.
                if !query_chose_panels && !state.panels.is_empty() {
                    visible.set(Panel::list(state.panels.iter().map(String::as_str)));
                }
            }
            Err(error) => link_error.set(Some(error)),
        }
    };
    open_link(&share::fragment());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        open_link(&share::fragment());
    });
    on_cleanup(move || on_hash.remove());
    if let Some(step) = options.step {
        requested.set(Cursor::from_index(step));
    }
    // The gallery's examples are not in the page's code: the model thread sends them once it
    // runs.
    let examples = RwSignal::new(None::<Vec<gallery::Entry>>);
    let on_load = Callback::new(move |id: String| {
        let Some(example) = examples.with_untracked(|examples| {
            examples
                .as_ref()
                .and_then(|examples| examples.iter().find(|example| example.id == id).cloned())
        }) else {
            return;
        };
        let current = text.get_untracked();
        if gallery::is_own_draft(&current) {
            kept.set(current);
        }
        text.set(example.manifest);
        // An example's lesson comes with its scenario; the actions of the last one go.
        scenario.set(if example.scenario.is_empty() {
            Scenario::default()
        } else {
            Scenario::from_yaml(&example.scenario).unwrap_or_default()
        });
        requested.set(Cursor::START);
        selected.set(None);
    });
    let on_restore = Callback::new(move |()| {
        let draft = kept.get_untracked();
        let current = text.get_untracked();
        // The example (or an edit of it) takes the kept place, so nothing is lost either way.
        kept.set(if gallery::is_own_draft(&current) {
            current
        } else {
            String::new()
        });
        text.set(draft);
    });
    // Where the manifest goes (the API server, or a static Pod's file): a Memo, so that other
    // scenario changes (a fault, an action) do not read the text again.
    let delivery = Memo::new(move |_| scenario.with(state::Delivery::of));
    let static_pod = Memo::new(move |_| delivery.get() == state::Delivery::StaticPodFile);
    // The editor answers each key at once; the model and its views follow after the paint.
    let following = follow::after_paint(text.into());
    let model_text = following.text;
    let behind = following.behind;
    // The text is read here at each edit, to be drawn; the API server's validation and the
    // best-practice warnings come from the model thread (below).
    let parsed = Memo::new(move |_| model_text.with(|text| state::read_to_draw(text)));
    // The Pod drawn (any Pod can be drawn). While the user is in the middle of an edit that
    // breaks the text, the views keep the Pod of the text before it, marked stale, so they hold
    // still as the user types; a new text (an example, a paste) has only its own views. It is
    // compared with the last, so an edit that leaves the Pod as it was (a comment, a space) draws
    // nothing again. The Pods the cluster runs are the model thread's to decide (below).
    let drawn = Memo::new(move |previous: Option<&Option<state::Kept<Pod>>>| {
        let previous = previous.and_then(Option::as_ref);
        model_text.with(|text| parsed.with(|parsed| state::drawn(parsed, text, previous)))
    });
    // The Pod chosen in the cluster view, once the lifecycle follows it, else the text's.
    let followed_pod = Memo::new(move |_| {
        followed_yaml.with(|yaml| yaml.as_deref().and_then(state::followed_pod))
    });
    let drawn_pod = Memo::new(move |_| {
        followed_pod
            .get()
            .or_else(|| drawn.with(|kept| kept.as_ref().map(|k| k.value.clone())))
    });
    let stale_drawing = Memo::new(move |_| {
        parsed.with(|parsed| drawn.with(|drawn| state::drawing_is_stale(parsed, drawn.as_ref())))
    });
    // The lifecycle of the first Pod on the scenario's cluster (every object of its name: a
    // `kubectl apply` after a deletion creates another, so the stepper follows what the console
    // shows) comes from the model thread, with whether it is that of the text before an edit in
    // progress (stale) and whether its first Pod is the one drawn. Each request has a number;
    // only the answer to the last one is shown, so the views never go back to an older text.
    let lifecycle = RwSignal::new(None::<LifecycleView>);
    let stale = RwSignal::new(false);
    let runs_drawn_pod = RwSignal::new(false);
    // The text the lifecycle shown ran, and the text of the last request.
    let ran = StoredValue::new(None::<String>);
    let asked_text = StoredValue::new(String::new());
    let numbers = StoredValue::new(0_u64);
    let next_number = move || {
        numbers.update_value(|number| *number += 1);
        numbers.get_value()
    };
    let asked = RwSignal::new(0_u64);
    let answered = RwSignal::new(0_u64);
    // The validation errors and best-practice warnings, found by the model thread, and their
    // requests.
    let checks = RwSignal::new(Vec::<pod_model::Diagnostic>::new());
    let checks_asked = RwSignal::new(0_u64);
    let checks_answered = RwSignal::new(0_u64);
    // The cluster view at the step on screen, and its request.
    let cluster = RwSignal::new(None::<ClusterView>);
    let cluster_asked = RwSignal::new(0_u64);
    // Every other answer goes to the callback its request left.
    let waiting = StoredValue::new_local(Vec::<(u64, Callback<Answer>)>::new());
    let on_answer = Callback::new(move |answer: Answer| match answer {
        Answer::Lifecycle {
            id,
            view,
            stale: from_before,
            drawn,
            followed,
        } => {
            if id == asked.get_untracked() {
                if view.is_none() {
                    ran.set_value(None);
                } else if !from_before {
                    ran.set_value(Some(asked_text.get_value()));
                }
                // An edit that leaves the Pods as they were (a comment, a space) changes nothing.
                if lifecycle.with_untracked(|shown| *shown != view) {
                    lifecycle.set(view);
                }
                if stale.get_untracked() != from_before {
                    stale.set(from_before);
                }
                if runs_drawn_pod.get_untracked() != drawn {
                    runs_drawn_pod.set(drawn);
                }
                if followed_yaml.with_untracked(|shown| *shown != followed) {
                    followed_yaml.set(followed);
                }
                answered.set(id);
            }
        }
        Answer::Failed { id, .. } if id == asked.get_untracked() => {
            lifecycle.set(None);
            answered.set(id);
        }
        Answer::Cluster { id, view } => {
            if id == cluster_asked.get_untracked()
                && cluster.with_untracked(|shown| shown.as_ref() != Some(&view))
            {
                cluster.set(Some(view));
            }
        }
        Answer::Checks { id, found } => {
            if id == checks_asked.get_untracked() {
                checks.set(found);
                checks_answered.set(id);
            }
        }
        // Without them the list keeps what the page read; the page is not left busy.
        Answer::Failed { id, .. } if id == checks_asked.get_untracked() => {
            checks_answered.set(id);
        }
        other => {
            let id = other.id();
            let callback = waiting
                .try_update_value(|waiting| {
                    let index = waiting.iter().position(|(number, _)| *number == id)?;
                    Some(waiting.remove(index).1)
                })
                .flatten();
            if let Some(callback) = callback {
                callback.run(other);
            }
        }
    });
    let model = ModelThread::start(backend, on_answer);
    // Asks the model thread, and has `callback` called with the answer.
    let ask = move |request: &dyn Fn(u64) -> Request, callback: Callback<Answer>| {
        let id = next_number();
        waiting.update_value(|waiting| waiting.push((id, callback)));
        model.send(request(id));
    };
    ask(
        &|id| Request::Gallery { id },
        Callback::new(move |answer| {
            if let Answer::Gallery { entries, .. } = answer {
                examples.set(Some(entries));
            }
        }),
    );
    // The documentation of a field of the editor's text, for the editor's tooltip and caret.
    let look_up_doc = Callback::new(
        move |(line, column, caret, callback): (u32, u32, bool, Callback<Option<Doc>>)| {
            let text = text.get_untracked();
            ask(
                &|id| Request::FieldDoc {
                    id,
                    text: text.clone(),
                    line,
                    column,
                    caret,
                },
                Callback::new(move |answer| {
                    if let Answer::FieldDoc { doc, .. } = answer {
                        callback.run(doc);
                    }
                }),
            );
        },
    );
    Effect::new(move |_| {
        let scenario = scenario.get();
        let manifest = model_text.get();
        let id = next_number();
        asked.set(id);
        asked_text.set_value(manifest.clone());
        model.send(Request::Lifecycle {
            id,
            scenario: apply_on_edit::with_text(&scenario, &manifest),
            before: ran.get_value(),
            follow: selected.get(),
        });
    });
    let model_failure = model.failure;
    let lifecycle_pending = Memo::new(move |_| {
        (asked.get() != answered.get() || checks_asked.get() != checks_answered.get())
            && model_failure.with(Option::is_none)
    });
    let timeline = Signal::derive(move || lifecycle.get());
    // A Pod the cluster runs is drawn with what its run showed.
    let layout = Memo::new(move |_| {
        drawn_pod.with(|pod| {
            let pod = pod.as_ref()?;
            let topology = lifecycle.with(|lifecycle| {
                state::topology_of(
                    pod,
                    runs_drawn_pod.get() || followed_pod.with(Option::is_some),
                    lifecycle.as_ref().map(|lifecycle| &lifecycle.observed),
                )
            });
            Some(diagram::layout_topology(topology))
        })
    });
    // Each container's role as the diagram draws it, for the summary's chips.
    let roles = Memo::new(move |_| {
        layout.with(|layout| {
            layout
                .iter()
                .flat_map(|layout| &layout.containers)
                .map(|container| (container.role.as_str(), container.role_label.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The requested position, and the position within the current timeline, which may be shorter.
    let cursor = Memo::new(move |_| {
        lifecycle.with(|lifecycle| match lifecycle {
            Some(lifecycle) => Cursor::at(requested.get().index(), lifecycle),
            None => Cursor::START,
        })
    });
    let step = Memo::new(move |_| {
        lifecycle.with(|lifecycle| {
            lifecycle
                .as_ref()
                .map(|lifecycle| lifecycle.step(cursor.get()).clone())
        })
    });
    // What the current step shows: its READY and STATUS, each container's look, the flow stage.
    let step_view = Memo::new(move |_| {
        let at = cursor.get();
        lifecycle.with(|lifecycle| lifecycle.as_ref().and_then(|l| l.view(at).cloned()))
    });
    // The diagrams follow the stepper: each container in its state at the current step.
    let pod_scene = Memo::new(move |_| {
        layout.with(|layout| {
            let layout = layout.as_ref()?;
            step_view
                .with(|view| Some(diagram::scene(layout, view.as_ref().map(|view| &view.look))))
        })
    });
    let flow_stage = Memo::new(move |_| step_view.with(|view| view.as_ref().map(|view| view.flow)));
    let flow_scene =
        Memo::new(move |_| flow_stage.get().map(|stage| flow::flow_scene(Some(stage))));
    // A console command runs at the step on screen, on the model thread; a change it makes is a
    // scenario action there (when its answer comes), and the timeline follows.
    let run_command = Callback::new(move |(line, shell, callback): ConsoleRun| {
        if model_failure.with_untracked(Option::is_some) {
            callback.run(Reply::err(
                "kubectl cannot answer: the lifecycle's code is not running (see Retry above)."
                    .to_owned(),
            ));
            return;
        }
        let at = step.with_untracked(|step| step.as_ref().map(|step| step.at).unwrap_or_default());
        let scenario_now = scenario.with_untracked(|scenario| {
            model_text.with_untracked(|text| apply_on_edit::with_text(scenario, text))
        });
        let answered = Callback::new(move |answer: Answer| {
            let reply = match answer {
                Answer::Console { reply, .. } => reply,
                Answer::Failed { message, .. } => Reply::err(message),
                _ => return,
            };
            match reply.action.clone() {
                Some(_) if read_only.get_untracked() => callback.run(Reply::err(
                    "This playground is read-only: the command would change the scenario."
                        .to_owned(),
                )),
                Some(action) => {
                    scenario.update(|scenario| {
                        state::add_action(scenario, action);
                    });
                    callback.run(reply);
                }
                None => callback.run(reply),
            }
        });
        ask(
            &|id| Request::Console {
                id,
                line: line.clone(),
                scenario: scenario_now.clone(),
                at,
                shell: shell.clone(),
            },
            answered,
        );
    });
    // The cluster view follows the stepper: the nodes, their Pods and the owners at the step on
    // screen, from the model thread. It is asked when the lifecycle's answer comes or the step
    // moves, not at each keystroke: the model thread's work follows the editor, never crowds it.
    // Its answer is handled with the others above (a callback made here would go with this
    // Effect's run, before a late answer comes).
    // A step at the instant already shown (a controller's next Event there) asks nothing: the
    // cluster is the same, and a late answer would only rebuild the panel as the reader steps on.
    Effect::new(
        move |shown: Option<Option<(u64, pod_model::base::time::VirtualTime)>>| {
            let Some(at) = step.with(|step| step.as_ref().map(|step| step.at)) else {
                cluster.set(None);
                return None;
            };
            let now = (answered.get(), at);
            if shown.flatten() == Some(now) || model_failure.with_untracked(Option::is_some) {
                return Some(now);
            }
            let id = next_number();
            cluster_asked.set(id);
            let request = Request::Cluster {
                id,
                scenario: scenario.with_untracked(|scenario| {
                    model_text.with_untracked(|text| apply_on_edit::with_text(scenario, text))
                }),
                at,
            };
            // Asked once the step is painted: the model thread's work for it would otherwise take
            // the processor from the step's own redraw. (A hidden tab gets no frames: the timer.)
            let waiting = std::rc::Rc::new(std::cell::Cell::new(Some(request)));
            let send = move || {
                if let Some(request) = waiting.take()
                    && cluster_asked.get_untracked() == id
                {
                    model.send(request);
                }
            };
            let later = send.clone();
            request_animation_frame(move || set_timeout(later, std::time::Duration::ZERO));
            set_timeout(send, std::time::Duration::from_millis(100));
            Some(now)
        },
    );
    // Fault injection: an action at the step on screen, listed and removable.
    let container_names = Memo::new(move |_| {
        drawn_pod.with(|pod| {
            pod.as_ref()
                .map(|pod| pod.all_containers().map(|(_, c)| c.name.clone()).collect())
                .unwrap_or_default()
        })
    });
    let actions = Signal::derive(move || scenario.with(|scenario| scenario.actions.clone()));
    let on_add_fault = Callback::new(move |what: What| {
        let at = step.with_untracked(|step| step.as_ref().map(|step| step.at).unwrap_or_default());
        scenario.update(|scenario| {
            state::add_action(scenario, Action::new(at, what));
        });
    });
    // An action from the cluster view (on a node, a workload, or the chosen Pod), at the step on
    // screen; a read-only playground offers none.
    let on_cluster_act = (!options.read_only).then(|| {
        Callback::new(move |(pod, what): (Option<String>, What)| {
            let at =
                step.with_untracked(|step| step.as_ref().map(|step| step.at).unwrap_or_default());
            scenario.update(|scenario| {
                state::add_action(scenario, Action { at, pod, what });
            });
        })
    });
    // The console's command line, which the cluster view may write a command into.
    let console_line = RwSignal::new(String::new());
    // The containers of the Pod drawn that a shell can be opened in, at the step on screen: the
    // Pod's name, then theirs (names hold no spaces).
    let shells = move || {
        step_view.with(|view| {
            view.as_ref()
                .map(|view| view.shells.clone())
                .unwrap_or_default()
        })
    };
    let on_remove_fault = Callback::new(move |index: usize| {
        scenario.update(|scenario| apply_on_edit::remove_action(scenario, index));
    });
    let static_on = Signal::derive(move || {
        static_pod
            .get()
            .then(|| scenario.with(|scenario| scenario.node.name.clone()))
    });
    let on_static_pod = Callback::new(move |on: bool| {
        scenario.update(|scenario| scenario.static_pod = on);
    });
    // An edit with the stepper past its first step is a `kubectl apply` at the step on screen.
    let step_at = move || step.with(|step| step.as_ref().map(|step| step.at));
    let on_input = Callback::new(move |new_text: String| {
        if !read_only.get_untracked() {
            let before = text.get_untracked();
            let at = untrack(step_at);
            // Typing on at the same step changes nothing but the text.
            let mut edited = scenario.get_untracked();
            if apply_on_edit::edit_at(&mut edited, at, &before) {
                scenario.set(edited);
            }
            text.set(new_text);
        }
    });
    let on_move = Callback::new(move |to: Cursor| requested.set(to));
    let jump = RwSignal::new(None::<pod_model::Span>);
    let on_jump = Callback::new(move |span| jump.set(Some(span)));
    // The errors and warnings of the text the views follow, from the model thread; the last ones
    // stay until the next come, so the list does not flicker as the user types.
    Effect::new(move |_| {
        let text = model_text.get();
        let static_pod = static_pod.get();
        let id = next_number();
        checks_asked.set(id);
        model.send(Request::Checks {
            id,
            text,
            static_pod,
        });
    });
    let diagnostics = Memo::new(move |_| {
        let checks = checks.get();
        parsed.with(|parsed| state::diagnostics(parsed, checks))
    });
    let has_pod = Memo::new(move |_| parsed.with(|parsed| parsed.pod.is_some()));
    let checks_state = Memo::new(move |_| {
        if checks_asked.get() == checks_answered.get() {
            Checks::Done
        } else if model_failure.with(Option::is_some) {
            Checks::Unavailable
        } else {
            Checks::Pending
        }
    });
    // Exports: the diagram as the CLI writes it, in the theme on screen, and the manifest.
    let export_theme = move || match theme.get_untracked() {
        Theme::Auto if browser::prefers_dark() => Theme::Dark,
        Theme::Auto => Theme::Light,
        chosen => chosen,
    };
    let file_stem = move || {
        parsed.with_untracked(|parsed| {
            parsed
                .pod
                .as_ref()
                .map(|pod| pod.name().to_owned())
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| "pod".to_owned())
        })
    };
    let export_svg = move |_| {
        if let Some(scene) = pod_scene.get_untracked() {
            let svg =
                svg::render_with_stylesheet(&scene, export_theme(), &browser::diagram_stylesheet());
            browser::download_text(&format!("{}.svg", file_stem()), "image/svg+xml", &svg);
        }
    };
    let export_png = move |_| {
        if let Some(scene) = pod_scene.get_untracked() {
            let svg =
                svg::render_with_stylesheet(&scene, export_theme(), &browser::diagram_stylesheet());
            browser::download_png(
                &format!("{}.png", file_stem()),
                &svg,
                f64::from(scene.width),
                f64::from(scene.height),
            );
        }
    };
    let export_yaml = move |_| {
        let name = format!("{}.yaml", file_stem());
        text.with_untracked(|text| browser::download_text(&name, "application/yaml", text));
    };
    let shown = move |panel: Panel| visible.with(|panels| panels.contains(&panel));
    // A splitter follows a visible panel when another visible one comes after it.
    let splitter_after = move |panel: Panel| {
        visible.with(|panels| {
            let index = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0);
            let next = Panel::ALL[index + 1..]
                .iter()
                .find(|p| panels.contains(p))
                .copied();
            next.filter(|_| panels.contains(&panel))
                .map(|next| (panel, next))
        })
    };
    let page_title = Signal::derive(move || {
        parsed.with(|parsed| {
            parsed.pod.as_ref().map_or_else(
                || "Podplay: a Kubernetes Pod playground".to_owned(),
                |pod| format!("Podplay: pod/{}", pod.name()),
            )
        })
    });
    // The share link's state now; a link made for an embed leaves the panels to the snippet.
    let shared_state = move |with_panels: bool| SharedState {
        scenario: scenario.with_untracked(|scenario| {
            text.with_untracked(|text| apply_on_edit::with_text(scenario, text))
        }),
        step: requested.get_untracked().index(),
        pod: selected.get_untracked(),
        panels: visible.with_untracked(|panels| {
            if !with_panels || panels.as_slice() == Panel::ALL {
                Vec::new()
            } else {
                panels
                    .iter()
                    .map(|panel| panel.as_str().to_owned())
                    .collect()
            }
        }),
    };
    // The model thread makes a link's fragment: its compressor is not in the page's code.
    let make_fragment = move |with_panels: bool, callback: Callback<Result<String, String>>| {
        if let Some(failure) = model_failure.get_untracked() {
            callback.run(Err(format!(
                "the page's model thread is not running ({failure})"
            )));
            return;
        }
        let state = shared_state(with_panels);
        ask(
            &|id| Request::ShareLink {
                id,
                state: state.clone(),
            },
            Callback::new(move |answer| match answer {
                Answer::ShareLink { fragment, .. } => callback.run(Ok(fragment)),
                Answer::Failed { message, .. } => callback.run(Err(message)),
                _ => {}
            }),
        );
    };
    let make_link = Callback::new(move |callback: Callback<Result<String, String>>| {
        make_fragment(
            true,
            Callback::new(move |made: Result<String, String>| {
                callback.run(made.map(|fragment| share::set_fragment(&fragment)));
            }),
        );
    });
    let embed_fragment = Callback::new(move |callback: Callback<Result<String, String>>| {
        make_fragment(false, callback)
    });
    let open_full = move || format!("{}{}", browser::page_address(), share::fragment());
    // The lifecycle panel is built in a task of its own after the first one, so that the
    // editor and the Pod diagram show (and take input) about a fifth of a second sooner on a
    // slow machine; its state lives in the signals above, so nothing waits for it.
    let lifecycle_built = RwSignal::new(false);
    // The model thread starts then too: its code loads after the first paint.
    set_timeout(
        move || {
            lifecycle_built.set(true);
            model.launch();
        },
        std::time::Duration::ZERO,
    );

    view! {
        <Show
            when=move || !embedded
            fallback=move || view! {
                <header class="embed-bar">
                    <h1 class="embed-title">"Podplay"</h1>
                    <a data-testid="open-full" href=open_full target="_blank" rel="noopener">"Open in Podplay"</a>
                    <ThemeToggle theme=theme />
                </header>
            }
        >
            <header class="app-header">
                <h1>"Podplay"</h1>
                <p class="tagline">"A Kubernetes Pod playground: paste a manifest, step through its life."</p>
                <div class="header-tools">
                    <div class="panel-toggles" role="group" aria-label="Panels shown">
                        {Panel::ALL
                            .into_iter()
                            .map(|panel| view! {
                                <button
                                    class="toggle"
                                    data-testid=format!("toggle-{}", panel.as_str())
                                    aria-pressed=move || shown(panel).to_string()
                                    on:click=move |_| visible.update(|panels| {
                                        if panels.contains(&panel) {
                                            if panels.len() > 1 {
                                                panels.retain(|p| *p != panel);
                                            }
                                        } else {
                                            panels.push(panel);
                                            panels.sort();
                                        }
                                        if !panels.contains(&tab.get_untracked()) {
                                            tab.set(panels[0]);
                                        }
                                    })
                                >
                                    {panel.title()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <ThemeToggle theme=theme />
                    <EmbedDialog fragment=embed_fragment title=page_title visible=visible />
                </div>
            </header>
        </Show>
        // A damaged link is said first, above everything it would have replaced.
        {move || link_error.get().map(|error| {
            let shown = if text.with_untracked(|text| gallery::is_own_draft(text)) {
                "your own draft, unchanged"
            } else {
                "the example"
            };
            view! {
                <p class="link-error" role="alert" data-testid="link-error">
                    {format!("The link could not be opened: {error}. Below is {shown}.")}
                    " "
                    <button data-testid="dismiss-link-error" on:click=move |_| link_error.set(None)>"Dismiss"</button>
                </p>
            }
        })}
        <PanelTabs visible=visible tab=tab embedded=embedded />
        <main class="panels" class:embedded=embedded aria-busy=move || (behind.get() || lifecycle_pending.get()).to_string()>
            <PanelSection panel=Panel::Editor visible=visible tab=tab weights=weights>
                <Show when=move || !embedded>
                    <Gallery examples=examples text=text kept=kept on_load=on_load on_restore=on_restore />
                </Show>
                <p class="note" data-testid="edit-applies"
                    hidden=move || read_only.get() || apply_on_edit::applied_at(step_at()).is_none()>
                    "An edit now is a kubectl apply at the step on screen; at the first step, it changes the manifest applied at the start."
                </p>
                <Editor text=text diagnostics=diagnostics jump=jump read_only=read_only on_input=on_input look_up_doc=look_up_doc />
                <Show when=move || !draft.saved.get()>
                    <p class="note" data-testid="storage-note">
                        "This browser does not let the page store your draft (storage is full or turned off), so a reload would lose it: \"Download YAML\" keeps a copy."
                    </p>
                </Show>
                <DiagnosticList diagnostics=diagnostics has_pod=has_pod on_jump=on_jump checks=checks_state
                    fold_suggestions=Signal::derive(move || embedded || model_text.with(|text| !gallery::is_own_draft(text))) />
                <div class="exports">
                    <button data-testid="export-yaml" on:click=export_yaml>"Download YAML"</button>
                </div>
            </PanelSection>
            {move || splitter_after(Panel::Editor).map(|(left, right)| view! { <Splitter left=left right=right weights=weights /> })}
            <PanelSection panel=Panel::Pod visible=visible tab=tab weights=weights>
                <PodSummary parsed=parsed static_on=static_on roles=roles />
                <Show when=move || stale_drawing.get()>
                    <p class="stale-note" data-testid="stale-drawing">
                        "The manifest has errors: the diagram shows the last Pod that could be drawn."
                    </p>
                </Show>
                // The diagram draws the Pod chosen in the cluster view, not the text's.
                {move || followed_pod.with(|pod| pod.as_ref().map(|pod| view! {
                    <p class="note" data-testid="drawn-chosen">
                        {format!("The diagram draws pod/{}, chosen in the cluster view below.", pod.name())}
                    </p>
                }))}
                <div class="scene-holder" class:stale=move || stale_drawing.get()>
                    <SceneView scene=pod_scene kind="pod-diagram" theme=theme />
                </div>
                <div class="exports">
                    <button data-testid="export-svg" on:click=export_svg>"Export SVG"</button>
                    <button data-testid="export-png" on:click=export_png>"Export PNG"</button>
                    // "Open a shell" in each running container: static/shell.js draws the buttons
                    // from this list (the Pod's name, then the containers'), and a press runs the
                    // command in the console, as the reader would type it.
                    <div class="open-shells" data-testid="open-shells" data-shells=shells></div>

                </div>
                <ClusterPanel view=cluster selected=selected
                    on_select=Callback::new(move |pod| selected.set(pod)) on_act=on_cluster_act
                    on_command=Callback::new(move |command: String| {
                        console_line.set(command);
                        browser::focus_console_end();
                    }) />
            </PanelSection>
            {move || splitter_after(Panel::Pod).map(|(left, right)| view! { <Splitter left=left right=right weights=weights /> })}
            <PanelSection panel=Panel::Lifecycle visible=visible tab=tab weights=weights>
                <Show when=move || lifecycle_built.get()>
                    <Show when=move || stale.get()>
                        <p class="stale-note" data-testid="stale-lifecycle">
                            "The API server would refuse the manifest as it is now: this is the lifecycle of the last Pod it would accept."
                        </p>
                    </Show>
                    <Show when=move || model_failure.with(Option::is_some)>
                        <p class="model-error stale-note" role="alert" data-testid="model-error">
                            {move || format!(
                                "The lifecycle could not be loaded: {}. The editor and the diagram keep working.",
                                model_failure.get().unwrap_or_default()
                            )}
                            " "
                            <button data-testid="model-retry" on:click=move |_| model.restart()>"Retry"</button>
                        </p>
                    </Show>
                    <Stepper timeline=timeline cursor=cursor view=step_view actions=actions on_move=on_move
                        unavailable=Signal::derive(move || model_failure.with(Option::is_some)) />
                    // A read-only embed still says what the scenario does, and when.
                    <Show when=move || read_only.get() && actions.with(|actions| !actions.is_empty())>
                        <h3 class="faults-heading">"What happens"</h3>
                        <ActionList actions=actions on_remove=None />
                    </Show>
                    <Show when=move || !read_only.get()>
                        <h3 class="faults-heading">"Faults and actions"</h3>
                        <Faults containers=container_names actions=actions on_add=on_add_fault on_remove=on_remove_fault
                            static_pod=static_pod on_static_pod=on_static_pod />
                    </Show>
                    <h3 class="console-heading">"kubectl"</h3>
                    <Console run=run_command line=console_line
                        instant=Signal::derive(move || step.with(|step| step.as_ref().map_or(0, |step| step.at.as_millis()))) />
                    <Show when=move || !embedded>
                        <ShareLink make_link=make_link />
                    </Show>
                    <h3 class="flow-heading-title">"Control plane"</h3>
                    <SceneView scene=flow_scene kind="flow-diagram" theme=theme />
                </Show>
            </PanelSection>
        </main>
    }
}
