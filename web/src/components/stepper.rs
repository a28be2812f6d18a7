//! The lifecycle stepper: Back, Next and Play/Pause over the timeline.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use pod_model::timeline::{Cursor, Timeline};

/// Real milliseconds between two steps while playing.
const PLAY_INTERVAL_MS: u32 = 800;

/// Controls and a read-out of the current step: time, phase, STATUS and a narration.
#[component]
pub fn Stepper(
    /// The timeline to walk; the controls are disabled without one.
    #[prop(into)]
    timeline: Signal<Option<Timeline>>,
    /// The current position, always within the timeline.
    #[prop(into)]
    cursor: Signal<Cursor>,
    /// Called with the position to move to.
    on_move: Callback<Cursor>,
) -> impl IntoView {
    let playing = RwSignal::new(false);
    let ticker = StoredValue::new_local(None::<Interval>);
    let can_forward = move || {
        timeline.with(|timeline| {
            timeline
                .as_ref()
                .is_some_and(|timeline| cursor.get().can_forward(timeline))
        })
    };
    // Moves one step forward and tells whether another step follows. Reads without subscribing,
    // because it runs from event handlers and the timer.
    let forward = move || {
        timeline.with_untracked(|timeline| {
            let Some(timeline) = timeline else {
                return false;
            };
            let next = cursor.get_untracked().forward(timeline);
            on_move.run(next);
            next.can_forward(timeline)
        })
    };

    // Playing holds an interval timer; pausing, or reaching the last step, drops it.
    Effect::new(move |_| {
        if playing.get() {
            let interval = Interval::new(PLAY_INTERVAL_MS, move || {
                if !forward() {
                    playing.set(false);
                }
            });
            ticker.set_value(Some(interval));
        } else {
            ticker.set_value(None);
        }
    });
    on_cleanup(move || ticker.set_value(None));

    let toggle_play = move |_| {
        if playing.get_untracked() {
            playing.set(false);
            return;
        }
        // Play from the start when the last step is showing.
        let at_end = timeline.with_untracked(|timeline| {
            timeline
                .as_ref()
                .is_some_and(|timeline| !cursor.get_untracked().can_forward(timeline))
        });
        if at_end {
            on_move.run(Cursor::START);
        }
        playing.set(true);
    };
    let readout = move || {
        timeline.with(|timeline| {
            timeline.as_ref().map(|timeline| {
                let at = cursor.get();
                let step = timeline.step(at);
                view! {
                    <dl class="readout">
                        <dt>"Step"</dt>
                        <dd data-testid="step">{format!("{} of {}", at.index() + 1, timeline.steps().len())}</dd>
                        <dt>"Time"</dt>
                        <dd data-testid="clock">{format!("t = {}", step.at)}</dd>
                        <dt>"Phase"</dt>
                        <dd data-testid="phase">{step.phase.to_string()}</dd>
                        <dt>"STATUS"</dt>
                        <dd data-testid="status">{step.status.clone()}</dd>
                    </dl>
                    <p class="narration" data-testid="narration" aria-live="polite">{step.narration.clone()}</p>
                    {(!timeline.notes().is_empty()).then(|| view! {
                        <div class="simulator-notes" data-testid="simulator-notes">
                            <h3>"Assumed by the simulator"</h3>
                            <ul>
                                {timeline
                                    .notes()
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
                    data-testid="back"
                    prop:disabled=move || !cursor.get().can_back()
                    on:click=move |_| {
                        playing.set(false);
                        on_move.run(cursor.get_untracked().back());
                    }
                >
                    "Back"
                </button>
                <button
                    data-testid="play"
                    prop:disabled=move || timeline.with(Option::is_none)
                    aria-pressed=move || playing.get().to_string()
                    on:click=toggle_play
                >
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button
                    data-testid="next"
                    prop:disabled=move || !can_forward()
                    on:click=move |_| {
                        playing.set(false);
                        forward();
                    }
                >
                    "Next"
                </button>
            </div>
            {readout}
            <Show when=move || timeline.with(Option::is_none)>
                <p class="empty" data-testid="no-timeline">
                    "The lifecycle starts once the API server would accept the manifest."
                </p>
            </Show>
        </div>
    }
}
