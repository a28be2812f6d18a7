//! `podplay check FILE` on valid and invalid manifests.

use std::path::Path;
use std::process::Command;

use expect_test::{Expect, expect};

/// Runs `podplay` with `args` in the test-data directory and renders its exit code and output.
fn check(args: &[&str], expected: Expect) {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"))
        .output()
        .expect("the podplay binary runs");
    let rendered = format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    expected.assert_eq(&rendered);
}

#[test]
fn valid_manifest() {
    check(
        &["check", "sidecar-logging.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        pod/sidecar-logging valid
        --- stderr
    "#]],
    );
}

#[test]
fn yaml_error_names_line_and_column() {
    check(
        &["check", "broken-indentation.yaml"],
        expect![[r#"
        exit 1
        --- stdout
        --- stderr
        broken-indentation.yaml:9:4: error: while parsing a block mapping, did not find expected key
    "#]],
    );
}

#[test]
fn missing_fields_are_listed() {
    check(
        &["check", "missing-name.yaml"],
        expect![[r#"
        exit 1
        --- stdout
        --- stderr
        missing-name.yaml:4:3: error: metadata.name: Required value
        missing-name.yaml:8:5: error: spec.containers[0].name: Required value
    "#]],
    );
}

#[test]
fn a_huge_file_is_refused_without_reading_it_whole() {
    let path = std::env::temp_dir().join(format!("podplay-huge-{}.yaml", std::process::id()));
    let line = "# padding padding padding padding padding padding padding padding\n";
    std::fs::write(&path, line.repeat(40_000)).expect("the temporary file is writable");
    let file = path.to_str().expect("temporary paths are UTF-8 here");
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(["check", file])
        .output()
        .expect("the podplay binary runs");
    std::fs::remove_file(&path).expect("the temporary file can be removed");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.ends_with(
            ":1:1: error: the manifest is too large: the playground accepts at most 1048576 bytes\n"
        ),
        "{stderr}"
    );
}

#[test]
fn missing_file_is_a_usage_error() {
    check(
        &["check", "no-such-file.yaml"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        podplay: cannot read no-such-file.yaml: No such file or directory (os error 2)
    "#]],
    );
}

#[test]
fn no_arguments_prints_usage() {
    check(
        &[],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        Usage: podplay <command> [arguments]

        Commands:
          check FILE    Check a Pod manifest (FILE may be '-' for standard input).
                        Prints 'pod/<name> valid', or each problem on standard error
                        as FILE:LINE:COLUMN: error: MESSAGE.

        Options:
          -h, --help     Print this help.
          -V, --version  Print the version.

        Exit status: 0 when the manifest is valid, 1 when it is not, 2 on a usage or I/O error.
    "#]],
    );
}
