//! The page's frame: the panels, the phone tabs, the splitters that resize the panels, and the
//! theme toggle.

use leptos::prelude::*;
use pod_model::diagram::svg::Theme;
use pod_model::playground::embed::Panel;

/// The smallest share of the width a panel keeps while resizing.
const MIN_WEIGHT: f64 = 0.35;
/// How much one arrow key press moves a splitter, as a share of the panels' weight.
const KEY_STEP: f64 = 0.1;

/// One of the page's panels, while it is shown: a labelled region with its title, as wide as its
/// weight, and the current tab on a phone.
#[component]
pub fn PanelSection(
    /// Which panel.
    panel: Panel,
    /// The panels shown.
    visible: RwSignal<Vec<Panel>>,
    /// The panel shown as the current tab.
    tab: RwSignal<Panel>,
    /// The panels' flex weights, in `Panel::ALL` order.
    weights: RwSignal<[f64; 3]>,
    /// The panel's content.
    children: ChildrenFn,
) -> impl IntoView {
    let name = panel.as_str();
    let index = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0);
    let class = move || {
        if tab.get() == panel {
            format!("panel {name}-panel tab-active")
        } else {
            format!("panel {name}-panel")
        }
    };
    view! {
        <Show when=move || visible.with(|panels| panels.contains(&panel))>
            <section
                class=class
                style:flex-grow=move || pod_model::base::decimal::fixed(weights.get()[index], 3)
                role="region"
                aria-labelledby=format!("{name}-heading")
                data-testid=format!("panel-{name}")
            >
                <h2 id=format!("{name}-heading")>{panel.title()}</h2>
                {children()}
            </section>
        </Show>
    }
}

/// On a phone the panels are tabs: one shows at a time. (The stylesheet hides this bar on wide
/// screens, where every visible panel shows side by side.)
#[component]
pub fn PanelTabs(
    /// The panels shown.
    visible: RwSignal<Vec<Panel>>,
    /// The panel shown as the current tab.
    tab: RwSignal<Panel>,
    /// True in an embed, whose panels stand side by side from a narrower width.
    embedded: bool,
) -> impl IntoView {
    // The navigation landmark holds the tab list (a `role` on the `nav` would replace its own).
    view! {
        <nav class="panel-tabs" class:embedded=embedded aria-label="Panels">
            <div class="panel-tablist" role="tablist">
            {move || {
                visible
                    .get()
                    .into_iter()
                    .map(|panel| view! {
                        <button
                            role="tab"
                            data-testid=format!("tab-{}", panel.as_str())
                            aria-selected=move || (tab.get() == panel).to_string()
                            on:click=move |_| tab.set(panel)
                        >
                            {panel.title()}
                        </button>
                    })
                    .collect_view()
            }}
            </div>
        </nav>
    }
}

/// A handle between two panels: drag it, or focus it and press ← or →, to give one panel more
/// room than the other.
#[component]
pub fn Splitter(
    /// The panel on its left.
    left: Panel,
    /// The panel on its right.
    right: Panel,
    /// Each panel's share of the width (by [`Panel::ALL`] index).
    weights: RwSignal<[f64; 3]>,
) -> impl IntoView {
    let index = |panel: Panel| Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0);
    let (li, ri) = (index(left), index(right));
    // Moves `amount` of weight from the right panel to the left one, within bounds.
    let shift = move |amount: f64| {
        weights.update(|weights| {
            let total = weights[li] + weights[ri];
            let new_left = (weights[li] + amount).clamp(MIN_WEIGHT, total - MIN_WEIGHT);
            weights[ri] = total - new_left;
            weights[li] = new_left;
        });
    };
    // While dragging: the pointer's last x and the weight per pixel of the panels' row.
    let drag = StoredValue::new(None::<(f64, f64)>);
    let moves = window_event_listener(leptos::ev::mousemove, move |event| {
        if let Some((last_x, per_px)) = drag.get_value() {
            let x = f64::from(event.client_x());
            shift((x - last_x) * per_px);
            drag.set_value(Some((x, per_px)));
        }
    });
    let ups = window_event_listener(leptos::ev::mouseup, move |_| drag.set_value(None));
    on_cleanup(move || {
        moves.remove();
        ups.remove();
    });
    let start = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        let width = web_sys::window()
            .and_then(|window| window.inner_width().ok())
            .and_then(|width| width.as_f64())
            .unwrap_or(1200.0)
            .max(1.0);
        let total: f64 = weights.get_untracked().iter().sum();
        drag.set_value(Some((f64::from(event.client_x()), total / width)));
    };
    let share = move || {
        let weights = weights.get();
        (weights[li] * 100.0 / (weights[li] + weights[ri])).round()
    };
    view! {
        <div
            class="splitter"
            role="separator"
            tabindex="0"
            aria-orientation="vertical"
            aria-label=format!("Resize the {} and {} panels", left.title(), right.title())
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || pod_model::base::decimal::fixed(share(), 0)
            data-testid=format!("splitter-{}", left.as_str())
            on:mousedown=start
            on:keydown=move |event| match event.key().as_str() {
                // The keys resize here, and must not also step the timeline.
                "ArrowLeft" => {
                    event.prevent_default();
                    event.stop_propagation();
                    shift(-KEY_STEP);
                }
                "ArrowRight" => {
                    event.prevent_default();
                    event.stop_propagation();
                    shift(KEY_STEP);
                }
                _ => {}
            }
        ></div>
    }
}

/// Light, dark, or following the system.
#[component]
pub fn ThemeToggle(
    /// The chosen theme.
    theme: RwSignal<Theme>,
) -> impl IntoView {
    view! {
        <label class="theme-toggle">
            "Theme "
            <select
                data-testid="theme"
                on:change=move |event| {
                    if let Some(chosen) = Theme::from_name(&event_target_value(&event)) {
                        theme.set(chosen);
                    }
                }
                prop:value=move || pod_model::playground::embed::theme_name(theme.get())
            >
                <option value="auto">"System"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </label>
    }
}
