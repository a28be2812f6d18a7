//! A scenario and a manifest (the input split at its first NUL byte) through the virtual cluster
//! and every view of it: the lifecycle of the manifest's Pods (the simulation, the timeline, what
//! the stepper shows of each step, and the JSON the model thread sends the page, which must read
//! back exactly), the topology, the diagram's layout, scene and SVG. The horizon is held to ten
//! minutes, so that each run stays short.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pod_model::Pod;
use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::diagram::{self, svg};
use pod_model::playground::lifecycle_view::LifecycleView;
use pod_model::playground::state;

fuzz_target!(|data: &[u8]| {
    let (scenario_bytes, manifest_bytes) = match data.iter().position(|byte| *byte == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[][..], data),
    };
    let scenario_text = String::from_utf8_lossy(scenario_bytes);
    let mut scenario = Scenario::from_yaml(&scenario_text).unwrap_or_default();
    scenario.horizon = scenario.horizon.min(VirtualTime::from_secs(600));
    let manifest = String::from_utf8_lossy(manifest_bytes);
    let parsed = state::check(&manifest, state::Delivery::of(&scenario));
    let pods: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
    let Some(lifecycle) = state::lifecycle(&pods, &[], &scenario) else {
        return;
    };
    let Some(drawn) = pods.first() else {
        return;
    };
    // What the model thread sends the page reads back exactly.
    let view = LifecycleView::of(&lifecycle);
    assert_eq!(LifecycleView::from_json(&view.to_json()).as_ref(), Ok(&view));
    let topology = state::topology_of(drawn, true, Some(&view.observed));
    let layout = diagram::layout_topology(topology);
    for view in &lifecycle.views {
        let scene = diagram::scene(&layout, Some(&view.look));
        let _ = svg::render(&scene, svg::Theme::Light);
    }
});
