//! What a container's command line says it runs: each program with its arguments, and the files
//! it writes and reads, read from `command`/`args` and from `sh -c` scripts through the shell's
//! parser. The topology reads ports, connections and volume use from these.

use std::collections::BTreeMap;

use crate::kubelet_expansion;
use crate::shell::is_command_flag;
use crate::shell::syntax::{self, Command, List, Part, Redirect, Word};
use crate::v1::Container;

/// One program run by a container's command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invocation {
    /// The program's base name (`/bin/nc` is `nc`; `busybox httpd` is `httpd`).
    pub program: String,
    /// Its arguments, with the environment's literal values expanded.
    pub args: Vec<String>,
    /// Files it writes: redirections, `touch`, `tee`, `cp`'s target.
    pub writes: Vec<String>,
    /// Files it reads: `< file`, `cat`, `tail`, `wc` and their kin.
    pub reads: Vec<String>,
}

/// The most invocations read from one container, and the deepest `sh -c` nesting followed.
const MAX_INVOCATIONS: usize = 256;
const MAX_NESTING: usize = 4;

/// Programs that read the files they are given.
const READERS: &[&str] = &[
    "cat",
    "tail",
    "head",
    "wc",
    "grep",
    "less",
    "more",
    "awk",
    "sed",
    "sort",
    "uniq",
    "md5sum",
    "sha256sum",
    "ls",
    "find",
    "stat",
    "du",
    "diff",
];

/// Programs that create or change the files they are given.
const WRITERS: &[&str] = &["touch", "mkdir", "tee", "rm", "truncate"];

/// Every program `container`'s command line runs, in order. A container with neither `command`
/// nor `args` runs its image's default and has none.
pub fn invocations(container: &Container) -> Vec<Invocation> {
    let env = kubelet_expansion::literal_env(&container.env);
    // With `args` alone, they go to the image's own entrypoint, named here after the image.
    let entrypoint = (container.command.is_empty() && !container.args.is_empty())
        .then(|| super::repository(container.image.as_deref().unwrap_or_default()));
    let words: Vec<String> = entrypoint
        .into_iter()
        .chain(
            container
                .command
                .iter()
                .chain(&container.args)
                .map(|arg| kubelet_expansion::expand(arg, |name| env.get(name).cloned())),
        )
        .collect();
    let mut out = Vec::new();
    from_words(words, &env, 0, &mut out);
    out
}

/// Adds the invocation of an argument vector, following `sh -c SCRIPT` into the script.
fn from_words(
    words: Vec<String>,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) {
    let mut words = words;
    // `exec prog`, `busybox prog`, `env prog` and `/bin/prog` all run `prog`.
    while let Some(first) = words.first() {
        let name = base_name(first);
        if matches!(
            name,
            "exec" | "busybox" | "nohup" | "dumb-init" | "tini" | "--"
        ) && words.len() > 1
        {
            words.remove(0);
        } else {
            break;
        }
    }
    let Some(first) = words.first() else {
        return;
    };
    let program = base_name(first).to_owned();
    if matches!(program.as_str(), "sh" | "bash" | "ash" | "dash")
        && let [_, flag, script, ..] = words.as_slice()
        && is_command_flag(flag)
    {
        if depth < MAX_NESTING
            && let Ok(list) = syntax::parse(script)
        {
            list_invocations(&list, env, depth + 1, out);
        }
        return;
    }
    if out.len() >= MAX_INVOCATIONS {
        return;
    }
    let args = words[1..].to_vec();
    let mut invocation = Invocation {
        program,
        args,
        ..Invocation::default()
    };
    let paths = invocation
        .args
        .iter()
        .filter(|arg| arg.starts_with('/'))
        .cloned();
    if READERS.contains(&invocation.program.as_str()) {
        invocation.reads.extend(paths);
    } else if WRITERS.contains(&invocation.program.as_str()) {
        invocation.writes.extend(paths);
    } else if matches!(invocation.program.as_str(), "cp" | "mv") {
        let mut paths: Vec<String> = paths.collect();
        if let Some(target) = paths.pop() {
            invocation.writes.push(target);
        }
        invocation.reads.extend(paths);
    }
    out.push(invocation);
}

fn list_invocations(
    list: &List,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) {
    for and_or in &list.0 {
        let pipelines = std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p));
        for pipeline in pipelines {
            for command in &pipeline.commands {
                command_invocations(command, env, depth, out);
            }
        }
    }
}

fn command_invocations(
    command: &Command,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) {
    match command {
        Command::Simple {
            words, redirects, ..
        } => {
            let texts: Vec<String> = words
                .iter()
                .map(|word| word_text(word, env, depth, out))
                .collect();
            let before = out.len();
            from_words(texts, env, depth, out);
            let (writes, reads) = redirect_paths(redirects, env, depth, out);
            if out.len() > before
                && let Some(last) = out.last_mut()
            {
                last.writes.extend(writes);
                last.reads.extend(reads);
            } else if !writes.is_empty() || !reads.is_empty() {
                // A bare redirection (`> file`) still writes the file.
                out.push(Invocation {
                    program: ":".to_owned(),
                    writes,
                    reads,
                    ..Invocation::default()
                });
            }
        }
        Command::Loop {
            condition,
            body,
            redirects,
            ..
        } => {
            let before = out.len();
            list_invocations(condition, env, depth, out);
            list_invocations(body, env, depth, out);
            attach_redirects(redirects, before, env, depth, out);
        }
        Command::For { items, body, .. } => {
            for item in items {
                word_text(item, env, depth, out);
            }
            list_invocations(body, env, depth, out);
        }
        Command::If {
            branches,
            otherwise,
        } => {
            for (condition, body) in branches {
                list_invocations(condition, env, depth, out);
                list_invocations(body, env, depth, out);
            }
            if let Some(otherwise) = otherwise {
                list_invocations(otherwise, env, depth, out);
            }
        }
        Command::Group(list, redirects) => {
            let before = out.len();
            list_invocations(list, env, depth, out);
            attach_redirects(redirects, before, env, depth, out);
        }
    }
}

/// A compound command's redirections apply to every program inside it.
fn attach_redirects(
    redirects: &[Redirect],
    from: usize,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) {
    let (writes, reads) = redirect_paths(redirects, env, depth, out);
    if let Some(first) = out.get_mut(from) {
        first.writes.extend(writes);
        first.reads.extend(reads);
    }
}

fn redirect_paths(
    redirects: &[Redirect],
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) -> (Vec<String>, Vec<String>) {
    let (mut writes, mut reads) = (Vec::new(), Vec::new());
    for redirect in redirects {
        match redirect {
            Redirect::Write(word)
            | Redirect::Append(word)
            | Redirect::WriteError(word)
            | Redirect::AppendError(word)
            | Redirect::WriteBoth(word) => {
                let path = word_text(word, env, depth, out);
                if !path.starts_with("/dev/") && !path.is_empty() {
                    writes.push(path);
                }
            }
            Redirect::Read(word) => reads.push(word_text(word, env, depth, out)),
            Redirect::ErrorToOutput | Redirect::OutputToError => {}
        }
    }
    (writes, reads)
}

/// The text of a word with literal variables expanded; `$(command)` adds its invocations.
fn word_text(
    word: &Word,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
) -> String {
    let mut text = String::new();
    for part in &word.0 {
        part_text(part, env, depth, out, &mut text);
    }
    text
}

fn part_text(
    part: &Part,
    env: &BTreeMap<String, String>,
    depth: usize,
    out: &mut Vec<Invocation>,
    text: &mut String,
) {
    match part {
        Part::Literal(literal) | Part::Unquoted(literal) => text.push_str(literal),
        Part::Variable(name) => match env.get(name) {
            Some(value) => text.push_str(value),
            None => {
                text.push('$');
                text.push_str(name);
            }
        },
        Part::Command(list) => list_invocations(list, env, depth, out),
        Part::Quoted(parts) => {
            for part in parts {
                part_text(part, env, depth, out, text);
            }
        }
        Part::Arithmetic(_) => text.push('0'),
    }
}

/// The last component of a path.
pub fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(command: &[&str], expected: Expect) {
        let container = Container {
            name: "c".to_owned(),
            command: command.iter().map(|s| (*s).to_owned()).collect(),
            env: vec![crate::v1::EnvVar {
                name: "LOG".to_owned(),
                value: Some("/var/log/app.log".to_owned()),
                ..Default::default()
            }],
            ..Container::default()
        };
        let out: Vec<String> = invocations(&container)
            .iter()
            .map(|i| {
                format!(
                    "{} {:?} writes {:?} reads {:?}",
                    i.program, i.args, i.writes, i.reads
                )
            })
            .collect();
        expected.assert_eq(&out.join("\n"));
    }

    #[test]
    fn shell_scripts_are_read_through() {
        check(
            &[
                "sh",
                "-c",
                "while true; do echo $(date) >> $LOG; sleep 5; done & tail -f /var/log/app.log",
            ],
            expect![[r#"
                true [] writes [] reads []
                date [] writes [] reads []
                echo [""] writes ["/var/log/app.log"] reads []
                sleep ["5"] writes [] reads []
                tail ["-f", "/var/log/app.log"] writes [] reads ["/var/log/app.log"]"#]],
        );
    }

    #[test]
    fn wrappers_are_skipped() {
        check(
            &["/bin/busybox", "httpd", "-f", "-p", "8080"],
            expect![[r#"httpd ["-f", "-p", "8080"] writes [] reads []"#]],
        );
        check(
            &["sh", "-c", "exec nc -lk -p 9000 < /data/reply"],
            expect![[r#"nc ["-lk", "-p", "9000"] writes [] reads ["/data/reply"]"#]],
        );
    }
}
