//! What a container's command line says it runs: each program with its arguments, and the files
//! it writes and reads, read from `command`/`args` and from `sh -c` scripts through the shell's
//! parser. The topology reads ports, connections and volume use from these.

use std::collections::BTreeMap;

use crate::api::v1::Container;
use crate::runtime::kubelet_expansion;
use crate::runtime::shell::is_command_flag;
use crate::runtime::shell::syntax::{self, Command, List, Part, Redirect, Word};

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

/// The most invocations read from one container, the deepest `sh -c` nesting followed, the
/// script bytes parsed in all, and the longest word built from a script.
const MAX_INVOCATIONS: usize = 256;
const MAX_NESTING: usize = 4;
const MAX_PARSED_BYTES: usize = 256 * 1024;
const MAX_WORD_BYTES: usize = 64 * 1024;
const MAX_WORDS_BYTES: usize = 1024 * 1024;

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
    let arguments: Vec<String> = container
        .command
        .iter()
        .chain(&container.args)
        .cloned()
        .collect();
    let words: Vec<String> = entrypoint
        .into_iter()
        .chain(kubelet_expansion::expand_all(&arguments, &env))
        .collect();
    let mut reader = Reader {
        env: &env,
        parse_budget: MAX_PARSED_BYTES,
        word_budget: MAX_WORDS_BYTES,
        out: Vec::new(),
    };
    reader.words(&words, 0);
    reader.out
}

/// Reads one container's command line, within a budget.
struct Reader<'a> {
    /// The container's literal environment.
    env: &'a BTreeMap<String, String>,
    /// Bytes of `sh -c` scripts that may still be parsed.
    parse_budget: usize,
    /// Bytes that words built from scripts may still take, in all.
    word_budget: usize,
    /// The programs found so far.
    out: Vec<Invocation>,
}

impl Reader<'_> {
    /// Adds the invocation of an argument vector, following `sh -c SCRIPT` into the script.
    fn words(&mut self, words: &[String], depth: usize) {
        // `exec prog`, `busybox prog`, `nohup prog` and `/bin/prog` all run `prog`.
        let is_wrapper = |word: &String| {
            matches!(
                base_name(word),
                "exec" | "busybox" | "nohup" | "dumb-init" | "tini" | "--"
            )
        };
        let skip = words
            .iter()
            .position(|word| !is_wrapper(word))
            .unwrap_or(words.len().saturating_sub(1));
        let words = &words[skip..];
        let Some(first) = words.first() else {
            return;
        };
        if self.out.len() >= MAX_INVOCATIONS {
            return;
        }
        let program = base_name(first).to_owned();
        if matches!(program.as_str(), "sh" | "bash" | "ash" | "dash")
            && let [_, flag, script, ..] = words
            && is_command_flag(flag)
        {
            if depth < MAX_NESTING && script.len() <= self.parse_budget {
                self.parse_budget -= script.len();
                if let Ok(list) = syntax::parse(script) {
                    self.list(&list, depth + 1);
                }
            }
            return;
        }
        let mut invocation = Invocation {
            program,
            args: words[1..].to_vec(),
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
        self.out.push(invocation);
    }

    fn list(&mut self, list: &List, depth: usize) {
        for and_or in &list.0 {
            let pipelines =
                std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p));
            for pipeline in pipelines {
                for command in &pipeline.commands {
                    self.command(command, depth);
                }
            }
        }
    }

    fn command(&mut self, command: &Command, depth: usize) {
        if self.out.len() >= MAX_INVOCATIONS {
            return;
        }
        match command {
            Command::Simple {
                words, redirects, ..
            } => {
                let texts: Vec<String> = words.iter().map(|word| self.word(word, depth)).collect();
                let before = self.out.len();
                self.words(&texts, depth);
                let (writes, reads) = self.redirect_paths(redirects, depth);
                if self.out.len() > before
                    && let Some(last) = self.out.last_mut()
                {
                    last.writes.extend(writes);
                    last.reads.extend(reads);
                } else if !writes.is_empty() || !reads.is_empty() {
                    // A bare redirection (`> file`) still writes the file.
                    self.out.push(Invocation {
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
                let before = self.out.len();
                self.list(condition, depth);
                self.list(body, depth);
                self.attach_redirects(redirects, before, depth);
            }
            Command::For { items, body, .. } => {
                for item in items {
                    self.word(item, depth);
                }
                self.list(body, depth);
            }
            Command::If {
                branches,
                otherwise,
            } => {
                for (condition, body) in branches {
                    self.list(condition, depth);
                    self.list(body, depth);
                }
                if let Some(otherwise) = otherwise {
                    self.list(otherwise, depth);
                }
            }
            Command::Group(list, redirects) => {
                let before = self.out.len();
                self.list(list, depth);
                self.attach_redirects(redirects, before, depth);
            }
        }
    }

    /// A compound command's redirections apply to every program inside it.
    fn attach_redirects(&mut self, redirects: &[Redirect], from: usize, depth: usize) {
        let (writes, reads) = self.redirect_paths(redirects, depth);
        if let Some(first) = self.out.get_mut(from) {
            first.writes.extend(writes);
            first.reads.extend(reads);
        }
    }

    fn redirect_paths(
        &mut self,
        redirects: &[Redirect],
        depth: usize,
    ) -> (Vec<String>, Vec<String>) {
        let (mut writes, mut reads) = (Vec::new(), Vec::new());
        for redirect in redirects {
            match redirect {
                Redirect::Write(word)
                | Redirect::Append(word)
                | Redirect::WriteError(word)
                | Redirect::AppendError(word)
                | Redirect::WriteBoth(word) => {
                    let path = self.word(word, depth);
                    if !path.starts_with("/dev/") && !path.is_empty() {
                        writes.push(path);
                    }
                }
                Redirect::Read(word) => reads.push(self.word(word, depth)),
                Redirect::ErrorToOutput | Redirect::OutputToError => {}
            }
        }
        (writes, reads)
    }

    /// The text of a word with literal variables expanded, at most [`MAX_WORD_BYTES`] long;
    /// `$(command)` adds its invocations.
    fn word(&mut self, word: &Word, depth: usize) -> String {
        let mut text = String::new();
        for part in &word.0 {
            self.part(part, depth, &mut text);
        }
        text
    }

    fn part(&mut self, part: &Part, depth: usize, text: &mut String) {
        match part {
            Part::Literal(literal) | Part::Unquoted(literal) => self.push(text, literal),
            Part::Variable(name) => match self.env.get(name) {
                Some(value) => self.push(text, value),
                None => self.push(text, &format!("${name}")),
            },
            Part::Command(list) => self.list(list, depth),
            Part::Quoted(parts) => {
                for part in parts {
                    self.part(part, depth, text);
                }
            }
            Part::Arithmetic(_) => self.push(text, "0"),
        }
    }

    /// Appends as much of `addition` as the word's and the reader's budgets allow, ending on a
    /// character boundary.
    fn push(&mut self, text: &mut String, addition: &str) {
        let room = MAX_WORD_BYTES
            .saturating_sub(text.len())
            .min(self.word_budget);
        let mut end = addition.len().min(room);
        while !addition.is_char_boundary(end) {
            end -= 1;
        }
        text.push_str(&addition[..end]);
        self.word_budget -= end;
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
            env: vec![crate::api::v1::EnvVar {
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
