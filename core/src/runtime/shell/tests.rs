//! Scripts from the docs examples and the seed articles, run on a [`MemoryHost`].

use std::collections::BTreeMap;

use expect_test::{Expect, expect};

use crate::base::time::VirtualTime;
use crate::runtime::shell::{Limits, MemoryHost, run_script};

/// Runs `script` until `horizon_secs` on a fresh host prepared by `setup`, and renders every
/// output line with its instant, then the outcome and the notes.
fn check_with(
    script: &str,
    horizon_secs: u64,
    setup: impl FnOnce(&mut MemoryHost),
    expected: Expect,
) {
    let mut host = MemoryHost::new("demo");
    setup(&mut host);
    let env: BTreeMap<String, String> = [("GREETING".to_owned(), "hello".to_owned())]
        .into_iter()
        .collect();
    let run = run_script(
        script,
        &env,
        &mut host,
        Limits::until(VirtualTime::from_secs(horizon_secs)),
    );
    let mut out = String::new();
    for (at, error, line) in &host.output {
        out.push_str(&format!(
            "{at:>6} {}{line}\n",
            if *error { "! " } else { "" }
        ));
    }
    out.push_str(&format!("=> {:?} at {}\n", run.outcome, run.ended_at));
    for note in &run.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    expected.assert_eq(&out);
}

fn check(script: &str, horizon_secs: u64, expected: Expect) {
    check_with(script, horizon_secs, |_| {}, expected);
}

#[test]
fn an_init_container_that_waits_then_exits() {
    check(
        "echo Waiting for DB...; sleep 2",
        60,
        expect![[r#"
        0s Waiting for DB...
        => Exited(0) at 2s
    "#]],
    );
}

#[test]
fn the_seed_log_agent_loops_until_the_horizon() {
    check(
        "while true; do echo Logging...; sleep 5; done",
        12,
        expect![[r#"
            0s Logging...
            5s Logging...
            10s Logging...
            => Running at 12s
        "#]],
    );
}

#[test]
fn the_liveness_example_removes_its_file_after_30_seconds() {
    let mut host = MemoryHost::new("liveness-exec");
    let run = run_script(
        "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
        &BTreeMap::new(),
        &mut host,
        Limits::until(VirtualTime::from_secs(20)),
    );
    assert!(host.files.contains_key("/tmp/healthy"));
    assert_eq!(run.ended_at, VirtualTime::from_secs(20));
    let mut host = MemoryHost::new("liveness-exec");
    run_script(
        "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
        &BTreeMap::new(),
        &mut host,
        Limits::until(VirtualTime::from_secs(40)),
    );
    assert!(!host.files.contains_key("/tmp/healthy"));
}

#[test]
fn waiting_for_a_service_that_does_not_exist() {
    check(
        "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done",
        3,
        expect![[r#"
            0s ! cat: can't open '/var/run/secrets/kubernetes.io/serviceaccount/namespace': No such file or directory
            0s Server:		10.96.0.10
            0s Address:	10.96.0.10:53
            0s 
            0s ! ** server can't find myservice..svc.cluster.local: NXDOMAIN
            0s waiting for myservice
            2s ! cat: can't open '/var/run/secrets/kubernetes.io/serviceaccount/namespace': No such file or directory
            2s Server:		10.96.0.10
            2s Address:	10.96.0.10:53
            2s 
            2s ! ** server can't find myservice..svc.cluster.local: NXDOMAIN
            2s waiting for myservice
            => Running at 3s
        "#]],
    );
}

#[test]
fn waiting_for_a_service_that_exists() {
    check_with(
        "until nslookup mydb; do echo waiting for mydb; sleep 2; done; echo found it",
        60,
        |host| {
            host.dns.insert("mydb".to_owned(), "10.96.0.23".to_owned());
        },
        expect![[r#"
            0s Server:		10.96.0.10
            0s Address:	10.96.0.10:53
            0s 
            0s Name:	mydb
            0s Address: 10.96.0.23
            0s 
            0s found it
            => Exited(0) at 0s
        "#]],
    );
}

#[test]
fn counting_loops_and_arithmetic() {
    check(
        "i=0; while [ $i -lt 3 ]; do echo \"tick $i of $GREETING\"; i=$((i+1)); done",
        60,
        expect![[r#"
            0s tick 0 of hello
            0s tick 1 of hello
            0s tick 2 of hello
            => Exited(0) at 0s
        "#]],
    );
}

#[test]
fn files_globs_and_pipes() {
    check_with(
        "echo hello > /logs/a.log; echo world >> /logs/a.log; echo x > /logs/b.log; cat /logs/*.log | wc -l; for f in /logs/*.log; do wc -l $f; done; ls /logs",
        60,
        |host| {
            host.directories.insert("/logs".to_owned());
        },
        expect![[r#"
            0s 3
            0s       2 /logs/a.log
            0s       1 /logs/b.log
            0s a.log
            0s b.log
            => Exited(0) at 0s
        "#]],
    );
}

#[test]
fn exit_codes_and_conditionals() {
    check(
        "false && echo no || echo yes; [ -f /nope ] || echo missing; exit 3; echo never",
        60,
        expect![[r#"
            0s yes
            0s missing
            => Exited(3) at 0s
        "#]],
    );
}

#[test]
fn a_busy_loop_is_stopped() {
    check(
        "while true; do :; done",
        60,
        expect![[r#"
        => BusyLoop at 0s
        note: a loop ran without pausing; stopped after the step budget, as a busy process
    "#]],
    );
}

#[test]
fn unknown_programs_are_long_running_with_a_note() {
    check(
        "nginx -g 'daemon off;'",
        30,
        expect![[r#"
        => Running at 30s
        note: "nginx" is not a command the playground knows: treated as a long-running process
    "#]],
    );
}

#[test]
fn syntax_errors_exit_2() {
    check(
        "if true; then echo",
        30,
        expect![[r#"
        0s ! sh: syntax error: unexpected end of file (expecting "fi")
        => Exited(2) at 0s
    "#]],
    );
}

#[test]
fn tail_follows_a_file_written_later() {
    check_with(
        "tail -f /var/log/app.log",
        4,
        |host| {
            host.files
                .insert("/var/log/app.log".to_owned(), "first\nsecond\n".to_owned());
        },
        expect![[r#"
            0s first
            0s second
            => Running at 4s
        "#]],
    );
}

#[test]
fn read_only_mounts_refuse_writes() {
    check_with(
        "echo data > /config/app.conf; echo $?",
        30,
        |host| {
            host.directories.insert("/config".to_owned());
            host.read_only.push("/config".to_owned());
        },
        expect![[r#"
            0s ! sh: can't create /config/app.conf: Read-only file system
            0s 1
            => Exited(0) at 0s
        "#]],
    );
}

#[test]
fn dev_null_and_stderr_redirections() {
    check(
        "echo gone > /dev/null; cat /dev/null; ls /missing 2>/dev/null; echo oops >&2; echo $((2 * (3 + 4)))",
        10,
        expect![[r#"
            0s ! oops
            0s 14
            => Exited(0) at 0s
        "#]],
    );
}

#[test]
fn exit_codes_wrap_at_256() {
    check(
        "exit 257",
        10,
        expect![[r#"
        => Exited(1) at 0s
    "#]],
    );
}

#[test]
fn a_loop_that_sleeps_is_not_a_busy_loop() {
    check(
        "i=0; while [ $i -lt 3000 ]; do i=$((i + 1)); done; echo counted $i; sleep 1; echo done",
        10,
        expect![[r#"
            0s counted 3000
            1s done
            => Exited(0) at 1s
        "#]],
    );
}

#[test]
fn break_continue_seq_expr_and_read() {
    check_with(
        "for i in $(seq 1 10); do if [ $i -eq 3 ]; then continue; fi; if [ $i -gt 5 ]; then break; fi; echo i=$i; done\n\
         n=$(expr 6 \\* 7); echo n=$n\n\
         while read name count; do echo \"$name has $count\"; done < /tmp/list\n\
         while true; do while true; do break 2; done; done; echo out\n\
         seq 10 -3 1",
        10,
        |host| {
            host.files.insert(
                "/tmp/list".to_owned(),
                "apples 3\npears 5 or so\n".to_owned(),
            );
        },
        expect![[r#"
            0s i=1
            0s i=2
            0s i=4
            0s i=5
            0s n=42
            0s apples has 3
            0s pears has 5 or so
            0s out
            0s 10
            0s 7
            0s 4
            0s 1
            => Exited(0) at 0s
        "#]],
    );
}
