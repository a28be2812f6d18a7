//! `podplay diagram FILE [--at D] [--theme T] [--flow]`: valid SVG, checked by parsing it.

use std::path::Path;
use std::process::Command;

/// Runs `podplay` with `args` in the test-data directory: exit code, stdout, stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"))
        .output()
        .expect("the podplay binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The `data-testid` and `data-state` of every group of an SVG document, and its root class.
fn groups(svg: &str) -> (String, Vec<(String, String)>) {
    let document = roxmltree::Document::parse(svg).expect("podplay writes well-formed SVG");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let groups = root
        .descendants()
        .filter(|n| n.has_tag_name("g"))
        .map(|g| {
            (
                g.attribute("data-testid").unwrap_or_default().to_owned(),
                g.attribute("data-state").unwrap_or_default().to_owned(),
            )
        })
        .collect();
    (
        root.attribute("class").unwrap_or_default().to_owned(),
        groups,
    )
}

#[test]
fn draws_the_inside_of_the_pod_as_valid_svg() {
    let (code, svg, stderr) = run(&["diagram", "sidecar-logging.yaml"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (class, groups) = groups(&svg);
    assert_eq!(class, "podplay-diagram theme-light");
    let count = |id: &str| groups.iter().filter(|(t, _)| t == id).count();
    assert_eq!(count("pause"), 1);
    assert_eq!(count("network"), 1);
    assert_eq!(count("container-box"), 2);
    assert_eq!(count("volume"), 1);
    // Without --at, only the structure: no states.
    assert!(
        groups
            .iter()
            .all(|(id, state)| id != "container-box" || state == "none")
    );
}

#[test]
fn at_an_instant_each_container_is_in_its_state() {
    let (code, svg, _) = run(&[
        "diagram",
        "--at",
        "35s",
        "--theme",
        "dark",
        "sidecar-logging.yaml",
    ]);
    assert_eq!(code, 0);
    let (class, groups) = groups(&svg);
    assert_eq!(class, "podplay-diagram theme-dark");
    let states: Vec<&str> = groups
        .iter()
        .filter(|(id, _)| id == "container-box")
        .map(|(_, state)| state.as_str())
        .collect();
    assert_eq!(states, ["ready", "ready"]);
    let (_, early, _) = run(&["diagram", "--at", "0s", "sidecar-logging.yaml"]);
    let (_, groups) = self::groups(&early);
    assert!(
        groups
            .iter()
            .any(|(id, state)| id == "container-box" && state == "waiting")
    );
}

#[test]
fn the_flow_diagram_lights_the_current_step() {
    let (code, svg, _) = run(&["diagram", "--flow", "--at", "0s", "sidecar-logging.yaml"]);
    assert_eq!(code, 0);
    let (_, groups) = groups(&svg);
    let actors = groups.iter().filter(|(id, _)| id == "actor").count();
    assert_eq!(actors, 6);
    let current = groups
        .iter()
        .filter(|(id, state)| id == "flow-stage" && state == "current")
        .count();
    assert_eq!(current, 1);
}

#[test]
fn a_bad_theme_is_a_usage_error() {
    let (code, _, stderr) = run(&["diagram", "--theme", "pink", "sidecar-logging.yaml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("invalid value 'pink' for '--theme <THEME>': expected light, dark or auto"),
        "{stderr}"
    );
}

#[test]
fn a_port_conflict_is_drawn_and_its_line_named() {
    let (code, svg, stderr) = run(&["diagram", "port-conflict.yaml"]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        "port-conflict.yaml:12:12: warning[port-conflict]: spec.containers[1].image: containers \"web\" and \"admin\" both listen on 80/TCP (the httpd image listens here by default); they share the Pod's network namespace, so the second fails with \"address already in use\"\n  fix: give one of them another port; containers of a Pod reach each other on localhost:<port>\n"
    );
    let document = roxmltree::Document::parse(&svg).expect("valid SVG");
    let conflicted = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("port conflict"))
        .count();
    assert_eq!(conflicted, 2);
}
