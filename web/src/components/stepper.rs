//! The lifecycle stepper: first, back, play/pause, next and last, a scrubber with a tick per
//! step, playback speeds in virtual time, and the ← → and space keys.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use pod_model::VirtualTime;
use pod_model::base::decimal;
use pod_model::cluster::scenario::Action;
use pod_model::playground::lifecycle_view::LifecycleView;
use pod_model::playground::stepper::StepView;
use pod_model::timeline::Cursor;

/// Real milliseconds between two ticks of playback.
const TICK_MS: u32 = 100;
/// Playback speeds, in virtual time per real time.
const SPEEDS: [u32; 3] = [1, 10, 60];
/// The speed a page opens with.
const DEFAULT_SPEED: u32 = 10;

/// Controls and a read-out of the current step: time, phase, STATUS and a narration.
#[component]
pub fn Stepper(
    /// The timeline to walk; the controls are disabled without one.
    #[prop(into)]
    timeline: Signal<Option<LifecycleView>>,
    /// The current position, always within the timeline.
    #[prop(into)]
    cursor: Signal<Cursor>,
    /// What the current step shows (its READY and STATUS).
    #[prop(into)]
    view: Signal<Option<StepView>>,
    /// The scenario's actions, marked on the scrubber.
    #[prop(into)]
    actions: Signal<Vec<Action>>,
    /// Called with the position to move to.
    on_move: Callback<Cursor>,
    /// True when no lifecycle can come (its code did not load): the page says so above.
    #[prop(into)]
    unavailable: Signal<bool>,
) -> impl IntoView {
    let playing = RwSignal::new(false);
    let speed = RwSignal::new(DEFAULT_SPEED);
    // Where playback stands in virtual time; it moves between steps, the cursor jumps to them.
    let playhead = StoredValue::new(VirtualTime::ZERO);
    let ticker = StoredValue::new_local(None::<Interval>);
    let can_forward = move || {
        timeline.with(|timeline| {
            timeline
                .as_ref()
                .is_some_and(|timeline| cursor.get().can_forward(timeline))
        })
    };
    // Moves to a position computed from the timeline. Reads without subscribing, because it
    // runs from event handlers and the timer.
    let move_with = move |to: &dyn Fn(Cursor, &LifecycleView) -> Cursor| {
        timeline.with_untracked(|timeline| {
            if let Some(timeline) = timeline {
                on_move.run(to(cursor.get_untracked(), timeline));
            }
        });
    };
    // One tick of playback: the playhead advances by the speed, the cursor follows, and playing
    // stops after the last step.
    let tick = move || {
        let millis = u64::from(TICK_MS) * u64::from(speed.get_untracked());
        let at = playhead.get_value().plus_millis(millis);
        playhead.set_value(at);
        timeline.with_untracked(|timeline| {
            let Some(timeline) = timeline else {
                return false;
            };
            let to = Cursor::at_time(at, timeline);
            if to != cursor.get_untracked() {
                on_move.run(to);
            }
            to.can_forward(timeline)
        })
    };

    // Playing holds an interval timer; pausing, or reaching the last step, drops it.
    Effect::new(move |_| {
        if playing.get() {
            let interval = Interval::new(TICK_MS, move || {
                if !tick() {
                    playing.set(false);
                }
            });
            ticker.set_value(Some(interval));
        } else {
            ticker.set_value(None);
        }
    });
    on_cleanup(move || ticker.set_value(None));

    let toggle_play = move || {
        if playing.get_untracked() {
            playing.set(false);
            return;
        }
        // Play from the start when the last step is showing; else from the current step.
        timeline.with_untracked(|timeline| {
            let Some(timeline) = timeline else {
                return;
            };
            let mut from = cursor.get_untracked();
            if !from.can_forward(timeline) {
                from = Cursor::START;
                on_move.run(from);
            }
            playhead.set_value(timeline.step(from).at);
        });
        playing.set(true);
    };
    let stop_and = move |to: &dyn Fn(Cursor, &LifecycleView) -> Cursor| {
        playing.set(false);
        move_with(to);
    };
    // ← and → step, space plays or pauses, unless the key is meant for a field, a button or a
    // diagram (whose arrow keys pan it).
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let in_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                matches!(
                    element.tag_name().as_str(),
                    "TEXTAREA" | "INPUT" | "SELECT" | "BUTTON"
                ) || element
                    .class_name()
                    .split(' ')
                    .any(|name| name == "diagram-frame")
            });
        if in_field
            || event.default_prevented()
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
        {
            return;
        }
        match event.key().as_str() {
            "ArrowLeft" => stop_and(&|at, _| at.back()),
            "ArrowRight" => stop_and(&|at, timeline| at.forward(timeline)),
            " " => toggle_play(),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let readout = move || {
        timeline.with(|timeline| {
            timeline.as_ref().map(|timeline| {
                let at = cursor.get();
                let step = timeline.step(at);
                view! {
                    <dl class="readout">
                        <dt>"Step"</dt>
                        <dd data-testid="step">{format!("{} of {}", at.index() + 1, timeline.steps.len())}</dd>
                        <dt>"Time"</dt>
                        <dd data-testid="clock">{format!("t = {}", step.at)}</dd>
                        <dt>"Phase"</dt>
                        <dd data-testid="phase">{step.phase.to_string()}</dd>
                        <dt>"READY"</dt>
                        <dd data-testid="ready">{move || view.with(|v| v.as_ref().map(|v| v.ready.clone()))}</dd>
                        <dt>"STATUS"</dt>
                        <dd data-testid="status">{move || view.with(|v| v.as_ref().map(|v| v.status.clone()))}</dd>
                    </dl>
                    <p class="narration" data-testid="narration" aria-live="polite">{step.narration.clone()}</p>
                    {(!timeline.notes.is_empty()).then(|| view! {
                        <div class="simulator-notes" data-testid="simulator-notes">
                            <h3>"Assumed by the simulator"</h3>
                            <ul>
                                {timeline
                                    .notes
                                    .iter()
                                    .map(|note| view! { <li>{note.clone()}</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    })}
                }
            })
        })
    };

    view! {
        <div class="stepper">
            <div class="controls" role="group" aria-label="Timeline controls">
                <button
                    data-testid="first"
                    aria-label="First step"
                    prop:disabled=move || !cursor.get().can_back()
                    on:click=move |_| stop_and(&|_, _| Cursor::START)
                >
                    "First"
                </button>
                <button
                    data-testid="back"
                    prop:disabled=move || !cursor.get().can_back()
                    on:click=move |_| stop_and(&|at, _| at.back())
                >
                    "Back"
                </button>
                <button
                    data-testid="play"
                    prop:disabled=move || timeline.with(Option::is_none)
                    aria-pressed=move || playing.get().to_string()
                    on:click=move |_| toggle_play()
                >
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button
                    data-testid="next"
                    prop:disabled=move || !can_forward()
                    on:click=move |_| stop_and(&|at, timeline| at.forward(timeline))
                >
                    "Next"
                </button>
                <button
                    data-testid="last"
                    aria-label="Last step"
                    prop:disabled=move || !can_forward()
                    on:click=move |_| stop_and(&|_, timeline| Cursor::last(timeline))
                >
                    "Last"
                </button>
                <label class="speed">
                    "Speed "
                    <select
                        data-testid="speed"
                        on:change=move |event| {
                            if let Ok(value) = event_target_value(&event).parse::<u32>() {
                                speed.set(value);
                            }
                        }
                        prop:value=move || speed.get().to_string()
                    >
                        {SPEEDS
                            .iter()
                            .map(|s| view! { <option value=s.to_string()>{format!("{s}×")}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            {move || {
                timeline.with(|timeline| {
                    timeline.as_ref().map(|timeline| {
                        let last = timeline.steps.len() - 1;
                        let ticks = timeline
                            .steps
                            .iter()
                            .enumerate()
                            .map(|(index, step)| view! {
                                <option value=index.to_string() label=format!("t = {}", step.at)></option>
                            })
                            .collect_view();
                        view! {
                            <input
                                type="range"
                                class="scrubber"
                                data-testid="scrubber"
                                aria-label="Step of the timeline"
                                min="0"
                                max=last.to_string()
                                step="1"
                                list="step-ticks"
                                prop:value=move || cursor.get().index().to_string()
                                on:input=move |event| {
                                    if let Ok(index) = event_target_value(&event).parse::<usize>() {
                                        stop_and(&|_, timeline| Cursor::at(index, timeline));
                                    }
                                }
                            />
                            <datalist id="step-ticks">{ticks}</datalist>
                            {scrubber_ticks(timeline, &actions.get())}
                        }
                    })
                })
            }}
            {readout}
            <Show when=move || timeline.with(Option::is_none) && !unavailable.get()>
                <p class="empty" data-testid="no-timeline">
                    "The lifecycle starts once the API server would accept the manifest."
                </p>
            </Show>
        </div>
    }
}

/// A tick under the scrubber for each step (each one is an Event or a change of state), and a
/// marked tick for each scenario action, placed at the step it leads to.
fn scrubber_ticks(timeline: &LifecycleView, actions: &[Action]) -> impl IntoView + use<> {
    let last = timeline.steps.len().saturating_sub(1).max(1) as f64;
    let left = move |index: usize| format!("{}%", decimal::fixed(index as f64 * 100.0 / last, 3));
    let steps = timeline
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            view! {
                <span class="tick" data-testid="tick" style:left=left(index) title=format!("t = {}: {}", step.at, step.narration)></span>
            }
        })
        .collect_view();
    let actions = actions
        .iter()
        .map(|action| {
            let index = Cursor::at_time(action.at, timeline).index();
            view! {
                <span class="tick action-tick" data-testid="action-tick" style:left=left(index) title=format!("t = {}: {}", action.at, action.what.describe())></span>
            }
        })
        .collect_view();
    view! { <div class="ticks" aria-hidden="true">{steps}{actions}</div> }
}
