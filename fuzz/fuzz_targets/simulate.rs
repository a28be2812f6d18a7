//! A scenario and a manifest (the input split at its first NUL byte) through the simulator and
//! every view of it: the timeline, the topology, the diagram's layout, scene and SVG. The
//! horizon is held to ten minutes, so that each run stays short.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pod_model::diagram::{self, svg};
use pod_model::cluster::scenario::Scenario;
use pod_model::base::time::VirtualTime;
use pod_model::cluster;
use pod_model::playground::timeline;
use pod_model::topology;

fuzz_target!(|data: &[u8]| {
    let (scenario_bytes, manifest_bytes) = match data.iter().position(|byte| *byte == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[][..], data),
    };
    let scenario_text = String::from_utf8_lossy(scenario_bytes);
    let mut scenario = Scenario::from_yaml(&scenario_text).unwrap_or_default();
    scenario.horizon = scenario.horizon.min(VirtualTime::from_secs(600));
    let manifest = String::from_utf8_lossy(manifest_bytes);
    let parsed = pod_model::parse(&manifest);
    let Some(pod) = parsed.accepted_pod() else {
        return;
    };
    let simulation = cluster::simulate(pod, &scenario);
    let steps = timeline::from_simulation(pod, &simulation);
    let layout = diagram::layout_topology(topology::analyze(pod, Some(&simulation.observed())));
    for step in steps.steps() {
        let scene = diagram::scene(&layout, Some(&step.look));
        let _ = svg::render(&scene, svg::Theme::Light);
    }
});
