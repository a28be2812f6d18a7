//! Golden files of the diagram of every docs and gallery example: the geometry as text and the
//! SVG, each drawn as the Pod is 60 s after `kubectl apply`. `UPDATE_EXPECT=1` rewrites them;
//! review the diff. Every SVG must parse as XML, and every layout must verify.

use std::fs;
use std::path::PathBuf;

use pod_model::base::time::VirtualTime;
use pod_model::cluster::{Scenario, simulate};
use pod_model::diagram::{self, Look, Theme, geometry_text, verify};
use pod_model::kubectl::get as kubectl_get;
use pod_model::topology;

use crate::corpus::all_examples;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/diagrams")
}

/// Compares `actual` with the golden file `name`, or rewrites it under `UPDATE_EXPECT=1`.
fn check_golden(name: &str, actual: &str) -> Option<String> {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::create_dir_all(golden_dir()).expect("the golden directory can be made");
        fs::write(&path, actual).expect("golden files can be written");
        return None;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => None,
        Ok(_) => Some(format!("{name} differs (UPDATE_EXPECT=1 rewrites it)")),
        Err(_) => Some(format!("{name} is missing (UPDATE_EXPECT=1 writes it)")),
    }
}

/// The SVG and the geometry of `text`'s Pod, 60 s in.
fn draw(text: &str) -> (String, String, Vec<String>) {
    let parsed = pod_model::parse(text);
    let pod = &crate::corpus::drawn_pod(&parsed);
    let scenario = Scenario {
        horizon: VirtualTime::from_secs(60),
        ..Scenario::default()
    };
    let simulation = simulate(pod, &scenario);
    let layout = diagram::layout_topology(topology::analyze(pod, Some(&simulation.observed())));
    let problems = verify(&layout);
    let snapshot = simulation
        .at(VirtualTime::from_secs(60))
        .expect("a simulation has snapshots");
    let mut look = Look::of(pod, &snapshot.pod);
    look.status = Some(
        kubectl_get::pod_row(&snapshot.pod, simulation.wall(VirtualTime::from_secs(60))).status,
    );
    let svg = diagram::render(&diagram::scene(&layout, Some(&look)), Theme::Light);
    (geometry_text(&layout), svg, problems)
}

#[test]
fn every_example_has_a_golden_diagram() {
    let mut problems = Vec::new();
    for (name, text) in all_examples() {
        let file = name.replace(['/', '\\'], "__").replace(".yaml", "");
        let (geometry, svg, overlaps) = draw(&text);
        problems.extend(overlaps.into_iter().map(|p| format!("{name}: {p}")));
        if let Err(error) = roxmltree::Document::parse(&svg) {
            problems.push(format!("{name}: the SVG does not parse: {error}"));
        }
        problems.extend(check_golden(&format!("{file}.geometry.txt"), &geometry));
        problems.extend(check_golden(&format!("{file}.svg"), &svg));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn user_text_stays_text_in_the_svg() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {podplay.dev/roles: \"x=<script>alert(1)</script>\"}\nspec:\n  containers:\n  - name: app\n    image: \"evil\\\"><script>alert(1)</script>\"\n    env: [{name: URL, value: \"http://a.example.com/<img src=x onerror=alert(1)>\"}]\n";
    let pod = pod_model::parse(text).pod.expect("a Pod");
    let layout = diagram::layout(&pod);
    let svg = diagram::render(&diagram::scene(&layout, None), Theme::Dark);
    let document = roxmltree::Document::parse(&svg).expect("the SVG parses");
    let elements: Vec<&str> = document
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for forbidden in ["script", "img", "foreignObject"] {
        assert!(!elements.contains(&forbidden), "{forbidden} in {svg}");
    }
    assert!(svg.contains("&lt;script&gt;"));
}

mod no_overlaps {
    use proptest::prelude::*;

    use pod_model::api::v1::{Container, ContainerPort, EnvVar, Pod, Volume, VolumeMount};
    use pod_model::diagram::{self, verify};

    /// A container of index `index` with ports, mounts and connections chosen by `seed`.
    fn container(index: usize, seed: u64, volumes: usize, native: bool) -> Container {
        let pick = |shift: u32, modulo: u64| (seed >> shift) % modulo;
        let mut container = Container {
            name: format!("c{index}"),
            image: Some(
                ["nginx", "busybox", "fluentd", "alpine/socat", "redis"][pick(0, 5) as usize]
                    .to_owned(),
            ),
            restart_policy: native.then(|| "Always".to_owned()),
            ..Container::default()
        };
        for port in 0..pick(4, 5) {
            container.ports.push(ContainerPort {
                container_port: 8000 + i32::try_from(pick(8 + port as u32, 4)).unwrap_or(0),
                ..ContainerPort::default()
            });
        }
        if volumes > 0 {
            for mount in 0..pick(16, 4) {
                let volume = (pick(20 + mount as u32 * 3, 16) as usize) % volumes;
                container.volume_mounts.push(VolumeMount {
                    name: format!("v{volume}"),
                    mount_path: format!("/m/{mount}"),
                    read_only: pick(30, 2) == 0,
                    ..VolumeMount::default()
                });
            }
        }
        if pick(34, 2) == 0 {
            container.env.push(EnvVar {
                name: "PEER".to_owned(),
                value: Some(format!("localhost:{}", 8000 + pick(36, 4))),
                ..EnvVar::default()
            });
        }
        if pick(40, 3) == 0 {
            container.env.push(EnvVar {
                name: "DB".to_owned(),
                value: Some(format!("postgres://db{}.example.com:5432/app", pick(42, 8))),
                ..EnvVar::default()
            });
        }
        container
    }

    fn pod(init: usize, native: usize, app: usize, volumes: usize, seed: u64) -> Pod {
        let mut pod = Pod::default();
        pod.metadata.name = Some("random".to_owned());
        let seed_of = |i: usize| seed.rotate_left(u32::try_from(i * 7).unwrap_or(0));
        pod.spec.init_containers = (0..init + native)
            .map(|i| container(i, seed_of(i), volumes, i >= init))
            .collect();
        pod.spec.containers = (0..app)
            .map(|i| container(100 + i, seed_of(100 + i), volumes, false))
            .collect();
        pod.spec.volumes = (0..volumes)
            .map(|i| Volume {
                name: format!("v{i}"),
                empty_dir: Some(Default::default()),
                ..Volume::default()
            })
            .collect();
        pod
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Random Pods of 1 to 12 containers and 0 to 10 volumes, with ports, conflicts,
        /// localhost connections and remote hosts: nothing overlaps, no edge runs through a box.
        #[test]
        fn random_pods_never_overlap(
            init in 0usize..3,
            native in 0usize..2,
            app in 1usize..=10,
            volumes in 0usize..=10,
            seed in any::<u64>(),
        ) {
            let app = app.min(12 - init - native);
            let pod = pod(init, native, app, volumes, seed);
            let layout = diagram::layout(&pod);
            prop_assert_eq!(verify(&layout), Vec::<String>::new());
            prop_assert_eq!(layout.containers.len(), init + native + app);
        }
    }
}

/// Self-doubling env vars, words built from huge values, and deep `sh -c` nesting are cut to
/// their budgets: the diagram of such a Pod is still drawn.
#[test]
fn hostile_command_lines_are_bounded() {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    env:\n    - {name: A0, value: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}\n",
    );
    for level in 1..=40 {
        text.push_str(&format!(
            "    - {{name: A{level}, value: \"$(A{})$(A{})\"}}\n",
            level - 1,
            level - 1
        ));
    }
    let words = " $A40".repeat(2_000);
    text.push_str(&format!(
        "    command: [sh, -c, \"echo{words}; sh -c 'sh -c \\\"sh -c ls\\\"'\"]\n"
    ));
    let parsed = pod_model::parse(&text);
    let pod = parsed.pod.as_ref().expect("a Pod");
    let layout = diagram::layout(pod);
    assert_eq!(layout.containers.len(), 1);
    let invocations = topology::commands::invocations(&pod.spec.containers[0]);
    let total: usize = invocations
        .iter()
        .flat_map(|i| &i.args)
        .map(String::len)
        .sum();
    assert!(total <= 1024 * 1024, "{total} bytes of arguments");
}
